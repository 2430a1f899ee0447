import { detectRosterFormat } from './parse-roster';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('detectRosterFormat', () => {
  it('a zip is XLSX, whatever its name says', () => {
    expect(detectRosterFormat('danh-sach.xlsx', XLSX_TYPE, ZIP)).toBe('xlsx');
    expect(detectRosterFormat('danh-sach.csv', 'text/csv', ZIP)).toBe('xlsx');
    expect(detectRosterFormat(undefined, undefined, ZIP)).toBe('xlsx');
  });

  it('text is CSV, in any encoding (the parser reports one that is not UTF-8)', () => {
    expect(detectRosterFormat('danh-sach.csv', 'text/csv', Buffer.from('\uFEFFHọ và tên,Lớp'))).toBe('csv');
    expect(detectRosterFormat('danh sách.CSV', 'application/vnd.ms-excel', Buffer.from('Họ và tên;Lớp'))).toBe('csv');
    expect(detectRosterFormat(undefined, undefined, Buffer.from([0x48, 0x6f, 0xf2, 0x20, 0x76, 0xe0]))).toBe('csv');
    expect(detectRosterFormat('ds.csv', undefined, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Họ', 'utf16le')]))).toBe('csv');
    expect(detectRosterFormat('ds.csv', undefined, Buffer.alloc(0))).toBe('csv');
  });

  it('a file named or typed XLSX that is no zip goes to the XLSX reader, which calls it damaged', () => {
    expect(detectRosterFormat('danh-sach.xlsx', undefined, Buffer.from('Họ và tên,Lớp'))).toBe('xlsx');
    expect(detectRosterFormat('upload', `${XLSX_TYPE}; charset=binary`, Buffer.from('abc'))).toBe('xlsx');
  });

  it('a legacy .xls or other binary is neither', () => {
    expect(detectRosterFormat('danh-sach.xls', 'application/vnd.ms-excel', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull();
    expect(detectRosterFormat('anh.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBeNull();
  });
});
