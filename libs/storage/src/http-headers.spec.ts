import { contentDisposition, parseRangeHeader } from './http-headers';
import { StorageRangeNotSatisfiableException } from './storage.exceptions';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    const header = contentDisposition('attachment', 'Giáo án Đại số "lớp 10".pdf');
    expect(header).toBe(
      `attachment; filename="Giao an Dai so _lop 10_.pdf"; filename*=UTF-8''Gi%C3%A1o%20%C3%A1n%20%C4%90%E1%BA%A1i%20s%E1%BB%91%20%22l%E1%BB%9Bp%2010%22.pdf`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('Giáo án Đại số "lớp 10".pdf');
  });

  it('is the bare disposition without a name', () => {
    expect(contentDisposition('inline')).toBe('inline');
  });
});

describe('parseRangeHeader', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=10-', { start: 10, end: 99 }],
    ['bytes=90-200', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-500', { start: 0, end: 99 }],
  ])('%s of 100 bytes', (header, expected) => {
    expect(parseRangeHeader(header, 100)).toEqual(expected);
  });

  it.each([undefined, '', 'items=0-1', 'bytes=0-1,5-6', 'bytes=-'])('ignores %j (whole object)', (header) => {
    expect(parseRangeHeader(header, 100)).toBeNull();
  });

  it.each(['bytes=100-', 'bytes=150-200', 'bytes=5-3', 'bytes=-0'])('refuses %s of 100 bytes with 416', (header) => {
    expect(() => parseRangeHeader(header, 100)).toThrow(StorageRangeNotSatisfiableException);
  });
});
