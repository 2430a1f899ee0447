// The row errors of an import as a CSV file the administrator opens in Excel to fix the roster.

import type { RowError } from './roster-errors';
import { neutraliseSpreadsheetCell } from './spreadsheet-safety';

const BOM = '\uFEFF';
export const ERROR_REPORT_HEADER = ['Dòng', 'Cột', 'Mã lỗi', 'Lý do', 'Reason'] as const;

/** One CSV cell: made safe for spreadsheets, then quoted when it holds a comma, quote, semicolon or line break. */
export function csvCell(value: string): string {
  const safe = neutraliseSpreadsheetCell(value);
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** UTF-8 with a BOM (so that Excel reads the Vietnamese right), comma-separated, CRLF line ends. */
export function writeErrorReportCsv(errors: readonly RowError[]): Buffer {
  const lines = [BOM, csvLine(ERROR_REPORT_HEADER)];
  for (const error of errors) {
    lines.push(csvLine([String(error.row), error.column ?? '', error.code, error.vi, error.en]));
  }
  return Buffer.from(lines.join(''), 'utf8');
}
