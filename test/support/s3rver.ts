import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface S3TestServer {
  /** `http://127.0.0.1:<port>` (or S3_ENDPOINT). */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  stop(): Promise<void>;
}

// s3rver ships no type declarations; this is the part of it the harness touches.
interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverInstance {
  middleware: KoaMiddleware[];
  store: { getResourcePath(bucket: string, key: string | undefined, resource: string): string };
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;
type S3ErrorConstructor = new (code: string, message?: string) => Error;

/**
 * An S3 server for tests: s3rver on a free port of 127.0.0.1 with a throw-away folder, or, when
 * S3_ENDPOINT is set (CI against MinIO or another S3 server), that server's settings instead.
 */
export async function startS3rver(): Promise<S3TestServer> {
  const env = process.env;
  if (env.S3_ENDPOINT) {
    return {
      endpoint: env.S3_ENDPOINT.replace(/\/+$/, ''),
      accessKey: env.S3_ACCESS_KEY ?? 'minioadmin',
      secretKey: env.S3_SECRET_KEY ?? 'minioadmin',
      bucket: env.S3_BUCKET ?? 'lms-test',
      stop: async () => undefined,
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver') as S3rverConstructor;
  const directory = await mkdtemp(path.join(tmpdir(), 'lms-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, vhostBuckets: false });
  addMultipartShim(server);
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    bucket: `lms-test-${randomBytes(4).toString('hex')}`,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver 3.7 implements CreateMultipartUpload, UploadPart and CompleteMultipartUpload but not
 * ListParts (GET ?uploadId) nor AbortMultipartUpload (DELETE ?uploadId), which the storage
 * driver uses to resume and cancel uploads. This shim answers those two from s3rver's own
 * staging folder, in S3's wire format, so the driver's real client calls are exercised. Runs
 * against a real S3 server (S3_ENDPOINT) need no shim.
 */
function addMultipartShim(server: S3rverInstance): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3Error = require('s3rver/lib/models/error') as S3ErrorConstructor;
  const shim: KoaMiddleware = async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    const match = /^\/([^/]+)\/(.+)$/.exec(ctx.path);
    if (typeof uploadId !== 'string' || !match || (ctx.method !== 'GET' && ctx.method !== 'DELETE')) return next();
    const [, bucket, encodedKey] = match;
    const key = decodeURIComponent(encodedKey);
    if (!/^[\w-]+$/.test(uploadId)) throw new S3Error('NoSuchUpload', 'The specified upload does not exist.');
    const dir = path.join(server.store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
    const storedKey = await readFile(path.join(dir, 'key'), 'utf8').catch(() => null);
    if (storedKey !== key) throw new S3Error('NoSuchUpload', 'The specified upload does not exist.');
    if (ctx.method === 'DELETE') {
      await rm(dir, { recursive: true, force: true });
      ctx.status = 204;
      ctx.body = '';
      return;
    }
    const parts = [];
    for (const name of (await readdir(dir)).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b))) {
      const [info, md5] = await Promise.all([stat(path.join(dir, name)), readFile(path.join(dir, `${name}.md5`), 'utf8')]);
      parts.push({ PartNumber: Number(name), LastModified: info.mtime.toISOString(), ETag: `"${md5}"`, Size: info.size });
    }
    ctx.body = {
      ListPartsResult: { Bucket: bucket, Key: key, UploadId: uploadId, IsTruncated: false, MaxParts: 1000, Part: parts },
    };
  };
  // Just before the router (the last middleware), after s3rver's XML encoder and error handler.
  server.middleware.splice(server.middleware.length - 1, 0, shim);
}
