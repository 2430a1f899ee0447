import type { ByteRange } from './object-storage';
import { StorageRangeNotSatisfiableException } from './storage.exceptions';

/**
 * `Content-Disposition` that survives Vietnamese file names: an ASCII fallback in `filename`
 * and the exact UTF-8 name in `filename*` (RFC 6266 / RFC 5987).
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName?: string): string {
  if (!fileName) return disposition;
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Parses a `Range` header against an object of `size` bytes. Returns null when there is no
 * usable single range (the whole object is then served, as RFC 9110 allows), the inclusive range
 * otherwise; throws 416 when the range lies outside the object.
 */
export function parseRangeHeader(header: string | undefined, size: number): Required<ByteRange> | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null; // multiple ranges or another unit: serve everything
  const [, startText, endText] = match;
  if (startText === '' && endText === '') return null;
  if (startText === '') {
    // Suffix range: the last N bytes.
    const length = Number(endText);
    if (length === 0 || size === 0) throw new StorageRangeNotSatisfiableException(size);
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || (endText !== '' && Number(endText) < start)) throw new StorageRangeNotSatisfiableException(size);
  return { start, end };
}
