import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OBJECT_STORAGE, UrlSigner, type ObjectStorage } from '@lms/storage';
import { createApiApp } from '../../../apps/api/src/app.factory';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startS3rver, type S3TestServer } from '../../support/s3rver';

const PUBLIC_URL = 'http://lms.test';
const SECRET = randomBytes(32).toString('hex');

interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
  json(): { code?: string; message?: string; requestId?: string };
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** `http://lms.test/api/v1/...?...` → `/api/v1/...?...` */
function local(url: string): string {
  expect(url.startsWith(PUBLIC_URL)).toBe(true);
  return url.slice(PUBLIC_URL.length);
}

function withQuery(url: string, name: string, value: string): string {
  const u = new URL(url, PUBLIC_URL);
  u.searchParams.set(name, value);
  return `${u.pathname}${u.search}`;
}

describe('signed storage URLs (real api, fs driver)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let dataDir: string;
  let storageRoot: string;
  let storage: ObjectStorage;

  const send = async (options: {
    method: 'GET' | 'HEAD' | 'PUT';
    url: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
  }): Promise<Answer> =>
    (await app.inject({ method: options.method, url: options.url, headers: options.headers, payload: options.body })) as unknown as Answer;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lms-e2e-storage-'));
    storageRoot = path.join(dataDir, 'objects');
    app = await createApiApp({
      env: {
        DATABASE_URL: db.url,
        LMS_DATA_DIR: dataDir,
        PUBLIC_URL,
        STORAGE_DRIVER: 'fs',
        STORAGE_FS_ROOT: storageRoot,
        STORAGE_SIGNING_SECRET: SECRET,
        S3_ENDPOINT: undefined,
        JOBS_DRIVER: 'inline',
        REDIS_URL: process.env.REDIS_URL,
        // Far below the uploads below: signed PUTs stream and are not bound by the JSON body limit.
        HTTP_BODY_LIMIT_BYTES: '4096',
        LOG_LEVEL: 'silent',
        WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
      },
    });
    await app.getHttpAdapter().getInstance().ready();
    storage = app.get<ObjectStorage>(OBJECT_STORAGE);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('uploads through a signed PUT and downloads through a signed GET (Vietnamese download name)', async () => {
    const key = `courses/1/tài liệu/${randomBytes(4).toString('hex')}.pdf`;
    const body = randomBytes(100_000);
    const put = await storage.presignPut(key, { contentType: 'application/pdf' });
    const uploaded = await send({ method: 'PUT', url: local(put.url), headers: put.headers, body });
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);

    const url = await storage.presignGet(key, { disposition: 'attachment', downloadName: 'Giáo án Tin học lớp 6.pdf' });
    const got = await send({ method: 'GET', url: local(url) });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(body)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-length']).toBe(String(body.length));
    expect(got.headers['accept-ranges']).toBe('bytes');
    expect(got.headers.etag).toBe(uploaded.headers.etag);
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Giao an Tin hoc lop 6.pdf"; filename*=UTF-8''Gi%C3%A1o%20%C3%A1n%20Tin%20h%E1%BB%8Dc%20l%E1%BB%9Bp%206.pdf`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });

  it('stores bodies of any content type raw, JSON and text included, keeping the sent type', async () => {
    const notJson = Buffer.from('{ this is not JSON', 'utf8');
    const put = await storage.presignPut('raw/notes.json');
    const res = await send({ method: 'PUT', url: local(put.url), headers: { 'content-type': 'application/json' }, body: notJson });
    expect(res.statusCode).toBe(200);
    const got = await send({ method: 'GET', url: local(await storage.presignGet('raw/notes.json')) });
    expect(got.rawPayload.equals(notJson)).toBe(true);
    expect(got.headers['content-type']).toBe('application/json');

    const text = 'Xin chào\n';
    const textPut = await storage.presignPut('raw/hello.txt');
    expect((await send({ method: 'PUT', url: local(textPut.url), headers: { 'content-type': 'text/plain' }, body: text })).statusCode).toBe(200);
    expect((await storage.stat('raw/hello.txt'))?.size).toBe(Buffer.byteLength(text));
  });

  it('leaves other routes\u2019 body parsing alone: an unknown content type there still gets 415', async () => {
    const res = await send({ method: 'PUT', url: '/api/v1/client-errors', headers: { 'content-type': 'application/x-lms-storage-upload' }, body: 'x' });
    expect(res.statusCode).not.toBe(200);
    expect(res.statusCode).toBeLessThan(500);
  });

  describe('ranges', () => {
    const body = Buffer.from('0123456789abcdefghij');
    let url: string;
    beforeAll(async () => {
      await storage.put('ranges/r.txt', body, { contentType: 'text/plain' });
      url = local(await storage.presignGet('ranges/r.txt'));
    });

    it('answers 206 with Content-Range and exactly those bytes', async () => {
      const res = await send({ method: 'GET', url, headers: { range: 'bytes=2-5' } });
      expect(res.statusCode).toBe(206);
      expect(res.headers['content-range']).toBe('bytes 2-5/20');
      expect(res.headers['content-length']).toBe('4');
      expect(res.rawPayload.toString()).toBe('2345');
      const suffix = await send({ method: 'GET', url, headers: { range: 'bytes=-3' } });
      expect(suffix.statusCode).toBe(206);
      expect(suffix.rawPayload.toString()).toBe('hij');
      const open = await send({ method: 'GET', url, headers: { range: 'bytes=15-' } });
      expect(open.headers['content-range']).toBe('bytes 15-19/20');
      expect(open.rawPayload.toString()).toBe('fghij');
    });

    it('answers 416 STORAGE_RANGE_NOT_SATISFIABLE past the end', async () => {
      const res = await send({ method: 'GET', url, headers: { range: 'bytes=20-30' } });
      expect(res.statusCode).toBe(416);
      expect(res.json().code).toBe('STORAGE_RANGE_NOT_SATISFIABLE');
      expect(res.headers['content-range']).toBe('bytes */20');
    });

    it('answers HEAD with the headers and no body', async () => {
      const res = await send({ method: 'HEAD', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-length']).toBe('20');
      expect(res.headers['content-type']).toBe('text/plain');
      expect(res.rawPayload.length).toBe(0);
    });
  });

  describe('refusals', () => {
    let getUrl: string;
    beforeAll(async () => {
      await storage.put('private/grades.csv', Buffer.from('a,b\n1,2\n'), { contentType: 'text/csv' });
      getUrl = local(await storage.presignGet('private/grades.csv', { disposition: 'inline' }));
    });

    const expectRefusal = (res: Answer, status: number, code: string) => {
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code });
      expect(res.json().message).toBeTruthy();
      expect(res.json().requestId).toBeTruthy();
    };

    it('a tampered signature → 403 STORAGE_SIGNATURE_INVALID', async () => {
      const sig = new URL(getUrl, PUBLIC_URL).searchParams.get('sig') as string;
      const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
      expectRefusal(await send({ method: 'GET', url: withQuery(getUrl, 'sig', flipped) }), 403, 'STORAGE_SIGNATURE_INVALID');
    });

    it('a missing signature → 403 STORAGE_SIGNATURE_INVALID', async () => {
      expectRefusal(await send({ method: 'GET', url: '/api/v1/storage/objects/private/grades.csv' }), 403, 'STORAGE_SIGNATURE_INVALID');
    });

    it('another key under the same signature → 403', async () => {
      await storage.put('private/other.csv', Buffer.from('secret'));
      const url = getUrl.replace('/private/grades.csv?', '/private/other.csv?');
      expectRefusal(await send({ method: 'GET', url }), 403, 'STORAGE_SIGNATURE_INVALID');
    });

    it('a pushed-back expiry → 403 STORAGE_SIGNATURE_INVALID', async () => {
      const expires = Number(new URL(getUrl, PUBLIC_URL).searchParams.get('expires'));
      expectRefusal(await send({ method: 'GET', url: withQuery(getUrl, 'expires', String(expires + 86_400)) }), 403, 'STORAGE_SIGNATURE_INVALID');
    });

    it('a changed disposition → 403', async () => {
      expectRefusal(await send({ method: 'GET', url: withQuery(getUrl, 'disposition', 'attachment') }), 403, 'STORAGE_SIGNATURE_INVALID');
    });

    it('an expired URL → 403 STORAGE_SIGNATURE_EXPIRED', async () => {
      const signer = new UrlSigner(SECRET, PUBLIC_URL);
      const url = signer.sign({ method: 'GET', key: 'private/grades.csv', expires: Math.floor(Date.now() / 1000) - 5 });
      expectRefusal(await send({ method: 'GET', url: local(url) }), 403, 'STORAGE_SIGNATURE_EXPIRED');
    });

    it('traversal in the URL → 400 STORAGE_KEY_INVALID or 403, never 500, and nothing read', async () => {
      const query = new URL(getUrl, PUBLIC_URL).search;
      for (const raw of ['..%2F..%2F..%2Fetc%2Fpasswd', '..%2Fobjects%2Fprivate%2Fgrades.csv', '%2Fabs', 'a%00b', 'a%5Cb']) {
        const res = await send({ method: 'GET', url: `/api/v1/storage/objects/${raw}${query}` });
        expect({ raw, status: res.statusCode, code: res.json().code }).toEqual({ raw, status: 400, code: 'STORAGE_KEY_INVALID' });
      }
      // Unescaped dot segments: whatever normalises them, the answer is a refusal, not a file.
      for (const raw of ['a/../../../etc/passwd', 'a/%2E%2E/%2E%2E/b']) {
        const dots = await send({ method: 'GET', url: `/api/v1/storage/objects/${raw}${query}` });
        expect([400, 403, 404]).toContain(dots.statusCode);
      }
      // Broken percent-encoding is refused by Fastify's router itself (400 FST_ERR_BAD_URL).
      const malformed = await send({ method: 'GET', url: `/api/v1/storage/objects/%E0%A4%A${query}` });
      expect(malformed.statusCode).toBe(400);
    });

    it('refused PUTs write nothing: tampered, expired, traversal, a GET signature, a part number changed', async () => {
      const before = await allFiles(dataDir);
      const put = await storage.presignPut('uploads/refused.bin');
      const signer = new UrlSigner(SECRET, PUBLIC_URL);
      const expired = signer.sign({ method: 'PUT', key: 'uploads/refused.bin', expires: Math.floor(Date.now() / 1000) - 1 });
      const upload = await storage.createMultipartUpload('uploads/parts.bin');
      const partUrl = local((await storage.presignUploadPart(upload, 1)).url);
      const afterCreate = await allFiles(dataDir);
      const attempts: [string, number, string][] = [
        [withQuery(local(put.url), 'sig', '0'.repeat(64)), 403, 'STORAGE_SIGNATURE_INVALID'],
        [local(put.url).replace('refused.bin', 'other.bin'), 403, 'STORAGE_SIGNATURE_INVALID'],
        [local(expired), 403, 'STORAGE_SIGNATURE_EXPIRED'],
        [`/api/v1/storage/objects/..%2F..%2Fescaped.bin${new URL(put.url).search}`, 400, 'STORAGE_KEY_INVALID'],
        [local(await storage.presignGet('uploads/refused.bin')), 403, 'STORAGE_SIGNATURE_INVALID'],
        [withQuery(partUrl, 'partNumber', '2'), 403, 'STORAGE_SIGNATURE_INVALID'],
      ];
      for (const [url, status, code] of attempts) {
        const res = await send({ method: 'PUT', url, headers: { 'content-type': 'application/octet-stream' }, body: randomBytes(10_000) });
        expect({ url, status: res.statusCode, code: res.json().code }).toEqual({ url, status, code });
      }
      expect(await storage.stat('uploads/refused.bin')).toBeNull();
      expect(await storage.listUploadedParts(upload)).toEqual([]);
      expect(await allFiles(dataDir)).toEqual(afterCreate);
      expect(afterCreate.filter((f) => !before.includes(f)).every((f) => f.includes(`${path.sep}uploads${path.sep}${upload.uploadId}`))).toBe(true);
      expect(await allFiles(path.dirname(dataDir)).then((files) => files.filter((f) => f.endsWith('escaped.bin')))).toEqual([]);
    });

    it('an unknown key under a valid signature → 404 STORAGE_OBJECT_NOT_FOUND', async () => {
      const url = local(await storage.presignGet('private/never-uploaded.csv'));
      expectRefusal(await send({ method: 'GET', url }), 404, 'STORAGE_OBJECT_NOT_FOUND');
    });
  });

  it('runs a multipart upload through signed part URLs', async () => {
    const key = 'videos/lesson-1.mp4';
    const upload = await storage.createMultipartUpload(key, { contentType: 'video/mp4' });
    const parts = [randomBytes(300_000), randomBytes(123)];
    for (const [index, part] of parts.entries()) {
      const presigned = await storage.presignUploadPart(upload, index + 1);
      const res = await send({ method: 'PUT', url: local(presigned.url), body: part });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    }
    const listed = await storage.listUploadedParts(upload);
    expect(listed.map((p) => p.partNumber)).toEqual([1, 2]);
    await storage.completeMultipartUpload(upload, listed);
    const got = await send({ method: 'GET', url: local(await storage.presignGet(key)) });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('video/mp4');
    expect(got.rawPayload.equals(Buffer.concat(parts))).toBe(true);
  });

  it('documents every storage operation with an operationId', async () => {
    const res = await send({ method: 'GET', url: '/api/docs-json' });
    const doc = JSON.parse(res.rawPayload.toString()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ids = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/storage/objects'))
      .flatMap(([, ops]) => Object.values(ops).map((op) => op.operationId));
    expect(ids.sort()).toEqual(['getStorageObject', 'headStorageObject', 'putStorageObject']);
  });
});

describe('signed storage routes under the s3 driver', () => {
  let db: TestDatabase;
  let s3: S3TestServer;
  let app: NestFastifyApplication;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    s3 = await startS3rver();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lms-e2e-storage-s3-'));
    app = await createApiApp({
      env: {
        DATABASE_URL: db.url,
        LMS_DATA_DIR: dataDir,
        PUBLIC_URL,
        STORAGE_DRIVER: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY: s3.accessKey,
        S3_SECRET_KEY: s3.secretKey,
        S3_BUCKET: s3.bucket,
        STORAGE_SIGNING_SECRET: undefined,
        JOBS_DRIVER: 'inline',
        REDIS_URL: process.env.REDIS_URL,
        LOG_LEVEL: 'silent',
        WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
      },
    });
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await s3?.stop();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 404 on the filesystem routes, even with a URL signed by the old secret', async () => {
    const signed = new UrlSigner(SECRET, PUBLIC_URL).sign({ method: 'GET', key: 'a/b.txt', expires: Math.floor(Date.now() / 1000) + 60 });
    for (const method of ['GET', 'PUT'] as const) {
      const res = await app.inject({ method, url: local(signed), payload: method === 'PUT' ? 'x' : undefined });
      expect(res.statusCode).toBe(404);
    }
    const storage = app.get<ObjectStorage>(OBJECT_STORAGE);
    expect(storage.driver).toBe('s3');
    expect(await storage.presignGet('a/b.txt')).toContain(s3.endpoint);
  });
});
