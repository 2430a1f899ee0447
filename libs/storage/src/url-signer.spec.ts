import { StorageSignatureExpiredException, StorageSignatureInvalidException } from './storage.exceptions';
import { STORAGE_OBJECTS_PATH, UrlSigner } from './url-signer';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';
const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);

function parse(url: string): { key: string; query: URLSearchParams } {
  const parsed = new URL(url);
  const encodedKey = parsed.pathname.slice(STORAGE_OBJECTS_PATH.length + 1);
  return { key: encodedKey.split('/').map(decodeURIComponent).join('/'), query: parsed.searchParams };
}

function flipLastHexDigit(sig: string): string {
  return `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
}

function withParam(query: URLSearchParams, name: string, value: string): URLSearchParams {
  const copy = new URLSearchParams(query);
  copy.set(name, value);
  return copy;
}

describe('UrlSigner', () => {
  let now = NOW;
  const signer = new UrlSigner(SECRET, 'https://lms.example.vn/', () => now);
  const expires = Math.floor(NOW / 1000) + 600;

  beforeEach(() => {
    now = NOW;
  });

  it('builds an API URL with the encoded key, expiry and a hex HMAC', () => {
    const url = signer.sign({ method: 'GET', key: 'khoá học/bài 1.mp4', expires });
    expect(url.startsWith(`https://lms.example.vn${STORAGE_OBJECTS_PATH}/kho%C3%A1%20h%E1%BB%8Dc/b%C3%A0i%201.mp4?`)).toBe(true);
    const { key, query } = parse(url);
    expect(key).toBe('khoá học/bài 1.mp4');
    expect(query.get('expires')).toBe(String(expires));
    expect(query.get('sig')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts an untouched URL, and HEAD with a GET signature', () => {
    const url = signer.sign({ method: 'GET', key: 'a/b.pdf', expires, params: { disposition: 'attachment', filename: 'Giáo án.pdf' } });
    const { key, query } = parse(url);
    expect(signer.verify({ method: 'GET', key, query })).toEqual({
      method: 'GET',
      key: 'a/b.pdf',
      expires,
      params: { disposition: 'attachment', filename: 'Giáo án.pdf' },
    });
    expect(() => signer.verify({ method: 'HEAD', key, query })).not.toThrow();
  });

  it('accepts a part upload URL with its upload id and part number', () => {
    const { key, query } = parse(signer.sign({ method: 'PUT', key: 'v/x.mp4', expires, params: { uploadId: 'abc', partNumber: '2' } }));
    expect(signer.verify({ method: 'PUT', key, query }).params).toEqual({ uploadId: 'abc', partNumber: '2' });
  });

  describe('refuses tampering with', () => {
    const url = signer.sign({ method: 'GET', key: 'a/b.pdf', expires, params: { disposition: 'inline', contentType: 'application/pdf' } });
    const { key, query } = parse(url);
    const cases: [string, () => unknown][] = [
      ['the key', () => signer.verify({ method: 'GET', key: 'a/c.pdf', query })],
      ['the expiry', () => signer.verify({ method: 'GET', key, query: withParam(query, 'expires', String(expires + 3600)) })],
      ['the signature', () => signer.verify({ method: 'GET', key, query: withParam(query, 'sig', flipLastHexDigit(query.get('sig')!)) })],
      ['a truncated signature', () => signer.verify({ method: 'GET', key, query: withParam(query, 'sig', query.get('sig')!.slice(0, 62)) })],
      ['the method', () => signer.verify({ method: 'PUT', key, query })],
      ['the disposition', () => signer.verify({ method: 'GET', key, query: withParam(query, 'disposition', 'attachment') })],
      ['the content type', () => signer.verify({ method: 'GET', key, query: withParam(query, 'contentType', 'text/html') })],
      ['an added download name', () => signer.verify({ method: 'GET', key, query: withParam(query, 'filename', 'x.html') })],
      ['an added unknown parameter', () => signer.verify({ method: 'GET', key, query: withParam(query, 'foo', 'bar') })],
      ['a duplicated parameter', () => {
        const copy = new URLSearchParams(query);
        copy.append('expires', String(expires));
        return signer.verify({ method: 'GET', key, query: copy });
      }],
      ['a missing signature', () => {
        const copy = new URLSearchParams(query);
        copy.delete('sig');
        return signer.verify({ method: 'GET', key, query: copy });
      }],
      ['a missing expiry', () => {
        const copy = new URLSearchParams(query);
        copy.delete('expires');
        return signer.verify({ method: 'GET', key, query: copy });
      }],
      ['another secret', () => new UrlSigner(`${SECRET}!`, 'https://lms.example.vn', () => now).verify({ method: 'GET', key, query })],
    ];
    it.each(cases)('%s', (_name, attempt) => {
      expect(attempt).toThrow(StorageSignatureInvalidException);
    });
  });

  it('refuses a dropped upload id on a part URL (it would become a whole-object PUT)', () => {
    const { key, query } = parse(signer.sign({ method: 'PUT', key: 'v/x.mp4', expires, params: { uploadId: 'abc', partNumber: '2' } }));
    query.delete('uploadId');
    query.delete('partNumber');
    expect(() => signer.verify({ method: 'PUT', key, query })).toThrow(StorageSignatureInvalidException);
  });

  it('refuses an expired URL with STORAGE_SIGNATURE_EXPIRED, and accepts it up to its last second', () => {
    const { key, query } = parse(signer.sign({ method: 'GET', key: 'a/b.pdf', expires }));
    now = expires * 1000;
    expect(() => signer.verify({ method: 'GET', key, query })).not.toThrow();
    now = (expires + 1) * 1000;
    expect(() => signer.verify({ method: 'GET', key, query })).toThrow(StorageSignatureExpiredException);
    try {
      signer.verify({ method: 'GET', key, query });
    } catch (error) {
      expect(error).toMatchObject({ code: 'STORAGE_SIGNATURE_EXPIRED', status: 403 });
    }
  });

  it('reports a tampered expiry as invalid even once the URL would have expired', () => {
    const { key, query } = parse(signer.sign({ method: 'GET', key: 'a/b.pdf', expires }));
    now = (expires + 10) * 1000;
    expect(() => signer.verify({ method: 'GET', key, query: withParam(query, 'expires', String(expires + 3600)) })).toThrow(
      StorageSignatureInvalidException,
    );
  });

  it('refuses to sign an unsafe key and to start with a short secret', () => {
    expect(() => signer.sign({ method: 'GET', key: '../etc/passwd', expires })).toThrow(/invalid/i);
    expect(() => new UrlSigner('short', 'http://x')).toThrow(/32 characters/);
  });
});
