import { createHmac, timingSafeEqual } from 'node:crypto';
import { assertValidStorageKey } from './storage-key';
import { StorageSignatureExpiredException, StorageSignatureInvalidException } from './storage.exceptions';

/** Where the api serves the filesystem driver's objects (global prefix `api/v1` + controller path). */
export const STORAGE_OBJECTS_PATH = '/api/v1/storage/objects';

export type SignedMethod = 'GET' | 'PUT';

/** Query parameters a signed URL may carry besides `expires` and `sig`; all are covered by the HMAC. */
export interface SignedUrlParams {
  disposition?: 'inline' | 'attachment';
  filename?: string;
  contentType?: string;
  uploadId?: string;
  partNumber?: string;
}

const PARAM_NAMES: ReadonlySet<string> = new Set(['disposition', 'filename', 'contentType', 'uploadId', 'partNumber']);

export interface SignedUrlRequest {
  method: SignedMethod;
  key: string;
  /** Unix time in seconds after which the URL is refused. */
  expires: number;
  params?: SignedUrlParams;
}

export interface VerifiedUrl {
  method: SignedMethod;
  key: string;
  expires: number;
  params: SignedUrlParams;
}

/** `a/b c/é.mp4` → `a/b%20c/%C3%A9.mp4`: each segment encoded, the slashes kept. */
export function encodeStorageKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * Signs and verifies the filesystem driver's API URLs (the stand-in for S3 presigned URLs).
 * The HMAC-SHA256 covers the method, the key, the expiry and every other query parameter, so
 * changing any of them, adding one or dropping one invalidates the signature.
 */
export class UrlSigner {
  private readonly secret: Buffer;

  constructor(
    secret: string,
    private readonly publicUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('UrlSigner needs a secret of at least 32 characters (STORAGE_SIGNING_SECRET)');
    this.secret = Buffer.from(secret, 'utf8');
    this.publicUrl = publicUrl.replace(/\/+$/, '');
  }

  /** Unix seconds `ttlSeconds` from now. */
  expiryFromNow(ttlSeconds: number): number {
    return Math.floor(this.now() / 1000) + Math.max(1, Math.floor(ttlSeconds));
  }

  /** The full URL: `${publicUrl}/api/v1/storage/objects/<key>?<params>&expires=..&sig=..`. */
  sign(request: SignedUrlRequest): string {
    assertValidStorageKey(request.key);
    const query = new URLSearchParams();
    for (const [name, value] of sortedParams(request.params ?? {})) query.set(name, value);
    query.set('expires', String(request.expires));
    query.set('sig', this.signature(request));
    return `${this.publicUrl}${STORAGE_OBJECTS_PATH}/${encodeStorageKeyPath(request.key)}?${query.toString()}`;
  }

  /**
   * Checks a request against its signature; `query` is every query parameter of the request,
   * `sig` and `expires` included. HEAD is accepted with a GET signature (same bytes, no body).
   * Throws 403 STORAGE_SIGNATURE_INVALID or STORAGE_SIGNATURE_EXPIRED.
   */
  verify(input: { method: string; key: string; query: URLSearchParams }): VerifiedUrl {
    const method = input.method.toUpperCase() === 'HEAD' ? 'GET' : input.method.toUpperCase();
    if (method !== 'GET' && method !== 'PUT') throw new StorageSignatureInvalidException();
    const names = [...input.query.keys()];
    if (new Set(names).size !== names.length) throw new StorageSignatureInvalidException();
    const sig = input.query.get('sig');
    const expiresText = input.query.get('expires');
    if (sig === null || !/^[0-9a-f]{64}$/.test(sig) || expiresText === null || !/^\d{1,12}$/.test(expiresText)) {
      throw new StorageSignatureInvalidException();
    }
    const params: Record<string, string> = {};
    for (const [name, value] of input.query) {
      if (name === 'sig' || name === 'expires') continue;
      if (!PARAM_NAMES.has(name)) throw new StorageSignatureInvalidException();
      params[name] = value;
    }
    const request: SignedUrlRequest = { method, key: input.key, expires: Number(expiresText), params: params as SignedUrlParams };
    const expected = Buffer.from(this.signature(request), 'hex');
    const given = Buffer.from(sig, 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new StorageSignatureInvalidException();
    // Expiry is judged only once the signature holds, so a changed `expires` reads as tampering.
    if (Math.floor(this.now() / 1000) > request.expires) throw new StorageSignatureExpiredException();
    return { method, key: input.key, expires: request.expires, params: request.params ?? {} };
  }

  private signature(request: SignedUrlRequest): string {
    // JSON keeps the fields unambiguous (no separator a key or a file name could contain).
    const canonical = JSON.stringify([request.method, request.key, request.expires, sortedParams(request.params ?? {})]);
    return createHmac('sha256', this.secret).update(canonical, 'utf8').digest('hex');
  }
}

function sortedParams(params: SignedUrlParams): [string, string][] {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
