import { parse } from 'csv-parse';
import { writeErrorReportCsv } from './error-report';
import type { RowError } from './roster-errors';
import { neutraliseSpreadsheetCell } from './spreadsheet-safety';

function readCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    parse(text, { bom: true, relax_column_count: false }, (error, records: string[][]) => (error ? reject(error) : resolve(records)));
  });
}

describe('neutraliseSpreadsheetCell', () => {
  it.each(['=cmd|/c calc', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('quotes %p, which a spreadsheet would run', (value) => {
    expect(neutraliseSpreadsheetCell(value)).toBe(`'${value}`);
  });

  it.each(['', 'Nguyễn Văn An', '0912345678', "'=already", ' =spaced', 'a=b'])('leaves %p as it is', (value) => {
    expect(neutraliseSpreadsheetCell(value)).toBe(value);
  });
});

describe('writeErrorReportCsv', () => {
  const errors: RowError[] = [
    { row: 2, column: 'Họ và tên', code: 'INVALID_NAME', vi: 'Họ và tên "=cmd" không được bắt đầu bằng dấu "=" hoặc "@".', en: 'Full name "=cmd" must not start with "=" or "@".' },
    { row: 7, column: '=cmd|/c calc', code: 'REQUIRED', vi: 'Thiếu giá trị ở cột "=cmd|/c calc".', en: 'Missing value, in column "x"\nsecond line' },
    { row: 1002, column: null, code: 'TOO_MANY_ERRORS', vi: 'Còn 5 lỗi khác.', en: '5 more errors.' },
  ];

  it('is UTF-8 with a BOM and the Vietnamese header', () => {
    const bytes = writeErrorReportCsv(errors);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('Dòng,Cột,Mã lỗi,Lý do,Reason');
  });

  it('quotes what needs quoting and neutralises every cell, so it reads back cell for cell', async () => {
    const text = writeErrorReportCsv(errors).toString('utf8');
    expect(text).toContain(`,'=cmd|/c calc,`);
    expect(await readCsv(text)).toEqual([
      ['Dòng', 'Cột', 'Mã lỗi', 'Lý do', 'Reason'],
      ['2', 'Họ và tên', 'INVALID_NAME', 'Họ và tên "=cmd" không được bắt đầu bằng dấu "=" hoặc "@".', 'Full name "=cmd" must not start with "=" or "@".'],
      ['7', "'=cmd|/c calc", 'REQUIRED', 'Thiếu giá trị ở cột "=cmd|/c calc".', 'Missing value, in column "x"\nsecond line'],
      ['1002', '', 'TOO_MANY_ERRORS', 'Còn 5 lỗi khác.', '5 more errors.'],
    ]);
  });

  it('is just the header when there is nothing to report', () => {
    expect(writeErrorReportCsv([]).toString('utf8')).toBe('\uFEFFDòng,Cột,Mã lỗi,Lý do,Reason\r\n');
  });
});
