import { once } from 'node:events';
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, open, readFile, readdir, rename, rm, rmdir, stat as fsStat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type {
  ByteRange,
  MultipartUpload,
  ObjectStat,
  ObjectStorage,
  PresignedGetOptions,
  PresignedPut,
  PutOptions,
  UploadedPart,
} from '../object-storage';
import { assertValidStorageKey, assertValidStoragePrefix } from '../storage-key';
import {
  StorageKeyConflictException,
  StorageObjectNotFoundException,
  StoragePartInvalidException,
  StorageRangeNotSatisfiableException,
  StorageUploadNotFoundException,
} from '../storage.exceptions';
import type { SignedUrlParams, UrlSigner } from '../url-signer';

export interface FsObjectStorageOptions {
  /** Folder that holds everything; created at start-up. */
  root: string;
  signer: UrlSigner;
  presignTtlSeconds: number;
}

interface ObjectMeta {
  contentType: string | null;
  etag: string | null;
}

interface UploadRecord {
  key: string;
  contentType: string | null;
  initiatedAt: string;
}

const UPLOAD_ID = /^[0-9a-f]{32}$/;
const MAX_PART_NUMBER = 10_000;

/**
 * Objects in a local folder, for the embedded default and tests. Layout under `root`:
 *   objects/<key>             the bytes (keys are validated, so they never leave this folder)
 *   meta/<key>                JSON sidecar: content type and ETag (same relative path, other tree)
 *   uploads/<uploadId>/       multipart staging: upload.json, 00001.part + 00001.json, ...
 *   tmp/                      files being written; renamed into place once complete
 * Every write goes to tmp/ first and is renamed (atomic on one filesystem), so a reader sees the
 * old object or the new one, never half of it. Browsers reach objects through HMAC-signed API
 * URLs (see UrlSigner and the api's storage controller).
 */
export class FsObjectStorage implements ObjectStorage {
  readonly driver = 'fs' as const;
  readonly signer: UrlSigner;
  private readonly objectsDir: string;
  private readonly metaDir: string;
  private readonly uploadsDir: string;
  private readonly tmpDir: string;

  constructor(private readonly options: FsObjectStorageOptions) {
    const root = path.resolve(options.root);
    this.signer = options.signer;
    this.objectsDir = path.join(root, 'objects');
    this.metaDir = path.join(root, 'meta');
    this.uploadsDir = path.join(root, 'uploads');
    this.tmpDir = path.join(root, 'tmp');
  }

  /** Creates the folders; called once at start-up by StorageModule. */
  async init(): Promise<void> {
    for (const dir of [this.objectsDir, this.metaDir, this.uploadsDir, this.tmpDir]) {
      await mkdir(dir, { recursive: true });
    }
  }

  async ping(): Promise<void> {
    await access(this.objectsDir, fsConstants.W_OK);
    await access(this.tmpDir, fsConstants.W_OK);
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<ObjectStat> {
    assertValidStorageKey(key);
    const written = await this.writeTemp(body);
    try {
      await this.commit(key, written.path, { contentType: options.contentType ?? null, etag: written.md5 });
    } finally {
      await rm(written.path, { force: true });
    }
    return this.requireStat(key);
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertValidStorageKey(key);
    const file = this.objectPath(key);
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectNotFoundException();
      throw error;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new StorageObjectNotFoundException();
      if (range) {
        const end = range.end === undefined ? info.size - 1 : Math.min(range.end, info.size - 1);
        if (range.start < 0 || range.start >= info.size || end < range.start) {
          throw new StorageRangeNotSatisfiableException(info.size);
        }
        return handle.createReadStream({ start: range.start, end });
      }
      return handle.createReadStream();
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    assertValidStorageKey(key);
    return this.statUnchecked(key);
  }

  private async statUnchecked(key: string): Promise<ObjectStat | null> {
    let info;
    try {
      info = await fsStat(this.objectPath(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    if (!info.isFile()) return null;
    const meta = await this.readMeta(key);
    return { key, size: info.size, contentType: meta.contentType, etag: meta.etag, lastModified: info.mtime };
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    for (const file of [this.objectPath(key), this.metaPath(key)]) {
      try {
        await unlink(file);
      } catch (error) {
        if (!isMissing(error) && code(error) !== 'EISDIR' && code(error) !== 'EPERM') throw error;
      }
    }
    // Empty folders left behind would block a later object named like the folder.
    await this.pruneEmptyParents(this.objectsDir, key);
    await this.pruneEmptyParents(this.metaDir, key);
  }

  async *list(prefix: string): AsyncIterable<ObjectStat> {
    assertValidStoragePrefix(prefix);
    const slash = prefix.lastIndexOf('/');
    const baseKey = slash >= 0 ? prefix.slice(0, slash) : '';
    yield* this.walk(baseKey, prefix);
  }

  async presignGet(key: string, options: PresignedGetOptions = {}): Promise<string> {
    assertValidStorageKey(key);
    const params: SignedUrlParams = {};
    if (options.disposition || options.downloadName) params.disposition = options.disposition ?? 'attachment';
    if (options.downloadName) params.filename = options.downloadName;
    if (options.contentType) params.contentType = options.contentType;
    const expires = this.signer.expiryFromNow(options.expiresInSeconds ?? this.options.presignTtlSeconds);
    return this.signer.sign({ method: 'GET', key, expires, params });
  }

  async presignPut(key: string, options: { expiresInSeconds?: number; contentType?: string } = {}): Promise<PresignedPut> {
    assertValidStorageKey(key);
    const expires = this.signer.expiryFromNow(options.expiresInSeconds ?? this.options.presignTtlSeconds);
    const params: SignedUrlParams = options.contentType ? { contentType: options.contentType } : {};
    return {
      url: this.signer.sign({ method: 'PUT', key, expires, params }),
      method: 'PUT',
      headers: options.contentType ? { 'Content-Type': options.contentType } : {},
      expiresAt: new Date(expires * 1000),
    };
  }

  async createMultipartUpload(key: string, options: { contentType?: string } = {}): Promise<MultipartUpload> {
    assertValidStorageKey(key);
    const uploadId = randomBytes(16).toString('hex');
    const record: UploadRecord = { key, contentType: options.contentType ?? null, initiatedAt: new Date().toISOString() };
    await mkdir(path.join(this.uploadsDir, uploadId), { recursive: true });
    await this.writeFileAtomic(path.join(this.uploadsDir, uploadId, 'upload.json'), JSON.stringify(record));
    return { key, uploadId };
  }

  async presignUploadPart(upload: MultipartUpload, partNumber: number, options: { expiresInSeconds?: number } = {}): Promise<PresignedPut> {
    assertPartNumber(partNumber);
    await this.readUpload(upload);
    const expires = this.signer.expiryFromNow(options.expiresInSeconds ?? this.options.presignTtlSeconds);
    return {
      url: this.signer.sign({
        method: 'PUT',
        key: upload.key,
        expires,
        params: { uploadId: upload.uploadId, partNumber: String(partNumber) },
      }),
      method: 'PUT',
      headers: {},
      expiresAt: new Date(expires * 1000),
    };
  }

  /** Stores one part (the api's signed PUT calls this; S3 clients upload parts to S3 directly). */
  async putPart(upload: MultipartUpload, partNumber: number, body: Readable | Buffer): Promise<UploadedPart> {
    assertPartNumber(partNumber);
    await this.readUpload(upload);
    const dir = path.join(this.uploadsDir, upload.uploadId);
    const written = await this.writeTemp(body);
    const name = String(partNumber).padStart(5, '0');
    try {
      await rename(written.path, path.join(dir, `${name}.part`));
    } catch (error) {
      await rm(written.path, { force: true });
      if (isMissing(error)) throw new StorageUploadNotFoundException();
      throw error;
    }
    const part: UploadedPart & { size: number } = { partNumber, etag: written.md5, size: written.size };
    await this.writeFileAtomic(path.join(dir, `${name}.json`), JSON.stringify(part));
    return { partNumber, etag: written.md5 };
  }

  async listUploadedParts(upload: MultipartUpload): Promise<UploadedPart[]> {
    await this.readUpload(upload);
    const dir = path.join(this.uploadsDir, upload.uploadId);
    const parts: UploadedPart[] = [];
    for (const name of await readdir(dir)) {
      if (!/^\d{5}\.json$/.test(name)) continue;
      try {
        const part = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as UploadedPart;
        parts.push({ partNumber: part.partNumber, etag: part.etag });
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async completeMultipartUpload(upload: MultipartUpload, parts: UploadedPart[]): Promise<ObjectStat> {
    const record = await this.readUpload(upload);
    if (parts.length === 0) throw new StoragePartInvalidException('no parts');
    const stored = new Map((await this.listUploadedParts(upload)).map((p) => [p.partNumber, p.etag]));
    let previous = 0;
    for (const part of parts) {
      if (part.partNumber <= previous) throw new StoragePartInvalidException('parts must be in ascending order');
      previous = part.partNumber;
      if (stored.get(part.partNumber) !== stripQuotes(part.etag)) {
        throw new StoragePartInvalidException(`part ${part.partNumber} was not uploaded or its ETag differs`);
      }
    }
    const dir = path.join(this.uploadsDir, upload.uploadId);
    const tmp = this.tmpPath();
    const md5s: Buffer[] = [];
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      for (const part of parts) {
        const name = String(part.partNumber).padStart(5, '0');
        md5s.push(Buffer.from(stripQuotes(part.etag), 'hex'));
        // Copied by hand rather than with pipeline(…, { end: false }): each pipeline leaves listeners
        // on `out`, and a 2 GB video has hundreds of parts.
        for await (const chunk of createReadStream(path.join(dir, `${name}.part`))) {
          if (!out.write(chunk)) await once(out, 'drain');
        }
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      // The S3 convention for multipart ETags: md5 of the parts' md5s, then the part count.
      const etag = `${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${parts.length}`;
      await this.commit(record.key, tmp, { contentType: record.contentType, etag });
    } finally {
      out.destroy();
      await rm(tmp, { force: true });
    }
    await rm(dir, { recursive: true, force: true });
    return this.requireStat(record.key);
  }

  async abortMultipartUpload(upload: MultipartUpload): Promise<void> {
    if (!UPLOAD_ID.test(upload.uploadId)) return;
    await rm(path.join(this.uploadsDir, upload.uploadId), { recursive: true, force: true });
  }

  async abortStaleMultipartUploads(olderThan: Date, prefix = ''): Promise<number> {
    assertValidStoragePrefix(prefix);
    let aborted = 0;
    for (const uploadId of await readdir(this.uploadsDir)) {
      if (!UPLOAD_ID.test(uploadId)) continue;
      try {
        const record = JSON.parse(await readFile(path.join(this.uploadsDir, uploadId, 'upload.json'), 'utf8')) as UploadRecord;
        if (!record.key.startsWith(prefix) || new Date(record.initiatedAt).getTime() >= olderThan.getTime()) continue;
      } catch (error) {
        if (!isMissing(error) && !(error instanceof SyntaxError)) throw error;
        // A staging folder without a readable record is debris from a crash: judge it by its age.
        const info = await fsStat(path.join(this.uploadsDir, uploadId)).catch(() => null);
        if (!info || info.mtime.getTime() >= olderThan.getTime() || prefix !== '') continue;
      }
      await rm(path.join(this.uploadsDir, uploadId), { recursive: true, force: true });
      aborted++;
    }
    return aborted;
  }

  // ---------------------------------------------------------------------------------------------

  private objectPath(key: string): string {
    return path.join(this.objectsDir, ...key.split('/'));
  }

  private metaPath(key: string): string {
    return path.join(this.metaDir, ...key.split('/'));
  }

  private tmpPath(): string {
    return path.join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  }

  private async requireStat(key: string): Promise<ObjectStat> {
    const result = await this.stat(key);
    if (!result) throw new StorageObjectNotFoundException();
    return result;
  }

  private async readMeta(key: string): Promise<ObjectMeta> {
    try {
      const meta = JSON.parse(await readFile(this.metaPath(key), 'utf8')) as Partial<ObjectMeta>;
      return { contentType: meta.contentType ?? null, etag: meta.etag ?? null };
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return { contentType: null, etag: null };
      throw error;
    }
  }

  private async readUpload(upload: MultipartUpload): Promise<UploadRecord> {
    assertValidStorageKey(upload.key);
    if (!UPLOAD_ID.test(upload.uploadId)) throw new StorageUploadNotFoundException();
    let record: UploadRecord;
    try {
      record = JSON.parse(await readFile(path.join(this.uploadsDir, upload.uploadId, 'upload.json'), 'utf8')) as UploadRecord;
    } catch (error) {
      if (isMissing(error)) throw new StorageUploadNotFoundException();
      throw error;
    }
    if (record.key !== upload.key) throw new StorageUploadNotFoundException();
    return record;
  }

  /** Streams the body into a new file under tmp/, hashing it on the way. */
  private async writeTemp(body: Readable | Buffer): Promise<{ path: string; size: number; md5: string }> {
    const file = this.tmpPath();
    const hash = createHash('md5');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    try {
      await pipeline(source, meter, createWriteStream(file, { flags: 'wx' }));
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
    return { path: file, size, md5: hash.digest('hex') };
  }

  private async writeFileAtomic(target: string, content: string): Promise<void> {
    const tmp = this.tmpPath();
    await writeFile(tmp, content, { flag: 'wx' });
    try {
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  /** Renames a finished temp file into place, metadata first so the visible object has it. */
  private async commit(key: string, tmpData: string, meta: ObjectMeta): Promise<void> {
    const metaTmp = this.tmpPath();
    await writeFile(metaTmp, JSON.stringify(meta), { flag: 'wx' });
    try {
      await this.renameInto(metaTmp, this.metaPath(key));
      await this.renameInto(tmpData, this.objectPath(key));
    } finally {
      await rm(metaTmp, { force: true });
    }
  }

  private async renameInto(from: string, to: string): Promise<void> {
    // A concurrent delete may prune the parent folder between mkdir and rename: try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await mkdir(path.dirname(to), { recursive: true });
        await rename(from, to);
        return;
      } catch (error) {
        const c = code(error);
        if (c === 'ENOTDIR' || c === 'EISDIR' || c === 'EEXIST' || c === 'ENOTEMPTY') throw new StorageKeyConflictException();
        if (c !== 'ENOENT' || attempt >= 2) throw error;
      }
    }
  }

  private async pruneEmptyParents(tree: string, key: string): Promise<void> {
    const segments = key.split('/').slice(0, -1);
    while (segments.length > 0) {
      try {
        await rmdir(path.join(tree, ...segments));
      } catch {
        return; // not empty, already gone, or in use: stop climbing
      }
      segments.pop();
    }
  }

  private async *walk(dirKey: string, prefix: string): AsyncGenerator<ObjectStat> {
    let entries;
    try {
      entries = await readdir(dirKey ? this.objectPath(dirKey) : this.objectsDir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const key = dirKey ? `${dirKey}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const asFolder = `${key}/`;
        if (asFolder.startsWith(prefix) || prefix.startsWith(asFolder)) yield* this.walk(key, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const found = await this.statUnchecked(key);
        if (found) yield found;
      }
    }
  }
}

function assertPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw new StoragePartInvalidException(`part number must be an integer from 1 to ${MAX_PART_NUMBER}`);
  }
}

function stripQuotes(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

function code(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function isMissing(error: unknown): boolean {
  const c = code(error);
  return c === 'ENOENT' || c === 'ENOTDIR';
}
