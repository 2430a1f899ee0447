// parseRoster: a school's roster file (CSV or XLSX, students or staff) read as a stream, checked row by
// row. A file that cannot be read at all is a RosterFileException; a row that is wrong is a RowError
// and stays out of `rows`, while the rest of the file is still read so that every error is listed.

import type { Readable } from 'node:stream';
import { matchRosterHeader, rosterColumns, type RosterColumn, type RosterKind, type StaffField, type StudentField } from './roster-columns';
import { RosterFileException, type RowError } from './roster-errors';
import { checkStaffRow, checkStudentRow, RowCheck, RowErrorList, type CodeRegistry, type FieldCell, type StaffRow, type StudentRow } from './roster-rows';
import { isZip, readCsvRows, readXlsxRows, toReadable, type RawRow } from './roster-sources';
import { cellText, isBlankCell, normaliseText, type CellValue } from './roster-values';

export type { StaffRow, StudentRow } from './roster-rows';
export type { StaffRole } from './roster-values';

export type RosterFormat = 'csv' | 'xlsx';

export const DEFAULT_MAX_ROWS = 200_000;
export const PROGRESS_EVERY = 1000;

export interface ParseOptions {
  kind: RosterKind;
  format: RosterFormat;
  /** The most data rows a file may have (blank rows not counted); default 200,000. */
  maxRows?: number;
  /** Called with the number of data rows read so far, every 1,000 rows. */
  onProgress?: (rowsRead: number) => void;
}

export interface ParsedRoster<T> {
  /** The rows without errors, in file order. */
  rows: T[];
  /** At most 1,000, then one TOO_MANY_ERRORS entry. */
  errors: RowError[];
  /** Data rows read (blank rows not counted), with or without errors. */
  totalRows: number;
}

export function parseRoster(source: NodeJS.ReadableStream | Readable, options: ParseOptions & { kind: 'students' }): Promise<ParsedRoster<StudentRow>>;
export function parseRoster(source: NodeJS.ReadableStream | Readable, options: ParseOptions & { kind: 'staff' }): Promise<ParsedRoster<StaffRow>>;
export function parseRoster(source: NodeJS.ReadableStream | Readable, options: ParseOptions): Promise<ParsedRoster<StudentRow> | ParsedRoster<StaffRow>>;
export async function parseRoster(source: NodeJS.ReadableStream | Readable, options: ParseOptions): Promise<ParsedRoster<StudentRow> | ParsedRoster<StaffRow>> {
  const stream = toReadable(source);
  const rows = options.format === 'xlsx' ? readXlsxRows(stream) : readCsvRows(stream);
  switch (options.kind) {
    case 'students':
      return collect<StudentField, StudentRow>(rows, rosterColumns('students'), (header) => matchRosterHeader('students', header), checkStudentRow, options);
    case 'staff':
      return collect<StaffField, StaffRow>(rows, rosterColumns('staff'), (header) => matchRosterHeader('staff', header), checkStaffRow, options);
  }
}

/** "A" for the first column, "AA" for the 27th, as Excel names them. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

interface HeaderLayout<F extends string> {
  /** Where each field of the file is, and its header as written. */
  slots: Map<F, { index: number; header: string }>;
  /** The columns that hold a field; any other must stay blank. */
  used: boolean[];
}

function readHeader<F extends string>(cells: CellValue[], columns: readonly RosterColumn<F>[], match: (header: string) => F | null): HeaderLayout<F> {
  const slots = new Map<F, { index: number; header: string }>();
  const used: boolean[] = [];
  const unknown: string[] = [];
  const duplicate: string[] = [];
  cells.forEach((cell, index) => {
    const header = normaliseText(cellText(cell));
    if (header === '') return; // a column without a header: fine as long as it stays blank
    const field = match(header);
    if (field === null) unknown.push(header);
    else if (slots.has(field)) duplicate.push(header);
    else {
      slots.set(field, { index, header });
      used[index] = true;
    }
  });
  const missing = columns.filter((column) => column.required && !slots.has(column.field)).map((column) => column.header);
  if (missing.length > 0 || unknown.length > 0 || duplicate.length > 0) {
    throw new RosterFileException('ROSTER_COLUMNS', { missing, unknown, ...(duplicate.length > 0 ? { duplicate } : {}) });
  }
  return { slots, used };
}

async function collect<F extends string, T>(
  rows: AsyncIterable<RawRow>,
  columns: readonly RosterColumn<F>[],
  match: (header: string) => F | null,
  checkRow: (check: RowCheck<F>, codes: CodeRegistry) => T | null,
  options: ParseOptions,
): Promise<ParsedRoster<T>> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const byField = new Map(columns.map((column) => [column.field, column] as const));
  const errors = new RowErrorList();
  const codes: CodeRegistry = new Map();
  const parsed: T[] = [];
  let layout: HeaderLayout<F> | null = null;
  let totalRows = 0;

  for await (const { row, cells } of rows) {
    if (cells.every((cell) => isBlankCell(cell))) continue;
    if (layout === null) {
      layout = readHeader(cells, columns, match);
      continue;
    }
    for (let index = 0; index < cells.length; index++) {
      if (!layout.used[index] && !isBlankCell(cells[index])) {
        throw new RosterFileException('ROSTER_COLUMNS', { missing: [], unknown: [columnLetter(index)], untitled: { column: columnLetter(index), row } });
      }
    }
    totalRows++;
    if (totalRows > maxRows) throw new RosterFileException('ROSTER_TOO_MANY_ROWS', { maxRows });
    if (totalRows % PROGRESS_EVERY === 0) options.onProgress?.(totalRows);

    const { slots } = layout;
    const cell = (field: F): FieldCell => {
      const slot = slots.get(field);
      if (slot) return { header: slot.header, value: cells[slot.index] ?? null };
      return { header: byField.get(field)?.header ?? field, value: null };
    };
    const value = checkRow(new RowCheck(row, cell, byField, (error) => errors.add(error)), codes);
    if (value !== null) parsed.push(value);
  }

  if (layout === null || totalRows === 0) throw new RosterFileException('ROSTER_EMPTY');
  return { rows: parsed, errors: errors.finish(), totalRows };
}

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // legacy .xls (and .doc…)

/**
 * Which reader a file needs, from its first bytes first (a zip is an XLSX), then its name and content
 * type. Text (in any encoding: parseRoster reports a non-UTF-8 one) is CSV. null: neither, e.g. a
 * legacy .xls, a PDF or an image.
 */
export function detectRosterFormat(fileName: string | undefined, contentType: string | undefined, firstBytes: Buffer): RosterFormat | null {
  if (isZip(firstBytes)) return 'xlsx';
  const extension = fileName ? /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() : undefined;
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  // Named XLSX but not a zip: the XLSX reader says it is damaged, which is what the user needs to hear.
  if (extension === 'xlsx' || mime === XLSX_CONTENT_TYPE) return 'xlsx';
  if (firstBytes.length >= 4 && firstBytes.subarray(0, 4).equals(OLE2_MAGIC)) return null;
  const utf16Bom = firstBytes.length >= 2 && ((firstBytes[0] === 0xff && firstBytes[1] === 0xfe) || (firstBytes[0] === 0xfe && firstBytes[1] === 0xff));
  if (utf16Bom) return 'csv';
  return firstBytes.includes(0) ? null : 'csv';
}
