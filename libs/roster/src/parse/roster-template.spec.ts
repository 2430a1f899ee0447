import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parseRoster } from './parse-roster';
import { ROSTER_HEADERS, type RosterKind } from './roster-columns';
import { rosterTemplateCsv, rosterTemplateXlsx } from './roster-template';

const kinds: RosterKind[] = ['students', 'staff'];

describe('roster templates', () => {
  it.each(kinds)('the %s CSV template is BOM, canonical header, one example row, and parses to one valid row', async (kind) => {
    const bytes = rosterTemplateCsv(kind);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(ROSTER_HEADERS[kind].join(','));
    expect(lines).toHaveLength(3); // header, example, and the empty string after the last line end

    const result = await parseRoster(Readable.from([bytes]), { kind, format: 'csv' });
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(1);
    expect(result.rows).toHaveLength(1);
  });

  it('the example rows are realistic', async () => {
    const studentsResult = await parseRoster(Readable.from([rosterTemplateCsv('students')]), { kind: 'students', format: 'csv' });
    expect(studentsResult.rows[0]).toEqual({
      row: 2,
      fullName: 'Nguyễn Thị Minh Anh',
      dateOfBirth: '2015-03-15',
      className: '4A1',
      grade: 4,
      studentCode: '031215001234',
      parentName: 'Nguyễn Văn Hùng',
      parentPhone: '0912345678',
    });
    const staffResult = await parseRoster(Readable.from([rosterTemplateCsv('staff')]), { kind: 'staff', format: 'csv' });
    expect(staffResult.rows[0]).toMatchObject({ fullName: 'Trần Thị Thu Hà', role: 'teacher', staffCode: 'GV0001' });
  });

  it.each(kinds)('the %s XLSX template has a bold canonical header, widths, text-formatted codes, and parses to the same row', async (kind) => {
    const bytes = await rosterTemplateXlsx(kind);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([bytes]));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    const header = sheet.getRow(1);
    expect(ROSTER_HEADERS[kind].map((_, i) => header.getCell(i + 1).value)).toEqual(ROSTER_HEADERS[kind]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);
    expect(sheet.rowCount).toBe(2);

    const fromXlsx = await parseRoster(Readable.from([bytes]), { kind, format: 'xlsx' });
    const fromCsv = await parseRoster(Readable.from([rosterTemplateCsv(kind)]), { kind, format: 'csv' });
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
  });

  it('the students XLSX template keeps codes and phones as text, so Excel leaves their leading zeros', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([await rosterTemplateXlsx('students')]));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('E2').value).toBe('031215001234');
    expect(sheet?.getColumn(5).numFmt).toBe('@');
    expect(sheet?.getColumn(7).numFmt).toBe('@');
    expect(sheet?.getCell('B2').value).toEqual(new Date(Date.UTC(2015, 2, 15)));
  });
});
