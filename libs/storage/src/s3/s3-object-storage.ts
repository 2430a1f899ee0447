import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Client, type ClientOptions } from 'minio';
import type { S3Settings } from '@lms/core';
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
import { contentDisposition } from '../http-headers';
import { assertValidStorageKey, assertValidStoragePrefix } from '../storage-key';
import {
  StorageObjectNotFoundException,
  StoragePartInvalidException,
  StorageRangeNotSatisfiableException,
  StorageUploadNotFoundException,
} from '../storage.exceptions';

/** The connection settings of `config.storage.s3`, plus the driver's own knobs. */
export interface S3ObjectStorageOptions extends Pick<S3Settings, 'endPoint' | 'port' | 'useSSL' | 'region' | 'accessKey' | 'secretKey' | 'bucket'> {
  presignTtlSeconds: number;
  /** Origin browsers use to reach the server (`S3_PUBLIC_ENDPOINT`); presigned URLs are signed for it. */
  publicEndpoint?: string;
  /** Part size when streaming a large body to S3 (default 8 MiB, at least 5 MiB). */
  partSizeBytes?: number;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;
const DEFAULT_PART_BYTES = 8 * 1024 * 1024;
const MAX_PARTS = 10_000;

class S3Client extends Client {
  /** `listParts` is protected in minio 8 although it is plain S3 ListParts. */
  listUploadParts(bucket: string, key: string, uploadId: string): Promise<{ part: number; etag: string; size: number }[]> {
    return this.listParts(bucket, key, uploadId);
  }

  /** Plain S3 UploadPart of one buffer; returns the part's ETag. */
  async uploadPartBuffer(bucket: string, key: string, uploadId: string, partNumber: number, chunk: Buffer): Promise<string> {
    const response = await this.makeRequestAsync(
      {
        method: 'PUT',
        bucketName: bucket,
        objectName: key,
        query: `partNumber=${partNumber}&uploadId=${encodeURIComponent(uploadId)}`,
        headers: { 'Content-Length': String(chunk.length), 'Content-MD5': createHash('md5').update(chunk).digest('base64') },
      },
      chunk,
    );
    response.resume();
    return String(response.headers.etag ?? '').replace(/^"|"$/g, '');
  }
}

/** Re-chunks a stream into buffers of at least `size` bytes (the last one may be smaller). */
async function* chunksOf(stream: Readable, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const data of stream) {
    const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data as string);
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield Buffer.concat(pending, length);
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield Buffer.concat(pending, length);
}

/**
 * Objects in an S3 bucket (MinIO or any S3 server) through the `minio` client, path-style, with
 * portable S3 operations only. Browsers upload and download with presigned URLs, so the bytes
 * of large files never pass through Node.
 */
export class S3ObjectStorage implements ObjectStorage {
  readonly driver = 's3' as const;
  readonly bucket: string;
  private readonly client: S3Client;
  /** Signs URLs for the browser-facing origin; the same client when both origins are one. */
  private readonly presigner: Client;

  constructor(private readonly options: S3ObjectStorageOptions) {
    const clientOptions: ClientOptions = {
      endPoint: options.endPoint,
      port: options.port,
      useSSL: options.useSSL,
      // A fixed region spares the client a GetBucketLocation round trip before each presign.
      region: options.region,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      pathStyle: true,
    };
    this.client = new S3Client(clientOptions);
    this.presigner = this.client;
    if (options.publicEndpoint) {
      const url = new URL(options.publicEndpoint);
      const useSSL = url.protocol === 'https:';
      const port = url.port ? Number(url.port) : useSSL ? 443 : 80;
      if (url.hostname !== options.endPoint || port !== options.port || useSSL !== options.useSSL) {
        // Presigning is local computation (the region is fixed), so this client never connects.
        this.presigner = new Client({ ...clientOptions, endPoint: url.hostname, port, useSSL });
      }
    }
    this.bucket = options.bucket;
  }

  /** Creates the bucket when it is missing; called once at start-up by StorageModule. */
  async ensureBucket(): Promise<void> {
    if (await this.client.bucketExists(this.bucket)) return;
    try {
      await this.client.makeBucket(this.bucket, this.options.region);
    } catch (error) {
      // Another replica may have created it in between.
      if (!['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'].includes(s3Code(error) ?? '')) throw error;
    }
  }

  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) throw new Error(`S3 bucket "${this.bucket}" does not exist`);
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions = {}): Promise<ObjectStat> {
    assertValidStorageKey(key);
    const headers: Record<string, string> = options.contentType ? { 'Content-Type': options.contentType } : {};
    if (Buffer.isBuffer(body)) await this.client.putObject(this.bucket, key, body, body.length, headers);
    else await this.putStream(key, body, headers, options.size);
    const result = await this.stat(key);
    if (!result) throw new StorageObjectNotFoundException();
    return result;
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertValidStorageKey(key);
    try {
      if (range) {
        if (range.start < 0 || (range.end !== undefined && range.end < range.start)) throw new StorageRangeNotSatisfiableException();
        const length = range.end === undefined ? 0 : range.end - range.start + 1;
        // minio treats offset 0 with length 0 as "no range"; the whole object is the same bytes.
        return await this.client.getPartialObject(this.bucket, key, range.start, length);
      }
      return await this.client.getObject(this.bucket, key);
    } catch (error) {
      throw mapObjectError(error);
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    assertValidStorageKey(key);
    try {
      const info = await this.client.statObject(this.bucket, key);
      const contentType = info.metaData['content-type'];
      return {
        key,
        size: info.size,
        contentType: typeof contentType === 'string' ? contentType : null,
        etag: info.etag ?? null,
        lastModified: info.lastModified,
      };
    } catch (error) {
      if (['NotFound', 'NoSuchKey'].includes(s3Code(error) ?? '')) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    await this.client.removeObject(this.bucket, key); // S3 DELETE is idempotent
  }

  async *list(prefix: string): AsyncIterable<ObjectStat> {
    assertValidStoragePrefix(prefix);
    const stream = this.client.listObjectsV2(this.bucket, prefix, true);
    for await (const item of stream as AsyncIterable<{ name?: string; size: number; etag?: string; lastModified?: Date }>) {
      if (!item.name) continue; // common prefixes do not occur in a recursive listing
      // ListObjectsV2 does not return content types; stat() a key when it is needed.
      yield { key: item.name, size: item.size, contentType: null, etag: item.etag ?? null, lastModified: item.lastModified ?? new Date(0) };
    }
  }

  async presignGet(key: string, options: PresignedGetOptions = {}): Promise<string> {
    assertValidStorageKey(key);
    const params: Record<string, string> = {};
    if (options.disposition || options.downloadName) {
      params['response-content-disposition'] = contentDisposition(options.disposition ?? 'attachment', options.downloadName);
    }
    if (options.contentType) params['response-content-type'] = options.contentType;
    return this.presigner.presignedUrl('GET', this.bucket, key, this.ttl(options.expiresInSeconds), params);
  }

  async presignPut(key: string, options: { expiresInSeconds?: number; contentType?: string } = {}): Promise<PresignedPut> {
    assertValidStorageKey(key);
    const ttl = this.ttl(options.expiresInSeconds);
    const url = await this.presigner.presignedUrl('PUT', this.bucket, key, ttl);
    return {
      url,
      method: 'PUT',
      headers: options.contentType ? { 'Content-Type': options.contentType } : {},
      expiresAt: new Date(Date.now() + ttl * 1000),
    };
  }

  async createMultipartUpload(key: string, options: { contentType?: string } = {}): Promise<MultipartUpload> {
    assertValidStorageKey(key);
    const uploadId = await this.client.initiateNewMultipartUpload(
      this.bucket,
      key,
      options.contentType ? { 'Content-Type': options.contentType } : {},
    );
    return { key, uploadId };
  }

  async presignUploadPart(upload: MultipartUpload, partNumber: number, options: { expiresInSeconds?: number } = {}): Promise<PresignedPut> {
    assertValidStorageKey(upload.key);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
      throw new StoragePartInvalidException('part number must be an integer from 1 to 10000');
    }
    const ttl = this.ttl(options.expiresInSeconds);
    const url = await this.presigner.presignedUrl('PUT', this.bucket, upload.key, ttl, {
      partNumber: String(partNumber),
      uploadId: upload.uploadId,
    });
    return { url, method: 'PUT', headers: {}, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  async listUploadedParts(upload: MultipartUpload): Promise<UploadedPart[]> {
    assertValidStorageKey(upload.key);
    try {
      const parts = await this.client.listUploadParts(this.bucket, upload.key, upload.uploadId);
      return parts.map((p) => ({ partNumber: p.part, etag: p.etag })).sort((a, b) => a.partNumber - b.partNumber);
    } catch (error) {
      throw mapUploadError(error);
    }
  }

  async completeMultipartUpload(upload: MultipartUpload, parts: UploadedPart[]): Promise<ObjectStat> {
    assertValidStorageKey(upload.key);
    if (parts.length === 0) throw new StoragePartInvalidException('no parts');
    try {
      await this.client.completeMultipartUpload(
        this.bucket,
        upload.key,
        upload.uploadId,
        parts.map((p) => ({ part: p.partNumber, etag: p.etag })),
      );
    } catch (error) {
      throw mapUploadError(error);
    }
    const result = await this.stat(upload.key);
    if (!result) throw new StorageObjectNotFoundException();
    return result;
  }

  async abortMultipartUpload(upload: MultipartUpload): Promise<void> {
    assertValidStorageKey(upload.key);
    try {
      await this.client.abortMultipartUpload(this.bucket, upload.key, upload.uploadId);
    } catch (error) {
      if (s3Code(error) !== 'NoSuchUpload') throw error; // aborting twice is not an error
    }
  }

  /**
   * Streams without buffering the whole object: one PUT when it fits in one part, otherwise a
   * multipart upload of its own. (minio's putObject for large streams first lists the key's
   * incomplete uploads and resumes one, which could hijack a browser's upload of the same key.)
   */
  private async putStream(key: string, body: Readable, headers: Record<string, string>, size?: number): Promise<void> {
    const partSize = Math.max(this.options.partSizeBytes ?? DEFAULT_PART_BYTES, MIN_PART_BYTES, Math.ceil((size ?? 0) / MAX_PARTS));
    const chunks = chunksOf(body, partSize);
    const first = await chunks.next();
    if (first.done) {
      await this.client.putObject(this.bucket, key, Buffer.alloc(0), 0, headers);
      return;
    }
    let next = await chunks.next();
    if (next.done) {
      await this.client.putObject(this.bucket, key, first.value, first.value.length, headers);
      return;
    }
    const uploadId = await this.client.initiateNewMultipartUpload(this.bucket, key, headers);
    try {
      const parts = [{ part: 1, etag: await this.client.uploadPartBuffer(this.bucket, key, uploadId, 1, first.value) }];
      while (!next.done) {
        const part = parts.length + 1;
        parts.push({ part, etag: await this.client.uploadPartBuffer(this.bucket, key, uploadId, part, next.value) });
        next = await chunks.next();
      }
      await this.client.completeMultipartUpload(this.bucket, key, uploadId, parts);
    } catch (error) {
      await this.client.abortMultipartUpload(this.bucket, key, uploadId).catch(() => undefined);
      throw error;
    }
  }

  async abortStaleMultipartUploads(olderThan: Date, prefix = ''): Promise<number> {
    assertValidStoragePrefix(prefix);
    let aborted = 0;
    let keyMarker = '';
    let uploadIdMarker = '';
    for (;;) {
      // ListMultipartUploads: plain S3, paginated by key and upload id markers.
      const page = await this.client.listIncompleteUploadsQuery(this.bucket, prefix, keyMarker, uploadIdMarker, '');
      for (const upload of page.uploads) {
        if (upload.initiated.getTime() < olderThan.getTime()) {
          await this.abortMultipartUpload({ key: upload.key, uploadId: upload.uploadId });
          aborted++;
        }
      }
      if (!page.isTruncated) return aborted;
      keyMarker = page.nextKeyMarker;
      uploadIdMarker = page.nextUploadIdMarker;
    }
  }

  private ttl(expiresInSeconds?: number): number {
    return Math.max(1, Math.min(Math.floor(expiresInSeconds ?? this.options.presignTtlSeconds), 7 * 24 * 3600));
  }
}

function s3Code(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function mapObjectError(error: unknown): unknown {
  switch (s3Code(error)) {
    case 'NoSuchKey':
    case 'NotFound':
      return new StorageObjectNotFoundException();
    case 'InvalidRange':
      return new StorageRangeNotSatisfiableException();
    default:
      return error;
  }
}

function mapUploadError(error: unknown): unknown {
  switch (s3Code(error)) {
    case 'NoSuchUpload':
      return new StorageUploadNotFoundException();
    case 'InvalidPart':
    case 'InvalidPartOrder':
    case 'EntityTooSmall':
      return new StoragePartInvalidException(s3Code(error) ?? 'invalid part');
    default:
      return error;
  }
}
