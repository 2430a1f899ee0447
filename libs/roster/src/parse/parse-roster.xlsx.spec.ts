import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { STAFF_HEADER, streamOf, STUDENT_HEADER, xlsxBytes } from '../../../../test/fixtures/roster/roster-files';
import { parseRoster, type ParseOptions } from './parse-roster';
import { RosterFileException } from './roster-errors';

const students = { kind: 'students', format: 'xlsx' } as const satisfies ParseOptions;
const staff = { kind: 'staff', format: 'xlsx' } as const satisfies ParseOptions;

async function fileError(promise: Promise<unknown>): Promise<RosterFileException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RosterFileException) return error;
    throw error;
  }
  throw new Error('Expected a RosterFileException.');
}

const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));

describe('parseRoster: XLSX', () => {
  it('reads typed cells: date cells, number codes and grades, a phone Excel stripped of its 0, rich text', async () => {
    const bytes = await xlsxBytes(
      [
        STUDENT_HEADER,
        ['Nguyễn Thị Minh Anh', utc(2015, 3, 15), '4A1', null, 31215001234, 'Nguyễn Văn Hùng', 912345678],
        [{ richText: [{ text: 'Trần ', font: { bold: true } }, { text: 'Đức Bảo' }] }, '05/03/2014', '5A2', 5, 'HS-0002', null, null],
        [],
        ['Lê Thị Hồng Ngọc', 42078, '10 Toán', null, 'HS0003', 'Phạm Thị Lan', '+84 912 345 678'],
      ],
      (_workbook, sheet) => {
        sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
        sheet.getCell('B5').numFmt = 'General'; // a serial number, not shown as a date
      },
    );
    const result = await parseRoster(streamOf(bytes), students);
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(3);
    expect(result.rows).toEqual([
      {
        row: 2,
        fullName: 'Nguyễn Thị Minh Anh',
        dateOfBirth: '2015-03-15',
        className: '4A1',
        grade: 4,
        studentCode: '31215001234',
        parentName: 'Nguyễn Văn Hùng',
        parentPhone: '0912345678',
      },
      { row: 3, fullName: 'Trần Đức Bảo', dateOfBirth: '2014-03-05', className: '5A2', grade: 5, studentCode: 'HS-0002', parentName: null, parentPhone: null },
      {
        row: 5,
        fullName: 'Lê Thị Hồng Ngọc',
        dateOfBirth: '2015-03-15',
        className: '10 Toán',
        grade: 10,
        studentCode: 'HS0003',
        parentName: 'Phạm Thị Lan',
        parentPhone: '0912345678',
      },
    ]);
  });

  it('keeps Vietnamese characters whole where the decompressed XML is cut into chunks (exceljs issue #2084)', async () => {
    const names = Array.from({ length: 6000 }, (_, i) => `Nguyễn Thị Hồng Nhung Đặng Văn Ước ${i}`);
    const bytes = await xlsxBytes([['Họ và tên', 'Lớp', 'Mã định danh'], ...names.map((name, i) => [name, '4A', `HS${i}`])]);
    const result = await parseRoster(streamOf(bytes, 64 * 1024), students);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.fullName)).toEqual(names);
  });

  it('refuses text exceljs could not decode whole rather than import it garbled', async () => {
    // Inline strings, no shared strings: exceljs parks the sheet in a temporary file and reads it back in 64 KiB chunks.
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet('Danh sách');
    sheet.addRow(['Họ và tên', 'Lớp', 'Mã định danh']).commit();
    const names = Array.from({ length: 6000 }, (_, i) => `Nguyễn Thị Hồng Nhung Đặng Văn Ước ${i}`);
    names.forEach((name, i) => sheet.addRow([name, '4A', `HS${i}`]).commit());
    sheet.commit();
    await writer.commit();
    const outcome = await parseRoster(streamOf(Buffer.concat(chunks)), students).then(
      (result) => result.rows.map((row) => row.fullName),
      (error: unknown) => error,
    );
    if (Array.isArray(outcome)) expect(outcome).toEqual(names);
    else expect(outcome).toMatchObject({ code: 'ROSTER_FORMAT', messages: { vi: expect.stringContaining('không đọc được') } });
  });

  it('reads the same from a stream of 7-byte chunks', async () => {
    const bytes = await xlsxBytes([STUDENT_HEADER, ['Đặng Thu Hằng', utc(2013, 11, 20), '6A', null, 'HS7', null, null]]);
    const result = await parseRoster(streamOf(bytes, 7), students);
    expect(result.rows).toEqual([expect.objectContaining({ fullName: 'Đặng Thu Hằng', dateOfBirth: '2013-11-20', grade: 6 })]);
  });

  it('refuses formula cells, shared formulas included', async () => {
    const bytes = await xlsxBytes(
      [
        STUDENT_HEADER,
        ['Nguyễn Văn An', utc(2015, 1, 1), { formula: 'CONCATENATE("4","A")', result: '4A' }, null, 'HS1', null, null],
        ['Nguyễn Văn Bình', utc(2015, 1, 2), '4A', null, { formula: '"HS"&ROW()', result: 'HS3' }, null, null],
        ['Nguyễn Văn Cường', utc(2015, 1, 3), '4A', null, { sharedFormula: 'E3', result: 'HS4' }, null, null],
        ['Nguyễn Văn Dũng', utc(2015, 1, 4), '4A', null, 'HS5', null, null],
      ],
    );
    const result = await parseRoster(streamOf(bytes), students);
    expect(result.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [2, 'Lớp', 'FORMULA'],
      [3, 'Mã định danh', 'FORMULA'],
      [4, 'Mã định danh', 'FORMULA'],
    ]);
    expect(result.errors[0]?.vi).toBe('Ô ở cột "Lớp" chứa công thức. Hãy nhập trực tiếp giá trị (hoặc sao chép rồi dùng "Dán giá trị").');
    expect(result.rows.map((row) => row.row)).toEqual([5]);
  });

  it('refuses number cells that are no code, no date or no grade', async () => {
    const bytes = await xlsxBytes([
      STUDENT_HEADER,
      ['Nguyễn Văn An', utc(2015, 1, 1), '4A', null, 12.5, null, null],
      ['Nguyễn Văn Bình', utc(2015, 1, 1), '4A', null, 1e20, null, null],
      ['Nguyễn Văn Cường', 2015, '4A', null, 'HS3', null, null],
      ['Nguyễn Văn Dũng', utc(2999, 1, 1), '4A', null, 'HS4', null, null],
      ['Nguyễn Văn Em', utc(2015, 1, 1), '4A', 4.5, 'HS5', null, null],
      ['Nguyễn Văn Phúc', utc(2015, 1, 1), '4A', null, 'HS6', 'Nguyễn Văn Giang', 12345],
    ]);
    const result = await parseRoster(streamOf(bytes), students);
    expect(result.rows).toEqual([]);
    expect(result.errors.map((error) => [error.row, error.code])).toEqual([
      [2, 'INVALID_CODE'],
      [3, 'INVALID_CODE'],
      [4, 'INVALID_DATE'],
      [5, 'INVALID_DATE'],
      [6, 'INVALID_GRADE'],
      [7, 'INVALID_PHONE'],
    ]);
    expect(result.errors[3]?.vi).toBe('Ngày sinh "01/01/2999" là một ngày trong tương lai.');
  });

  it('reads staff: hyperlink email cells, roles in either language, duplicate codes', async () => {
    const bytes = await xlsxBytes([
      STAFF_HEADER,
      ['Trần Thị Thu Hà', 'Giáo viên', 'GV0001', { text: 'Ha.TTT@thcs-ngoquyen.edu.vn', hyperlink: 'mailto:ha.ttt@thcs-ngoquyen.edu.vn' }, null],
      ['Phạm Minh Tuấn', 'institution_manager', 'QL01', null, 987654321],
      ['Đỗ Thị Lan', 'Author', 'gv0001', 'lan@example.vn', null],
    ]);
    const result = await parseRoster(streamOf(bytes), staff);
    expect(result.rows).toEqual([
      { row: 2, fullName: 'Trần Thị Thu Hà', role: 'teacher', staffCode: 'GV0001', email: 'ha.ttt@thcs-ngoquyen.edu.vn', phone: null },
      { row: 3, fullName: 'Phạm Minh Tuấn', role: 'institution_manager', staffCode: 'QL01', email: null, phone: '0987654321' },
    ]);
    expect(result.errors).toEqual([
      { row: 4, column: 'Mã cán bộ', code: 'DUPLICATE_CODE', vi: 'Mã cán bộ "gv0001" bị trùng với dòng 2.', en: 'Staff code "gv0001" is the same as on row 2.' },
    ]);
  });

  it('reads the first visible worksheet in tab order, not the others', async () => {
    const bytes = await xlsxBytes([['Mã', 'Tên danh mục'], ['1', 'giáo viên']], (workbook, lists) => {
      lists.state = 'hidden';
      const roster = workbook.addWorksheet('Cán bộ');
      roster.addRow(STAFF_HEADER);
      roster.addRow(['Trần Thị Thu Hà', 'giáo viên', 'GV1', null, '0912345678']);
      const notes = workbook.addWorksheet('Ghi chú');
      notes.addRow(['Chỉ trang tính đầu tiên được nhập.']);
    });
    const result = await parseRoster(streamOf(bytes), staff);
    expect(result.rows).toEqual([expect.objectContaining({ row: 2, staffCode: 'GV1' })]);

    const reordered = await xlsxBytes([['Ghi chú']], (workbook, notes) => {
      const roster = workbook.addWorksheet('Cán bộ');
      roster.addRow(STAFF_HEADER);
      roster.addRow(['Trần Thị Thu Hà', 'giáo viên', 'GV2', null, '0912345678']);
      // Dragged before the notes tab (exceljs orders tabs by this untyped field).
      (roster as unknown as { orderNo: number }).orderNo = 0;
      (notes as unknown as { orderNo: number }).orderNo = 1;
    });
    const again = await parseRoster(streamOf(reordered), staff);
    expect(again.rows).toEqual([expect.objectContaining({ staffCode: 'GV2' })]);
  });

  it('a column whose header is not the template\'s is ROSTER_COLUMNS', async () => {
    const bytes = await xlsxBytes([['Họ và tên', 'Lớp', 'Ghi chú'], ['Nguyễn Văn An', '4A', 'x']]);
    const error = await fileError(parseRoster(streamOf(bytes), students));
    expect(error.code).toBe('ROSTER_COLUMNS');
    expect(error.details).toEqual({ missing: ['Mã định danh'], unknown: ['Ghi chú'] });
  });

  it('a worksheet without data rows is ROSTER_EMPTY, and so is a file of no bytes', async () => {
    expect((await fileError(parseRoster(streamOf(await xlsxBytes([STUDENT_HEADER])), students))).code).toBe('ROSTER_EMPTY');
    expect((await fileError(parseRoster(streamOf(await xlsxBytes([])), students))).code).toBe('ROSTER_EMPTY');
    expect((await fileError(parseRoster(streamOf(Buffer.alloc(0)), students))).code).toBe('ROSTER_EMPTY');
  });

  it('more rows than maxRows is ROSTER_TOO_MANY_ROWS', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`Học sinh ${i}`, null, '4A', null, `HS${i}`, null, null]);
    const error = await fileError(parseRoster(streamOf(await xlsxBytes([STUDENT_HEADER, ...rows])), { ...students, maxRows: 20 }));
    expect(error.code).toBe('ROSTER_TOO_MANY_ROWS');
    expect(error.status).toBe(413);
  });

  describe('temporary files', () => {
    // exceljs parks a worksheet in a temporary file when its shared strings come later in the zip
    // (as Excel and exceljs write them). None may stay behind, whether the file is read or refused.
    let directory: string;
    beforeEach(async () => {
      directory = await mkdtemp(join(tmpdir(), 'roster-parse-'));
      jest.spyOn(os, 'tmpdir').mockReturnValue(directory);
    });
    afterEach(async () => {
      jest.restoreAllMocks();
      await rm(directory, { recursive: true, force: true });
    });

    /** The files left, once tmp's asynchronous unlinks have had a moment. */
    async function filesLeft(): Promise<string[]> {
      for (let attempt = 0; attempt < 50; attempt++) {
        const files = await readdir(directory);
        if (files.length === 0) return files;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return readdir(directory);
    }

    const rows = Array.from({ length: 3000 }, (_, i) => [`Nguyễn Văn ${i}`, utc(2015, 1, 1), '4A', null, `HS${i}`, null, null]);
    const withOtherTabs = (workbook: ExcelJS.Workbook): void => {
      workbook.addWorksheet('Ghi chú').addRow(['Không nhập trang này']);
      workbook.addWorksheet('Danh mục').addRow(['giáo viên']);
    };

    it('are removed after a file is read in full', async () => {
      const result = await parseRoster(streamOf(await xlsxBytes([STUDENT_HEADER, ...rows], withOtherTabs)), students);
      expect(result.rows).toHaveLength(3000);
      expect(await filesLeft()).toEqual([]);
    });

    it('are removed when reading stops half-way', async () => {
      const error = await fileError(parseRoster(streamOf(await xlsxBytes([STUDENT_HEADER, ...rows], withOtherTabs)), { ...students, maxRows: 100 }));
      expect(error.code).toBe('ROSTER_TOO_MANY_ROWS');
      expect(await filesLeft()).toEqual([]);
    });
  });

  describe('a file that is no readable XLSX is ROSTER_FORMAT', () => {
    let good: Buffer;
    beforeAll(async () => {
      const rows = Array.from({ length: 200 }, (_, i) => [`Nguyễn Văn ${i}`, utc(2015, 1, (i % 28) + 1), '4A', null, `HS${i}`, null, null]);
      good = await xlsxBytes([STUDENT_HEADER, ...rows]);
    });

    it('text, a zip signature followed by junk, a truncated file', async () => {
      const samples = [
        Buffer.from('Họ và tên,Lớp,Mã định danh\r\nAn,4A,HS1\r\n'),
        Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(500, 7)]),
        good.subarray(0, Math.floor(good.length / 2)),
        good.subarray(0, good.length - 100),
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), // a legacy .xls
      ];
      for (const bytes of samples) {
        const error = await fileError(parseRoster(streamOf(bytes), students));
        expect(error.code).toBe('ROSTER_FORMAT');
        expect(error.messages.vi).toContain('Tệp Excel bị hỏng');
      }
    });

    it('damaged compressed data, without waiting for ever', async () => {
      // Bytes flipped at many places: exceljs's unzipper reports some of these only on a stream it does not watch.
      for (let offset = 40; offset < good.length - 200; offset += Math.floor(good.length / 25)) {
        const damaged = Buffer.from(good);
        for (let i = offset; i < offset + 50; i++) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
        const outcome = await parseRoster(streamOf(damaged, 1024), students).then(
          () => 'read',
          (error: unknown) => (error instanceof RosterFileException ? error.code : String(error)),
        );
        // A flip inside a cell's text may still leave a readable file; anything else is ROSTER_FORMAT.
        expect(['read', 'ROSTER_FORMAT', 'ROSTER_COLUMNS']).toContain(outcome);
      }
    }, 20_000);
  });
});
