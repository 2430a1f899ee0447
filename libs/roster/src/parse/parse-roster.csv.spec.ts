import { Readable } from 'node:stream';
import { csvBytes, csvText, STAFF_HEADER, staffRow, streamOf, STUDENT_HEADER, studentRow, WINDOWS_1258_HEADER } from '../../../../test/fixtures/roster/roster-files';
import { parseRoster, type ParseOptions } from './parse-roster';
import { RosterFileException, type RowError } from './roster-errors';

const students = { kind: 'students', format: 'csv' } as const satisfies ParseOptions;
const staff = { kind: 'staff', format: 'csv' } as const satisfies ParseOptions;

async function fileError(promise: Promise<unknown>): Promise<RosterFileException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RosterFileException) return error;
    throw error;
  }
  throw new Error('Expected a RosterFileException.');
}

function only(errors: RowError[], code: string): RowError[] {
  return errors.filter((error) => error.code === code);
}

const GOOD_STUDENTS = [
  STUDENT_HEADER,
  ['Nguyễn Thị Minh Anh', '15/03/2015', '4A1', '', '031215001234', 'Nguyễn Văn Hùng', '0912 345 678'],
  ['  Trần   Đức  Bảo ', '5/3/2014', '5A2', '5', 'HS-0002', '', ''],
  ['Lê Thị Hồng Ngọc', '2009-09-01', '10 Toán', '', 'HS_0003', 'Phạm Thị Lan', '+84 912 345 678'],
  ['Hoàng Văn Đạt', '01-12-2016', 'Lớp chọn', '', 'hs.0004', '', ''],
];

describe('parseRoster: CSV', () => {
  describe('a good student roster', () => {
    const expected = [
      {
        row: 2,
        fullName: 'Nguyễn Thị Minh Anh',
        dateOfBirth: '2015-03-15',
        className: '4A1',
        grade: 4,
        studentCode: '031215001234',
        parentName: 'Nguyễn Văn Hùng',
        parentPhone: '0912345678',
      },
      { row: 3, fullName: 'Trần Đức Bảo', dateOfBirth: '2014-03-05', className: '5A2', grade: 5, studentCode: 'HS-0002', parentName: null, parentPhone: null },
      {
        row: 4,
        fullName: 'Lê Thị Hồng Ngọc',
        dateOfBirth: '2009-09-01',
        className: '10 Toán',
        grade: 10,
        studentCode: 'HS_0003',
        parentName: 'Phạm Thị Lan',
        parentPhone: '0912345678',
      },
      { row: 5, fullName: 'Hoàng Văn Đạt', dateOfBirth: '2016-12-01', className: 'Lớp chọn', grade: null, studentCode: 'hs.0004', parentName: null, parentPhone: null },
    ];

    it('is read with a BOM, Vietnamese intact and values normalised', async () => {
      const result = await parseRoster(streamOf(csvBytes(GOOD_STUDENTS, { bom: true })), students);
      expect(result).toEqual({ rows: expected, errors: [], totalRows: 4 });
    });

    it('is read the same without a BOM', async () => {
      const result = await parseRoster(streamOf(csvBytes(GOOD_STUDENTS, { bom: false })), students);
      expect(result).toEqual({ rows: expected, errors: [], totalRows: 4 });
    });

    it('is read the same with semicolons, as Excel with Vietnamese regional settings saves it', async () => {
      const bytes = csvBytes(GOOD_STUDENTS, { delimiter: ';' });
      expect(bytes.toString('utf8')).toContain('Họ và tên;Ngày sinh;Lớp;');
      const result = await parseRoster(streamOf(bytes), students);
      expect(result.rows).toEqual(expected);
    });

    it('keeps a quoted comma or semicolon inside a cell', async () => {
      const rows = [STUDENT_HEADER, studentRow({ fullName: 'Nguyễn Văn An', parentName: 'Nguyễn Văn Bình, Lê Thị C; ông bà', parentPhone: '0912345678' })];
      for (const delimiter of [',', ';']) {
        const result = await parseRoster(streamOf(csvBytes(rows, { delimiter })), students);
        expect(result.rows[0]?.parentName).toBe('Nguyễn Văn Bình, Lê Thị C; ông bà');
      }
    });

    it('is read the same when every byte comes in a chunk of its own (characters split across chunks)', async () => {
      const bytes = csvBytes(GOOD_STUDENTS, { bom: true });
      const result = await parseRoster(streamOf(bytes, 1), students);
      expect(result).toEqual({ rows: expected, errors: [], totalRows: 4 });
    });

    it('stores names in NFC whatever the file held (macOS writes NFD)', async () => {
      const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
      const result = await parseRoster(streamOf(csvBytes([STUDENT_HEADER, studentRow({ fullName: nfd, className: '4A1'.normalize('NFD') })])), students);
      expect(result.rows[0]?.fullName).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
    });

  });

  describe('headers', () => {
    it('match whatever the case, diacritics, spacing and punctuation, and take synonyms and English keys', async () => {
      const header = ['  HO TEN ', 'Ngày tháng năm sinh', 'class', 'KHỐI', 'Mã học sinh', 'parent_name', 'Số điện thoại phụ huynh:'];
      const result = await parseRoster(streamOf(csvBytes([header, studentRow({ parentName: 'Đỗ Văn Cường', parentPhone: '0987654321' })])), students);
      expect(result.errors).toEqual([]);
      expect(result.rows[0]).toMatchObject({ fullName: 'Nguyễn Văn An', studentCode: 'HS001', parentName: 'Đỗ Văn Cường', parentPhone: '0987654321' });

      const english = ['full_name', 'date_of_birth', 'class', 'grade', 'student_code', 'parentName', 'parent_phone'];
      const again = await parseRoster(streamOf(csvBytes([english, studentRow()])), students);
      expect(again.rows).toHaveLength(1);
    });

    it('take "Mã định danh học sinh" and optional columns may be left out', async () => {
      const result = await parseRoster(streamOf(csvBytes([['Họ tên', 'Lớp', 'Mã định danh học sinh'], ['Vũ Thị Mai', '3B', '0001']]))!, students);
      expect(result.rows).toEqual([
        { row: 2, fullName: 'Vũ Thị Mai', dateOfBirth: null, className: '3B', grade: 3, studentCode: '0001', parentName: null, parentPhone: null },
      ]);
    });

    it('missing required columns and unknown ones are ROSTER_COLUMNS, listing both', async () => {
      const header = ['Họ và tên', 'Ngày sinh', 'Ghi chú', 'Lớp', 'Số báo danh'];
      const error = await fileError(parseRoster(streamOf(csvBytes([header, ['Nguyễn Văn An', '01/01/2015', 'x', '4A', '12']])), students));
      expect(error.code).toBe('ROSTER_COLUMNS');
      expect(error.status).toBe(422);
      expect(error.details).toEqual({ missing: ['Mã định danh'], unknown: ['Ghi chú', 'Số báo danh'] });
      expect(error.messages.vi).toContain('Thiếu cột: "Mã định danh".');
      expect(error.messages.vi).toContain('Cột không nhận ra: "Ghi chú", "Số báo danh".');
      expect(error.messages.en).toContain('Missing: "Mã định danh".');
    });

    it('a student column in a staff file is unknown', async () => {
      const error = await fileError(parseRoster(streamOf(csvBytes([[...STAFF_HEADER, 'Lớp'], [...staffRow(), '4A']])), staff));
      expect(error.details).toEqual({ missing: [], unknown: ['Lớp'] });
    });

    it('a column given twice is refused', async () => {
      const error = await fileError(parseRoster(streamOf(csvBytes([[...STUDENT_HEADER, 'Họ tên'], [...studentRow(), 'x']])), students));
      expect(error.code).toBe('ROSTER_COLUMNS');
      expect(error.details).toEqual({ missing: [], unknown: [], duplicate: ['Họ tên'] });
    });

    it('columns without a header are ignored while blank, refused once they hold data', async () => {
      const blank = await parseRoster(streamOf(csvBytes([[...STUDENT_HEADER, '', ''], [...studentRow(), '', ''], studentRow({ studentCode: 'HS002' })])), students);
      expect(blank.rows).toHaveLength(2);

      const error = await fileError(parseRoster(streamOf(csvBytes([[...STUDENT_HEADER, ''], [...studentRow(), ''], [...studentRow({ studentCode: 'HS002' }), 'ghi chú']])), students));
      expect(error.code).toBe('ROSTER_COLUMNS');
      expect(error.details).toEqual({ missing: [], unknown: ['H'], untitled: { column: 'H', row: 3 } });
      expect(error.messages.vi).toContain('Cột H có dữ liệu (dòng 3) nhưng không có tiêu đề');
    });

    it('the header is the first row that is not blank', async () => {
      const text = `\r\n;;;\r\n${csvText([STUDENT_HEADER, studentRow()], ';')}`;
      const result = await parseRoster(streamOf(text), students);
      expect(result.rows[0]?.row).toBe(4);
    });
  });

  describe('encoding', () => {
    it('a Windows-1258 file is ROSTER_ENCODING, telling to save as "CSV UTF-8"', async () => {
      const bytes = Buffer.concat([WINDOWS_1258_HEADER, Buffer.from(',Lớp,Mã định danh\r\n', 'latin1')]);
      const error = await fileError(parseRoster(streamOf(bytes), students));
      expect(error.code).toBe('ROSTER_ENCODING');
      expect(error.status).toBe(422);
      expect(error.messages.vi).toContain('CSV UTF-8');
      expect(error.messages.en).toContain('CSV UTF-8');
    });

    it('a latin1 byte deep in an otherwise UTF-8 file is ROSTER_ENCODING too', async () => {
      const rows = [STUDENT_HEADER, ...Array.from({ length: 300 }, (_, i) => studentRow({ studentCode: `HS${i}` }))];
      const bytes = Buffer.concat([csvBytes(rows), Buffer.from('Ph\xe9 Nguy\xean,01/01/2015,4A,,HS9999,,\r\n', 'latin1')]);
      const error = await fileError(parseRoster(streamOf(bytes, 64), students));
      expect(error.code).toBe('ROSTER_ENCODING');
    });

    it('a UTF-16LE file (as Excel saves "Unicode Text") is ROSTER_ENCODING, with or without its BOM', async () => {
      const text = csvText([STUDENT_HEADER, studentRow()]);
      const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      expect((await fileError(parseRoster(streamOf(withBom), students))).code).toBe('ROSTER_ENCODING');
      const ascii = Buffer.from(csvText([['full_name', 'class', 'student_code'], ['An', '4A', 'HS1']]), 'utf16le');
      expect((await fileError(parseRoster(streamOf(ascii), students))).code).toBe('ROSTER_ENCODING');
      const bigEndian = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      expect((await fileError(parseRoster(streamOf(bigEndian), students))).code).toBe('ROSTER_ENCODING');
    });

    it('a file cut in the middle of a character is ROSTER_ENCODING', async () => {
      const bytes = csvBytes([STUDENT_HEADER, studentRow({ fullName: 'Nguyễn' })]);
      const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('ễ')) + 1);
      expect((await fileError(parseRoster(streamOf(cut, 1), students))).code).toBe('ROSTER_ENCODING');
    });
  });

  describe('row errors', () => {
    it('are all listed, with the row as Excel numbers it (blank rows and line breaks in quotes counted right)', async () => {
      const text = csvText([
        STUDENT_HEADER,
        studentRow({ fullName: '' }), // row 2
        [], // row 3: blank
        studentRow({ studentCode: 'HS002', parentName: 'Nguyễn Văn\nHùng' }), // row 4, two lines
        studentRow({ studentCode: 'HS003', className: '' }), // row 5
      ]);
      const result = await parseRoster(streamOf(text), students);
      expect(result.totalRows).toBe(3);
      expect(result.rows).toEqual([]);
      expect(result.errors).toEqual([
        { row: 2, column: 'Họ và tên', code: 'REQUIRED', vi: 'Thiếu giá trị ở cột "Họ và tên".', en: 'Missing value in column "Họ và tên".' },
        {
          row: 4,
          column: 'SĐT phụ huynh',
          code: 'REQUIRED',
          vi: 'Thiếu giá trị ở cột "SĐT phụ huynh" (bắt buộc khi đã có họ tên phụ huynh).',
          en: 'Missing value in column "SĐT phụ huynh" (required when a parent\'s name is given).',
        },
        { row: 5, column: 'Lớp', code: 'REQUIRED', vi: 'Thiếu giá trị ở cột "Lớp".', en: 'Missing value in column "Lớp".' },
      ]);
    });

    it('name the column as the file writes it', async () => {
      const result = await parseRoster(streamOf(csvBytes([['HỌ TÊN', 'lop', 'Ma dinh danh'], ['', '4A', 'HS1']])), students);
      expect(result.errors[0]).toMatchObject({ row: 2, column: 'HỌ TÊN', code: 'REQUIRED', vi: 'Thiếu giá trị ở cột "HỌ TÊN".' });
    });

    it('a code seen before is DUPLICATE_CODE on every later row, naming the first (whatever the case)', async () => {
      const rows = [STUDENT_HEADER, studentRow({ studentCode: 'HS001' }), studentRow({ studentCode: '0123' }), studentRow({ studentCode: 'hs001' }), studentRow({ studentCode: '0123' }), studentRow({ studentCode: '0123' })];
      const result = await parseRoster(streamOf(csvBytes(rows)), students);
      expect(result.rows.map((row) => row.row)).toEqual([2, 3]);
      expect(result.errors).toEqual([
        { row: 4, column: 'Mã định danh', code: 'DUPLICATE_CODE', vi: 'Mã định danh "hs001" bị trùng với dòng 2.', en: 'Student code "hs001" is the same as on row 2.' },
        { row: 5, column: 'Mã định danh', code: 'DUPLICATE_CODE', vi: 'Mã định danh "0123" bị trùng với dòng 3.', en: 'Student code "0123" is the same as on row 3.' },
        { row: 6, column: 'Mã định danh', code: 'DUPLICATE_CODE', vi: 'Mã định danh "0123" bị trùng với dòng 3.', en: 'Student code "0123" is the same as on row 3.' },
      ]);
    });

    it('refuse impossible, future and pre-1900 dates and other formats', async () => {
      const dates = ['31/02/2015', '29/02/2015', '01/01/2999', '31/12/1899', '2015', '15/03/15', 'March 2015', '2015-13-01', '15/03/2015 08:00'];
      const rows = [STUDENT_HEADER, ...dates.map((dateOfBirth, i) => studentRow({ dateOfBirth, studentCode: `HS${i}` })), studentRow({ dateOfBirth: '29/02/2016', studentCode: 'OK' })];
      const result = await parseRoster(streamOf(csvBytes(rows)), students);
      expect(result.rows.map((row) => row.dateOfBirth)).toEqual(['2016-02-29']);
      expect(result.errors.map((error) => [error.row, error.code])).toEqual(dates.map((_, i) => [i + 2, 'INVALID_DATE']));
      expect(result.errors[0]).toEqual({
        row: 2,
        column: 'Ngày sinh',
        code: 'INVALID_DATE',
        vi: 'Ngày sinh "31/02/2015" không hợp lệ (dùng dạng dd/mm/yyyy).',
        en: 'Date of birth "31/02/2015" is not a valid date (use dd/mm/yyyy).',
      });
      expect(result.errors[2]?.vi).toBe('Ngày sinh "01/01/2999" là một ngày trong tương lai.');
      expect(result.errors[3]?.vi).toBe('Ngày sinh "31/12/1899" trước năm 1900.');
    });

    it('normalise phones (+84, 84, spaces, dots, dashes) and refuse what is not a Vietnamese number', async () => {
      const good: [string, string][] = [
        ['+84 912 345 678', '0912345678'],
        ['84912345678', '0912345678'],
        ['0912.345.678', '0912345678'],
        ['091-234-5678', '0912345678'],
        ['(+84) 0912 345 678', '0912345678'],
        ['0225 3842 123', '02253842123'],
      ];
      const bad = ['12345', '0412345678', '+1 202 555 0100', '0912 345 67x', '091234567890', '912345678'];
      const rows = [
        STUDENT_HEADER,
        ...good.map(([phone], i) => studentRow({ parentName: 'Phụ huynh', parentPhone: phone, studentCode: `G${i}` })),
        ...bad.map((phone, i) => studentRow({ parentName: 'Phụ huynh', parentPhone: phone, studentCode: `B${i}` })),
      ];
      const result = await parseRoster(streamOf(csvBytes(rows)), students);
      expect(result.rows.map((row) => row.parentPhone)).toEqual(good.map(([, normalised]) => normalised));
      expect(only(result.errors, 'INVALID_PHONE').map((error) => error.row)).toEqual(bad.map((_, i) => good.length + i + 2));
      expect(result.errors[0]?.vi).toBe('SĐT phụ huynh "12345" không phải số điện thoại Việt Nam hợp lệ (ví dụ: 0912345678 hoặc +84 912 345 678).');
      expect(result.errors.at(-1)?.vi).toContain('Excel đã bỏ mất số 0 ở đầu');
    });

    it('refuse a full name that starts with "=" or "@", and keep other text verbatim', async () => {
      const rows = [
        STUDENT_HEADER,
        studentRow({ fullName: '=HYPERLINK("http://evil","Bấm")', studentCode: 'A1' }),
        studentRow({ fullName: '@SUM(1)', studentCode: 'A2' }),
        studentRow({ fullName: '-Nguyễn Văn An', className: '+4A', parentName: '=cmd|/c calc', parentPhone: '0912345678', studentCode: 'A3' }),
      ];
      const result = await parseRoster(streamOf(csvBytes(rows)), students);
      expect(result.errors.map((error) => [error.row, error.code])).toEqual([
        [2, 'INVALID_NAME'],
        [3, 'INVALID_NAME'],
      ]);
      expect(result.errors[1]?.vi).toBe('Họ và tên "@SUM(1)" không được bắt đầu bằng dấu "=" hoặc "@".');
      expect(result.rows).toEqual([expect.objectContaining({ row: 4, fullName: '-Nguyễn Văn An', className: '+4A', parentName: '=cmd|/c calc' })]);
    });

    it('refuse bad grades, bad codes and values that are too long', async () => {
      const rows = [
        STUDENT_HEADER,
        studentRow({ grade: '13', studentCode: 'A1' }),
        studentRow({ grade: 'bốn', studentCode: 'A2' }),
        studentRow({ studentCode: 'HS 01' }),
        studentRow({ studentCode: 'mãHS' }),
        studentRow({ studentCode: 'X'.repeat(65) }),
        studentRow({ fullName: 'Nguyễn '.repeat(30), studentCode: 'A6' }),
        studentRow({ className: 'L'.repeat(65), studentCode: 'A7' }),
        studentRow({ grade: 'Khối 4', className: 'Chồi', studentCode: 'A8' }),
      ];
      const result = await parseRoster(streamOf(csvBytes(rows)), students);
      expect(result.errors.map((error) => [error.row, error.code])).toEqual([
        [2, 'INVALID_GRADE'],
        [3, 'INVALID_GRADE'],
        [4, 'INVALID_CODE'],
        [5, 'INVALID_CODE'],
        [6, 'INVALID_CODE'],
        [7, 'TOO_LONG'],
        [8, 'TOO_LONG'],
      ]);
      expect(result.errors[0]?.vi).toBe('Khối "13" không hợp lệ (phải là số nguyên từ 1 đến 12).');
      expect(result.errors[5]?.vi).toBe('Họ và tên dài quá 200 ký tự (hiện có 209 ký tự).');
      expect(result.rows).toEqual([expect.objectContaining({ row: 9, grade: 4, className: 'Chồi' })]);
    });

    it('stop at 1,000 with one more entry saying how many were left out', async () => {
      const rows = [STUDENT_HEADER, ...Array.from({ length: 1250 }, (_, i) => studentRow({ fullName: '', studentCode: `HS${i}` }))];
      const result = await parseRoster(streamOf(csvBytes(rows)), students);
      expect(result.totalRows).toBe(1250);
      expect(result.errors).toHaveLength(1001);
      expect(result.errors[999]?.row).toBe(1001);
      expect(result.errors[1000]).toEqual({
        row: 1002,
        column: null,
        code: 'TOO_MANY_ERRORS',
        vi: 'Còn 250 lỗi khác (từ dòng 1002 trở đi) chưa được liệt kê. Hãy sửa các lỗi trên rồi tải tệp lên lại.',
        en: '250 more errors (from row 1002 on) are not listed. Fix the errors above and upload the file again.',
      });
    });
  });

  describe('staff', () => {
    it('take roles in Vietnamese or English, whatever the case and diacritics', async () => {
      const roles: [string, string][] = [
        ['giáo viên', 'teacher'],
        ['GIAO VIEN', 'teacher'],
        ['Teacher', 'teacher'],
        ['Quản lý', 'institution_manager'],
        ['cán bộ quản lý', 'institution_manager'],
        ['CAN BO QUAN LY', 'institution_manager'],
        ['manager', 'institution_manager'],
        ['institution_manager', 'institution_manager'],
        ['Tác giả', 'author'],
        ['AUTHOR', 'author'],
      ];
      const rows = [STAFF_HEADER, ...roles.map(([role], i) => staffRow({ role, staffCode: `GV${i}` }))];
      const result = await parseRoster(streamOf(csvBytes(rows)), staff);
      expect(result.errors).toEqual([]);
      expect(result.rows.map((row) => row.role)).toEqual(roles.map(([, role]) => role));
    });

    it('read a good staff row', async () => {
      const result = await parseRoster(streamOf(csvBytes([STAFF_HEADER, ['Trần Thị Thu Hà', 'Giáo viên', 'GV0001', ' Ha.Tran@THCS-NgoQuyen.edu.vn ', '']])), staff);
      expect(result.rows).toEqual([{ row: 2, fullName: 'Trần Thị Thu Hà', role: 'teacher', staffCode: 'GV0001', email: 'ha.tran@thcs-ngoquyen.edu.vn', phone: null }]);
    });

    it('refuse unknown roles, bad emails, missing contacts and duplicate staff codes', async () => {
      const rows = [
        STAFF_HEADER,
        staffRow({ role: 'hiệu trưởng', staffCode: 'A1' }),
        staffRow({ email: 'ha@', staffCode: 'A2' }),
        staffRow({ email: '', phone: '', staffCode: 'A3' }),
        staffRow({ staffCode: 'A1' }),
        staffRow({ role: '', staffCode: 'A5' }),
      ];
      const result = await parseRoster(streamOf(csvBytes(rows)), staff);
      expect(result.rows).toEqual([]);
      expect(result.errors.map((error) => [error.row, error.column, error.code])).toEqual([
        [2, 'Vai trò', 'INVALID_ROLE'],
        [3, 'Email', 'INVALID_EMAIL'],
        [4, null, 'CONTACT_REQUIRED'],
        [5, 'Mã cán bộ', 'DUPLICATE_CODE'],
        [6, 'Vai trò', 'REQUIRED'],
      ]);
      expect(result.errors[0]?.vi).toBe('Vai trò "hiệu trưởng" không hợp lệ (dùng một trong: giáo viên, quản lý, tác giả).');
      expect(result.errors[2]?.vi).toBe('Cần có ít nhất một trong hai: email hoặc số điện thoại.');
      expect(result.errors[3]?.vi).toBe('Mã cán bộ "A1" bị trùng với dòng 2.');
    });

    it('take "SĐT" and "Điện thoại" for the phone column', async () => {
      for (const phoneHeader of ['SĐT', 'Điện thoại']) {
        const result = await parseRoster(streamOf(csvBytes([['Họ tên', 'role', 'staff_code', phoneHeader], ['Lê Văn Nam', 'author', 'TG01', '0987 654 321']])), staff);
        expect(result.rows[0]).toMatchObject({ phone: '0987654321', email: null });
      }
    });
  });

  describe('the file as a whole', () => {
    it('a file with no data rows is ROSTER_EMPTY', async () => {
      for (const bytes of [Buffer.alloc(0), Buffer.from('\uFEFF'), csvBytes([STUDENT_HEADER]), Buffer.from(`${csvText([STUDENT_HEADER])}\r\n,,,,,,\r\n\r\n`)]) {
        const error = await fileError(parseRoster(streamOf(bytes), students));
        expect(error.code).toBe('ROSTER_EMPTY');
      }
    });

    it('more rows than maxRows is ROSTER_TOO_MANY_ROWS (413); blank rows do not count', async () => {
      const rows = [STUDENT_HEADER, ...Array.from({ length: 11 }, (_, i) => studentRow({ studentCode: `HS${i}` }))];
      const error = await fileError(parseRoster(streamOf(csvBytes(rows)), { ...students, maxRows: 10 }));
      expect(error.code).toBe('ROSTER_TOO_MANY_ROWS');
      expect(error.status).toBe(413);
      expect(error.messages.vi).toContain('tối đa 10 dòng');

      const withBlanks = csvText([...rows.slice(0, 11), [], [], ['', '', '']]);
      const result = await parseRoster(streamOf(withBlanks), { ...students, maxRows: 10 });
      expect(result.totalRows).toBe(10);
    });

    it('stops reading as soon as the limit is passed', async () => {
      let served = 0;
      async function* endless(): AsyncGenerator<Buffer> {
        yield csvBytes([STUDENT_HEADER]);
        for (;;) {
          served++;
          yield Buffer.from(csvText([studentRow({ studentCode: `HS${served}` })]));
        }
      }
      const error = await fileError(parseRoster(Readable.from(endless(), { objectMode: false }), { ...students, maxRows: 50 }));
      expect(error.code).toBe('ROSTER_TOO_MANY_ROWS');
      expect(served).toBeLessThan(1000);
    });

    it('reports progress every 1,000 rows', async () => {
      const rows = [STUDENT_HEADER, ...Array.from({ length: 2500 }, (_, i) => studentRow({ studentCode: `HS${i}` }))];
      const progress: number[] = [];
      await parseRoster(streamOf(csvBytes(rows), 4096), { ...students, onProgress: (rowsRead) => progress.push(rowsRead) });
      expect(progress).toEqual([1000, 2000]);
    });

    it('a quote that never closes is ROSTER_FORMAT', async () => {
      const text = `${csvText([STUDENT_HEADER, studentRow()])}"Nguyễn Văn An,01/01/2015,4A,,HS9,,\r\n`;
      const error = await fileError(parseRoster(streamOf(text), students));
      expect(error.code).toBe('ROSTER_FORMAT');
      expect(error.messages.vi).toContain('ngoặc kép');
    });

    it('an error of the stream itself is passed on as it is', async () => {
      async function* failing(): AsyncGenerator<Buffer> {
        yield csvBytes([STUDENT_HEADER, studentRow()]);
        throw new Error('connection reset');
      }
      await expect(parseRoster(Readable.from(failing(), { objectMode: false }), students)).rejects.toThrow('connection reset');
    });

    it('reads 100,000 rows', async () => {
      const lines = [`\uFEFF${STUDENT_HEADER.join(',')}`];
      for (let i = 0; i < 100_000; i++) lines.push(`Nguyễn Văn Học Sinh ${i},${(i % 28) + 1}/${(i % 12) + 1}/2014,${(i % 12) + 1}A${i % 9},,HS${i},Trần Thị Phụ Huynh,09${String(i).padStart(8, '0')}`);
      const bytes = Buffer.from(lines.join('\r\n'), 'utf8');
      const result = await parseRoster(streamOf(bytes, 64 * 1024), students);
      expect(result.errors).toEqual([]);
      expect(result.totalRows).toBe(100_000);
      expect(result.rows).toHaveLength(100_000);
      expect(result.rows[99_999]).toMatchObject({ row: 100_001, studentCode: 'HS99999', grade: 4 });
    }, 30_000);
  });
});
