import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loadAppConfig } from '@lms/core';
import {
  FsObjectStorage,
  STORAGE_OBJECTS_PATH,
  StorageKeyInvalidException,
  StorageObjectNotFoundException,
  StorageRangeNotSatisfiableException,
  StorageUploadNotFoundException,
  type UrlSigner,
  contentDisposition,
  createObjectStorage,
  createUrlSigner,
  type ObjectStat,
  type ObjectStorage,
  type PresignedPut,
} from '@lms/storage';
import { startS3rver } from '../../support/s3rver';

/** What the contract needs from a driver under test, beyond the ObjectStorage interface. */
interface DriverUnderTest {
  storage: ObjectStorage;
  /** Performs a presigned PUT the way a browser would; returns the ETag the server answered. */
  presignedPut(presigned: PresignedPut, body: Buffer): Promise<string | null>;
  /** Performs a presigned GET the way a browser would. */
  presignedGet(url: string): Promise<{ body: Buffer; contentType: string | null; contentDisposition: string | null }>;
  /** Every file or key that exists, to prove refused writes left nothing behind. */
  everything(): Promise<string[]>;
  /** s3rver lacks ListMultipartUploads; real S3 servers (S3_ENDPOINT) and the fs driver have it. */
  listsMultipartUploads: boolean;
  stop(): Promise<void>;
}

type DriverFactory = () => Promise<DriverUnderTest>;

const SECRET = randomBytes(32).toString('hex');
const BASE_ENV = { DATABASE_URL: 'postgres://lms@127.0.0.1:5432/unused', PUBLIC_URL: 'http://lms.test', STORAGE_PRESIGN_TTL_SECONDS: '300' };

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

async function collect(iterable: AsyncIterable<ObjectStat>): Promise<ObjectStat[]> {
  const out: ObjectStat[] = [];
  for await (const item of iterable) out.push(item);
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** fs: the URL is checked with the UrlSigner and the driver is called as the api controller would. */
const fsDriver: DriverFactory = async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'lms-fs-contract-'));
  const root = path.join(parent, 'objects-root');
  const config = loadAppConfig({ ...BASE_ENV, STORAGE_DRIVER: 'fs', STORAGE_FS_ROOT: root, STORAGE_SIGNING_SECRET: SECRET });
  const signer = createUrlSigner(config) as UrlSigner;
  const storage = await createObjectStorage(config, signer);
  if (!(storage instanceof FsObjectStorage)) throw new Error('expected the fs driver');
  const parse = (url: string) => {
    const u = new URL(url);
    expect(u.origin + u.pathname.slice(0, STORAGE_OBJECTS_PATH.length)).toBe(`http://lms.test${STORAGE_OBJECTS_PATH}`);
    return { key: decodeURIComponent(u.pathname.slice(STORAGE_OBJECTS_PATH.length + 1)), query: u.searchParams };
  };
  return {
    storage,
    async presignedPut(presigned, body) {
      const verified = signer.verify({ method: presigned.method, ...parse(presigned.url) });
      const { uploadId, partNumber, contentType } = verified.params;
      if (uploadId) return (await storage.putPart({ key: verified.key, uploadId }, Number(partNumber), Readable.from([body]))).etag;
      return (await storage.put(verified.key, Readable.from([body]), { contentType })).etag;
    },
    async presignedGet(url) {
      const verified = signer.verify({ method: 'GET', ...parse(url) });
      const stat = await storage.stat(verified.key);
      const { disposition, filename } = verified.params;
      return {
        body: await readAll(await storage.get(verified.key)),
        contentType: verified.params.contentType ?? stat?.contentType ?? null,
        contentDisposition: disposition || filename ? contentDisposition(disposition ?? 'attachment', filename) : null,
      };
    },
    // The whole temp parent, so a write that escaped the root would show too.
    everything: () => listFiles(parent),
    listsMultipartUploads: true,
    stop: () => rm(parent, { recursive: true, force: true }),
  };
};

/** s3: s3rver (or S3_ENDPOINT), presigned URLs fetched over real HTTP. */
const s3Driver: DriverFactory = async () => {
  const server = await startS3rver();
  const config = loadAppConfig({
    ...BASE_ENV,
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: server.endpoint,
    S3_ACCESS_KEY: server.accessKey,
    S3_SECRET_KEY: server.secretKey,
    S3_BUCKET: server.bucket,
  });
  const storage = await createObjectStorage(config); // creates the bucket
  return {
    storage,
    async presignedPut(presigned, body) {
      const response = await fetch(presigned.url, { method: 'PUT', headers: presigned.headers, body });
      expect(response.status).toBe(200);
      return response.headers.get('etag')?.replace(/"/g, '') ?? null;
    },
    async presignedGet(url) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      return {
        body: Buffer.from(await response.arrayBuffer()),
        contentType: response.headers.get('content-type'),
        contentDisposition: response.headers.get('content-disposition'),
      };
    },
    everything: async () => (await collect(storage.list(''))).map((o) => o.key),
    listsMultipartUploads: Boolean(process.env.S3_ENDPOINT),
    stop: () => server.stop(),
  };
};

function storageContract(factory: DriverFactory): void {
  let driver: DriverUnderTest;
  let storage: ObjectStorage;
  // Every test writes under its own prefix, so a shared S3 bucket (S3_ENDPOINT) stays usable.
  let base: string;

  beforeAll(async () => {
    driver = await factory();
    storage = driver.storage;
  });
  afterAll(async () => {
    await driver?.stop();
  });
  beforeEach(() => {
    base = `contract-${randomBytes(4).toString('hex')}`;
  });

  it('answers ping', async () => {
    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it('puts a Buffer and gets it back whole, with stat giving size and content type', async () => {
    const body = Buffer.from('Xin chào, Bình dân học vụ số!', 'utf8');
    const put = await storage.put(`${base}/hello.txt`, body, { contentType: 'text/plain; charset=utf-8' });
    expect(put).toMatchObject({ key: `${base}/hello.txt`, size: body.length });
    expect((await readAll(await storage.get(`${base}/hello.txt`))).equals(body)).toBe(true);
    const stat = await storage.stat(`${base}/hello.txt`);
    expect(stat).toMatchObject({ key: `${base}/hello.txt`, size: body.length, contentType: 'text/plain; charset=utf-8' });
    expect(stat?.etag).toBeTruthy();
    expect(Number.isFinite(stat?.lastModified.getTime())).toBe(true);
  });

  it('puts from a stream of unknown length', async () => {
    const chunks = [randomBytes(70_000), randomBytes(3), randomBytes(100_000)];
    await storage.put(`${base}/stream.bin`, Readable.from(chunks), { contentType: 'application/octet-stream' });
    expect((await readAll(await storage.get(`${base}/stream.bin`))).equals(Buffer.concat(chunks))).toBe(true);
    expect((await storage.stat(`${base}/stream.bin`))?.size).toBe(170_003);
  });

  it('puts a stream larger than one S3 part (the s3 driver then uploads in parts)', async () => {
    const chunks = Array.from({ length: 11 }, () => randomBytes(1024 * 1024));
    const stat = await storage.put(`${base}/large.bin`, Readable.from(chunks), { contentType: 'video/mp4' });
    expect(stat).toMatchObject({ size: 11 * 1024 * 1024, contentType: 'video/mp4' });
    expect((await readAll(await storage.get(`${base}/large.bin`))).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('replaces an object on a second put', async () => {
    await storage.put(`${base}/x`, Buffer.from('first version'));
    await storage.put(`${base}/x`, Buffer.from('second'), { contentType: 'text/plain' });
    expect((await readAll(await storage.get(`${base}/x`))).toString()).toBe('second');
    expect(await storage.stat(`${base}/x`)).toMatchObject({ size: 6, contentType: 'text/plain' });
  });

  it('gets byte ranges (inclusive), open-ended ranges, and refuses ranges past the end', async () => {
    const body = Buffer.from('0123456789abcdef');
    await storage.put(`${base}/range.txt`, body);
    expect((await readAll(await storage.get(`${base}/range.txt`, { start: 2, end: 5 }))).toString()).toBe('2345');
    expect((await readAll(await storage.get(`${base}/range.txt`, { start: 10 }))).toString()).toBe('abcdef');
    expect((await readAll(await storage.get(`${base}/range.txt`, { start: 1, end: 1 }))).toString()).toBe('1');
    expect((await readAll(await storage.get(`${base}/range.txt`, { start: 14, end: 99 }))).toString()).toBe('ef');
    await expect(storage.get(`${base}/range.txt`, { start: 16 })).rejects.toBeInstanceOf(StorageRangeNotSatisfiableException);
  });

  it('reports a missing object: stat null, get 404', async () => {
    expect(await storage.stat(`${base}/missing`)).toBeNull();
    await expect(storage.get(`${base}/missing`)).rejects.toBeInstanceOf(StorageObjectNotFoundException);
    await expect(storage.get(`${base}/missing`, { start: 0, end: 1 })).rejects.toBeInstanceOf(StorageObjectNotFoundException);
  });

  it('deletes, and deleting again (or something never stored) is not an error', async () => {
    await storage.put(`${base}/a/b/c.txt`, Buffer.from('c'));
    await storage.delete(`${base}/a/b/c.txt`);
    expect(await storage.stat(`${base}/a/b/c.txt`)).toBeNull();
    await expect(storage.delete(`${base}/a/b/c.txt`)).resolves.toBeUndefined();
    await expect(storage.delete(`${base}/never/stored`)).resolves.toBeUndefined();
    // What used to be a "folder" can now hold an object of the same name.
    await storage.put(`${base}/a/b`, Buffer.from('b'));
    expect((await storage.stat(`${base}/a/b`))?.size).toBe(1);
  });

  it('lists by prefix: nested keys included, nothing outside the prefix', async () => {
    const keys = [`${base}/p/a.txt`, `${base}/p/sub/b.txt`, `${base}/p/sub/deeper/c.txt`, `${base}/pq/x.txt`, `${base}/other/y.txt`];
    for (const key of keys) await storage.put(key, Buffer.from(key));
    const folder = await collect(storage.list(`${base}/p/`));
    expect(folder.map((o) => o.key)).toEqual([`${base}/p/a.txt`, `${base}/p/sub/b.txt`, `${base}/p/sub/deeper/c.txt`]);
    expect(folder[0].size).toBe(Buffer.byteLength(`${base}/p/a.txt`));
    const partial = await collect(storage.list(`${base}/p`));
    expect(partial.map((o) => o.key)).toEqual([`${base}/p/a.txt`, `${base}/p/sub/b.txt`, `${base}/p/sub/deeper/c.txt`, `${base}/pq/x.txt`]);
    expect(await collect(storage.list(`${base}/nothing/`))).toEqual([]);
  });

  it.each([['../x'], ['/abs'], ['a/../../b'], ['a\u0000b'], ['a\\b'], ['..'], ['']])('refuses the key %j everywhere, writing nothing', async (badKey) => {
    const before = await driver.everything();
    await expect(storage.put(badKey, Buffer.from('evil'))).rejects.toBeInstanceOf(StorageKeyInvalidException);
    await expect(storage.put(badKey, Readable.from([Buffer.from('evil')]))).rejects.toBeInstanceOf(StorageKeyInvalidException);
    await expect(storage.get(badKey)).rejects.toBeInstanceOf(StorageKeyInvalidException);
    await expect(storage.stat(badKey)).rejects.toBeInstanceOf(StorageKeyInvalidException);
    await expect(storage.delete(badKey)).rejects.toBeInstanceOf(StorageKeyInvalidException);
    await expect(storage.presignPut(badKey)).rejects.toBeInstanceOf(StorageKeyInvalidException);
    await expect(storage.presignGet(badKey)).rejects.toBeInstanceOf(StorageKeyInvalidException);
    await expect(storage.createMultipartUpload(badKey)).rejects.toBeInstanceOf(StorageKeyInvalidException);
    expect(await driver.everything()).toEqual(before);
  });

  it('refuses an unsafe list prefix', async () => {
    await expect(collect(storage.list('../'))).rejects.toBeInstanceOf(StorageKeyInvalidException);
  });

  it('uploads through a presigned PUT and downloads through a presigned GET with a Vietnamese download name', async () => {
    const key = `${base}/tài liệu/Bài 1 (bản cuối).pdf`;
    const body = randomBytes(4096);
    const presigned = await storage.presignPut(key, { contentType: 'application/pdf', expiresInSeconds: 120 });
    expect(presigned).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'application/pdf' } });
    expect(presigned.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(presigned.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 121_000);
    const etag = await driver.presignedPut(presigned, body);
    expect(etag).toBe((await storage.stat(key))?.etag);

    const url = await storage.presignGet(key, { disposition: 'attachment', downloadName: 'Bài giảng Tin học – lớp 6.pdf' });
    const got = await driver.presignedGet(url);
    expect(got.body.equals(body)).toBe(true);
    expect(got.contentType).toBe('application/pdf');
    expect(got.contentDisposition).toBe(contentDisposition('attachment', 'Bài giảng Tin học – lớp 6.pdf'));
  });

  describe('multipart upload', () => {
    // S3 wants every part but the last to be at least 5 MiB.
    const part1 = randomBytes(5 * 1024 * 1024);
    const part2 = randomBytes(256 * 1024);
    const part3 = Buffer.from('the end');

    it('creates, uploads parts through presigned URLs, lists them to resume, and completes in order', async () => {
      const key = `${base}/video/lesson.mp4`;
      const upload = await storage.createMultipartUpload(key, { contentType: 'video/mp4' });
      expect(upload).toMatchObject({ key, uploadId: expect.any(String) });
      expect(await storage.listUploadedParts(upload)).toEqual([]);

      // Uploaded out of order, as parallel browsers do.
      const etag2 = await driver.presignedPut(await storage.presignUploadPart(upload, 2), part2);
      const etag1 = await driver.presignedPut(await storage.presignUploadPart(upload, 1, { expiresInSeconds: 60 }), part1);

      // A resuming client asks what is there and sends only what is missing.
      const listed = await storage.listUploadedParts(upload);
      expect(listed).toEqual([
        { partNumber: 1, etag: etag1 },
        { partNumber: 2, etag: etag2 },
      ]);
      const etag3 = await driver.presignedPut(await storage.presignUploadPart(upload, 3), part3);
      expect(await storage.stat(key)).toBeNull(); // nothing visible before completion

      const done = await storage.completeMultipartUpload(upload, [...listed, { partNumber: 3, etag: etag3 as string }]);
      const whole = Buffer.concat([part1, part2, part3]);
      expect(done).toMatchObject({ key, size: whole.length, contentType: 'video/mp4' });
      expect((await readAll(await storage.get(key))).equals(whole)).toBe(true);
      expect((await readAll(await storage.get(key, { start: part1.length - 2, end: part1.length + 1 }))).equals(whole.subarray(part1.length - 2, part1.length + 2))).toBe(true);
      await expect(storage.listUploadedParts(upload)).rejects.toBeInstanceOf(StorageUploadNotFoundException);
    });

    it('aborts: parts are dropped, nothing becomes visible, aborting twice is fine', async () => {
      const key = `${base}/video/cancelled.mp4`;
      const upload = await storage.createMultipartUpload(key);
      await driver.presignedPut(await storage.presignUploadPart(upload, 1), part3);
      expect(await storage.listUploadedParts(upload)).toHaveLength(1);
      await storage.abortMultipartUpload(upload);
      await expect(storage.listUploadedParts(upload)).rejects.toBeInstanceOf(StorageUploadNotFoundException);
      expect(await storage.stat(key)).toBeNull();
      await expect(storage.abortMultipartUpload(upload)).resolves.toBeUndefined();
    });

    it('aborts stale uploads under a prefix, leaving younger ones', async () => {
      if (!driver.listsMultipartUploads) return; // s3rver: see listsMultipartUploads
      const stale = await storage.createMultipartUpload(`${base}/stale/a.mp4`);
      const elsewhere = await storage.createMultipartUpload(`${base}/kept/b.mp4`);
      expect(await storage.abortStaleMultipartUploads(new Date(Date.now() + 60_000), `${base}/stale/`)).toBe(1);
      await expect(storage.listUploadedParts(stale)).rejects.toBeInstanceOf(StorageUploadNotFoundException);
      expect(await storage.abortStaleMultipartUploads(new Date(Date.now() - 60_000), `${base}/`)).toBe(0);
      expect(await storage.listUploadedParts(elsewhere)).toEqual([]);
      await storage.abortMultipartUpload(elsewhere);
    });
  });
}

describe.each<[string, DriverFactory]>([
  ['fs', fsDriver],
  ['s3', s3Driver],
])('ObjectStorage contract: %s driver', (_name, factory) => {
  storageContract(factory);
});
