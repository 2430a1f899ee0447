import type { Readable } from 'node:stream';

/** Byte range, inclusive at both ends (as in HTTP `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface ObjectStat {
  key: string;
  size: number;
  contentType: string | null;
  etag: string | null;
  lastModified: Date;
}

export interface PutOptions {
  contentType?: string;
  /** Known length in bytes; lets drivers stream without buffering. */
  size?: number;
}

export interface PresignedGetOptions {
  expiresInSeconds?: number;
  /** Suggested file name for `Content-Disposition: attachment`. */
  downloadName?: string;
  /** `inline` (default) or `attachment`. */
  disposition?: 'inline' | 'attachment';
  contentType?: string;
}

export interface PresignedPut {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface MultipartUpload {
  key: string;
  uploadId: string;
}

export interface UploadedPart {
  partNumber: number;
  etag: string;
}

/**
 * Object storage as plain S3 semantics. Two drivers implement it: `s3` (MinIO or any S3 server,
 * through the `minio` client) and `fs` (a local folder, with HMAC-signed API URLs served by the api).
 */
export interface ObjectStorage {
  readonly driver: 's3' | 'fs';
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<ObjectStat>;
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<ObjectStat | null>;
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<ObjectStat>;
  presignPut(key: string, options?: { expiresInSeconds?: number; contentType?: string }): Promise<PresignedPut>;
  presignGet(key: string, options?: PresignedGetOptions): Promise<string>;
  createMultipartUpload(key: string, options?: { contentType?: string }): Promise<MultipartUpload>;
  presignUploadPart(upload: MultipartUpload, partNumber: number, options?: { expiresInSeconds?: number }): Promise<PresignedPut>;
  listUploadedParts(upload: MultipartUpload): Promise<UploadedPart[]>;
  completeMultipartUpload(upload: MultipartUpload, parts: UploadedPart[]): Promise<ObjectStat>;
  abortMultipartUpload(upload: MultipartUpload): Promise<void>;
  /** Aborts multipart uploads (of keys under `prefix`) started before `olderThan`; returns how many. */
  abortStaleMultipartUploads(olderThan: Date, prefix?: string): Promise<number>;
  /** Confirms the storage answers (bucket exists, folder writable). Used by /health/ready. */
  ping(): Promise<void>;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
