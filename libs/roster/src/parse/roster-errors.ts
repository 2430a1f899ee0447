import { DomainException, type LocalizedMessage } from '@lms/core';

/**
 * One problem with one row of a roster file. `row` is the row number the user sees in Excel: the
 * header is row 1, the first data row is 2, and blank rows still count. `column` is the header as
 * written in the file (or the canonical Vietnamese header when the column is not in the file).
 */
export interface RowError {
  row: number;
  column: string | null;
  code: string;
  vi: string;
  en: string;
}

/** The codes parseRoster puts in RowError.code. */
export type RowErrorCode =
  | 'REQUIRED'
  | 'INVALID_DATE'
  | 'INVALID_GRADE'
  | 'INVALID_PHONE'
  | 'INVALID_EMAIL'
  | 'INVALID_ROLE'
  | 'INVALID_CODE'
  | 'INVALID_NAME'
  | 'TOO_LONG'
  | 'DUPLICATE_CODE'
  | 'CONTACT_REQUIRED'
  | 'FORMULA'
  /** The last entry of a list cut at MAX_ROW_ERRORS: how many more were found. */
  | 'TOO_MANY_ERRORS';

export type RosterFileErrorCode = 'ROSTER_ENCODING' | 'ROSTER_COLUMNS' | 'ROSTER_EMPTY' | 'ROSTER_FORMAT' | 'ROSTER_TOO_MANY_ROWS';

/** What is wrong with a file's columns. Every list holds headers as written in the file, except `missing` (canonical headers). */
export interface RosterColumnsProblem {
  missing: string[];
  unknown: string[];
  /** Two columns of the file that stand for the same field (e.g. "Họ tên" and "Họ và tên"). */
  duplicate?: string[];
  /** A column without a header that holds a value: its letter (as in Excel) and the first row where it does. */
  untitled?: { column: string; row: number };
}

const MAX_LISTED = 10;

function quotedList(items: readonly string[], more: (count: number) => string): string {
  const shown = items.slice(0, MAX_LISTED).map((item) => `"${item}"`);
  if (items.length > MAX_LISTED) shown.push(more(items.length - MAX_LISTED));
  return shown.join(', ');
}

function columnsMessage(problem: RosterColumnsProblem): LocalizedMessage {
  const vi: string[] = [];
  const en: string[] = [];
  const moreVi = (count: number): string => `và ${count} cột khác`;
  const moreEn = (count: number): string => `and ${count} more`;
  if (problem.untitled) {
    const { column, row } = problem.untitled;
    vi.push(`Cột ${column} có dữ liệu (dòng ${row}) nhưng không có tiêu đề. Hãy thêm tiêu đề đúng mẫu hoặc xoá dữ liệu ở cột này.`);
    en.push(`Column ${column} holds data (row ${row}) but has no header. Give it a header from the template or clear it.`);
  } else {
    vi.push('Các cột của tệp không khớp với mẫu.');
    en.push("The file's columns do not match the template.");
    if (problem.missing.length > 0) {
      vi.push(`Thiếu cột: ${quotedList(problem.missing, moreVi)}.`);
      en.push(`Missing: ${quotedList(problem.missing, moreEn)}.`);
    }
    if (problem.unknown.length > 0) {
      vi.push(`Cột không nhận ra: ${quotedList(problem.unknown, moreVi)}.`);
      en.push(`Not recognised: ${quotedList(problem.unknown, moreEn)}.`);
    }
    if (problem.duplicate && problem.duplicate.length > 0) {
      vi.push(`Cột bị lặp: ${quotedList(problem.duplicate, moreVi)}.`);
      en.push(`Repeated: ${quotedList(problem.duplicate, moreEn)}.`);
    }
    vi.push('Hãy đặt tên cột như trong tệp mẫu.');
    en.push('Name the columns as in the template.');
  }
  return { vi: vi.join(' '), en: en.join(' ') };
}

/** A roster file that cannot be read at all: nothing of it is imported. */
export class RosterFileException extends DomainException {
  declare readonly code: RosterFileErrorCode;

  constructor(code: 'ROSTER_ENCODING' | 'ROSTER_EMPTY');
  constructor(code: 'ROSTER_FORMAT', reason?: LocalizedMessage);
  constructor(code: 'ROSTER_COLUMNS', problem: RosterColumnsProblem);
  constructor(code: 'ROSTER_TOO_MANY_ROWS', limit: { maxRows: number });
  constructor(code: RosterFileErrorCode, extra?: LocalizedMessage | RosterColumnsProblem | { maxRows: number }) {
    const [status, messages, details] = RosterFileException.describe(code, extra);
    super(code, status, messages, details);
  }

  private static describe(
    code: RosterFileErrorCode,
    extra: LocalizedMessage | RosterColumnsProblem | { maxRows: number } | undefined,
  ): [number, LocalizedMessage, Record<string, unknown> | undefined] {
    switch (code) {
      case 'ROSTER_ENCODING':
        return [
          422,
          {
            vi: 'Tệp không được lưu bằng bảng mã UTF-8 nên tiếng Việt sẽ bị lỗi font. Trong Excel, chọn Lưu thành (Save As) → "CSV UTF-8 (Comma delimited) (*.csv)" rồi tải tệp lên lại, hoặc tải lên tệp Excel (.xlsx).',
            en: 'The file is not UTF-8 encoded, so its Vietnamese text would be garbled. In Excel, use Save As → "CSV UTF-8 (Comma delimited) (*.csv)" and upload it again, or upload the Excel file (.xlsx).',
          },
          undefined,
        ];
      case 'ROSTER_EMPTY':
        return [
          422,
          {
            vi: 'Tệp không có dòng dữ liệu nào (tệp trống hoặc chỉ có dòng tiêu đề).',
            en: 'The file has no data rows (it is empty or holds only the header row).',
          },
          undefined,
        ];
      case 'ROSTER_FORMAT': {
        const reason = extra as LocalizedMessage | undefined;
        return [
          422,
          reason
            ? { vi: `Không đọc được tệp. ${reason.vi}`, en: `The file cannot be read. ${reason.en}` }
            : { vi: 'Không đọc được tệp: hãy tải lên tệp Excel (.xlsx) hoặc CSV.', en: 'The file cannot be read: upload an Excel (.xlsx) or CSV file.' },
          undefined,
        ];
      }
      case 'ROSTER_COLUMNS': {
        const problem = extra as RosterColumnsProblem;
        const details: Record<string, unknown> = { missing: problem.missing, unknown: problem.unknown };
        if (problem.duplicate && problem.duplicate.length > 0) details.duplicate = problem.duplicate;
        if (problem.untitled) details.untitled = problem.untitled;
        return [422, columnsMessage(problem), details];
      }
      case 'ROSTER_TOO_MANY_ROWS': {
        const { maxRows } = extra as { maxRows: number };
        return [
          413,
          {
            vi: `Tệp có quá nhiều dòng: mỗi lần chỉ nhập được tối đa ${maxRows.toLocaleString('vi-VN')} dòng. Hãy chia tệp thành nhiều tệp nhỏ hơn.`,
            en: `The file has too many rows: at most ${maxRows.toLocaleString('en-US')} rows can be imported at once. Split it into smaller files.`,
          },
          { maxRows },
        ];
      }
    }
  }
}
