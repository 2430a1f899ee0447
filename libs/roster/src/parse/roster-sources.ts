// Reading the rows of a roster file as a stream: CSV (UTF-8 checked as it flows, then csv-parse)
// and XLSX (exceljs's streaming reader, first worksheet). Neither ever holds the whole file.

import type { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { RosterFileException } from './roster-errors';
import { FORMULA_CELL, type CellValue } from './roster-values';

/** One row of a file: its number as Excel shows it, and its cells from column A on. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

export function toReadable(source: NodeJS.ReadableStream | Readable): Readable {
  return source instanceof Readable ? source : new Readable().wrap(source);
}

function toBytes(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError('A roster stream must carry bytes.');
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * The text of a UTF-8 stream, chunk by chunk, without its BOM. Any byte sequence that is not UTF-8
 * (a UTF-16 file, a Windows-1258 or TCVN3 one) or a NUL character is a ROSTER_ENCODING error.
 * A character split across chunks is decoded once its last byte arrives.
 */
export async function* decodeUtf8(source: AsyncIterable<unknown>): AsyncGenerator<string> {
  // ignoreBOM: false (the default) drops a leading UTF-8 BOM; the UTF-16 BOMs are not UTF-8 at all.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Buffer): string => {
    let text: string;
    try {
      text = bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new RosterFileException('ROSTER_ENCODING');
    }
    // UTF-16 without a BOM decodes as "UTF-8" full of NULs; no roster has one.
    if (text.includes('\u0000')) throw new RosterFileException('ROSTER_ENCODING');
    return text;
  };
  for await (const chunk of source) {
    const bytes = toBytes(chunk);
    if (bytes.length === 0) continue;
    const text = decode(bytes);
    if (text !== '') yield text;
  }
  const rest = decode();
  if (rest !== '') yield rest;
}

/** The first line with content (quotes respected), and whether its end has been read. */
export function firstCsvLine(text: string): { line: string; complete: boolean } {
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      const line = text.slice(start, i);
      if (line.trim() !== '') return { line, complete: true };
      start = i + 1;
    }
  }
  return { line: text.slice(start), complete: false };
}

/** Comma or semicolon (Excel with Vietnamese regional settings saves CSV with ";"): whichever the header line has more of. */
export function detectCsvDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const HEADER_PEEK_LIMIT = 64 * 1024;
const MAX_CSV_RECORD_CHARS = 100_000;

function csvFormatError(error: CsvError): RosterFileException {
  const line = typeof error.lines === 'number' ? error.lines : null;
  const near = { vi: line ? ` (gần dòng ${line})` : '', en: line ? ` (near line ${line})` : '' };
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
    case 'CSV_MAX_RECORD_SIZE':
      return new RosterFileException('ROSTER_FORMAT', {
        vi: `Có dấu ngoặc kép (") mở mà không đóng${near.vi}.`,
        en: `A double quote (") is opened and never closed${near.en}.`,
      });
    default:
      return new RosterFileException('ROSTER_FORMAT', {
        vi: `Tệp CSV sai cấu trúc${near.vi}.`,
        en: `The CSV file is malformed${near.en}.`,
      });
  }
}

/** The records of a UTF-8 CSV stream; blank lines are records too, so row numbers match Excel's. */
export async function* readCsvRows(source: Readable): AsyncGenerator<RawRow> {
  const text = decodeUtf8(source);
  // Read up to the end of the header line to choose the delimiter, then parse all that was read and the rest.
  let head = '';
  let ended = false;
  while (!firstCsvLine(head).complete && head.length < HEADER_PEEK_LIMIT) {
    const next = await text.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
  }
  const delimiter = detectCsvDelimiter(firstCsvLine(head).line);
  async function* chunks(): AsyncGenerator<string> {
    if (head !== '') yield head;
    if (!ended) yield* text;
  }
  const parser = parse({
    delimiter,
    bom: false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // Given rather than discovered: until csv-parse has found the line end it looks for, it builds a
    // Buffer for every character it reads (very slow under Jest's module sandbox).
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_CSV_RECORD_CHARS,
  });
  const done = pipeline(Readable.from(chunks()), parser);
  done.catch(() => undefined); // its error, if any, is the one the loop below throws
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvFormatError(error);
    throw error;
  }
  await done;
}

// ---------------------------------------------------------------------------------------------
// XLSX

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CLEAN_UP_TIMEOUT_MS = 10_000;

export function isZip(firstBytes: Buffer): boolean {
  return firstBytes.length >= 4 && firstBytes.subarray(0, 4).equals(ZIP_MAGIC);
}

/** The bits of exceljs's streaming reader that its typings leave out. */
interface WorkbookReaderInternals {
  model?: { sheets?: { name?: string; state?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
}

/** The file number (xl/worksheets/sheetN.xml) of the first visible worksheet in tab order, when known yet. */
function firstWorksheetFile(reader: WorkbookReaderInternals): string | null {
  const sheets = reader.model?.sheets;
  const rels = reader.workbookRels;
  if (!sheets || !rels) return null;
  for (const sheet of sheets) {
    if (sheet.state !== undefined && sheet.state !== 'visible') continue;
    const target = rels.find((rel) => rel.Id === sheet.rId)?.Target;
    const match = target ? /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(target) : null;
    if (match) return match[1];
  }
  return null;
}

/** A cell as exceljs reads it → a CellValue. */
export function fromExcelValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return FORMULA_CELL;
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((run: unknown) => (typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string' ? run.text : '')).join('');
    }
    if ('text' in value) {
      // A hyperlink: its text (itself possibly rich text).
      const text = fromExcelValue(value.text);
      return typeof text === 'string' ? text : text === null ? null : String(text as unknown);
    }
    if ('error' in value) return String(value.error); // #N/A, #REF!…: left for the field checks to refuse
  }
  return null;
}

/**
 * A byte stream handed to exceljs, which pipes it into its unzipper. Two of exceljs 4.4's flaws are
 * worked around where that pipe is made:
 * - the unzipper's errors (a corrupt entry, a truncated file) are not always passed on, and the
 *   reader then waits for ever: they are caught here;
 * - exceljs decodes each decompressed chunk of XML on its own, so a character whose UTF-8 bytes
 *   straddle two chunks becomes "��" (exceljs issues #2084, #2316; every Vietnamese name is at
 *   risk). Each zip entry is given a UTF-8 string decoder as it appears, so exceljs gets whole
 *   characters. Worksheets exceljs first parks in a temporary file (when the shared strings come
 *   after them in the zip, as Excel writes them) are read back as bytes again: their text is
 *   checked for "\uFFFD" below.
 */
class XlsxInput extends PassThrough {
  private failure: ((error: unknown) => void) | null = null;
  readonly failed: Promise<never>;
  hasFailed = false;

  constructor() {
    super();
    this.failed = new Promise<never>((_resolve, reject) => {
      this.failure = reject;
    });
    this.failed.catch(() => undefined);
    this.on('error', (error) => this.fail(error));
  }

  fail(error: unknown): void {
    this.hasFailed = true;
    this.failure?.(error);
    this.failure = null;
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    destination.on('error', (error: unknown) => this.fail(error));
    // The unzipper emits its entries as 'data'; this listener comes before exceljs's own, which it
    // adds in the same tick, and no entry is emitted before then.
    destination.on('data', (entry: unknown) => {
      if (entry instanceof Readable) entry.setEncoding('utf8');
    });
    return super.pipe(destination, options);
  }
}

function xlsxFormatError(): RosterFileException {
  return new RosterFileException('ROSTER_FORMAT', {
    vi: 'Tệp Excel bị hỏng hoặc không phải tệp .xlsx (tệp .xls cũ cần được lưu lại dưới dạng .xlsx).',
    en: 'The Excel file is damaged or is not an .xlsx file (an old .xls file must be saved again as .xlsx).',
  });
}

function garbledTextError(): RosterFileException {
  return new RosterFileException('ROSTER_FORMAT', {
    vi: 'Một số ký tự trong tệp Excel không đọc được. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi tải lên lại (hoặc lưu thành "CSV UTF-8").',
    en: 'Some characters of the Excel file cannot be read. Open it in Excel, save it again as .xlsx and upload it again (or save it as "CSV UTF-8").',
  });
}

/** The rows of the first worksheet of an XLSX stream (rows without cells are not there at all). */
export async function* readXlsxRows(source: Readable): AsyncGenerator<RawRow> {
  try {
    yield* readFirstWorksheet(source);
  } finally {
    if (!source.readableEnded) source.destroy(); // rows left unread: the rest of the upload is not wanted
  }
}

async function* readFirstWorksheet(source: Readable): AsyncGenerator<RawRow> {
  const bytes = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let ended = false;
  while (head.length < 4) {
    const next = (await bytes.next()) as IteratorResult<unknown>;
    if (next.done) {
      ended = true;
      break;
    }
    head = Buffer.concat([head, toBytes(next.value)]);
  }
  if (head.length === 0) throw new RosterFileException('ROSTER_EMPTY');
  if (!isZip(head)) throw xlsxFormatError();

  async function* chunks(): AsyncGenerator<Buffer> {
    yield head;
    if (ended) return;
    for (;;) {
      const next = (await bytes.next()) as IteratorResult<unknown>;
      if (next.done) return;
      yield toBytes(next.value);
    }
  }
  const input = new XlsxInput();
  pipeline(Readable.from(chunks(), { objectMode: false }), input).catch((error: unknown) => input.fail(error));

  // Which worksheet file the reader is about to hand over: it announces each as an entry first.
  let announcedSheet: string | null = null;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats: date cells come out as Dates
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  // The reader is an EventEmitter; its typings do not say so.
  (reader as unknown as EventEmitter).on('entry', (entry: { type?: string; id?: unknown }) => {
    if (entry.type === 'worksheet') announcedSheet = String(entry.id);
  });

  const next = async <T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> => {
    try {
      return await Promise.race([iterator.next(), input.failed]);
    } catch (error) {
      if (error instanceof RosterFileException) throw error;
      if (source.errored && error === source.errored) throw error; // the upload failed, not the file
      throw xlsxFormatError();
    }
  };

  const worksheets = reader[Symbol.asyncIterator]();
  let current: unknown = null;
  try {
    for (;;) {
      const sheet = await next(worksheets);
      if (sheet.done) break;
      const wanted = firstWorksheetFile(reader as unknown as WorkbookReaderInternals);
      if (wanted !== null && announcedSheet !== null && wanted !== announcedSheet) {
        closeWorksheet(sheet.value); // a later tab: skipped unread
        continue;
      }
      current = sheet.value;
      const rows = sheet.value[Symbol.asyncIterator]();
      for (;;) {
        const row = await next(rows);
        if (row.done) break;
        const values = row.value.values as unknown[];
        const cells: CellValue[] = [];
        for (let column = 1; column < values.length; column++) {
          const cell = fromExcelValue(values[column]);
          if (typeof cell === 'string' && cell.includes('\uFFFD')) throw garbledTextError();
          cells.push(cell);
        }
        yield { row: row.value.number, cells };
      }
      return;
    }
    throw xlsxFormatError(); // a zip, but no worksheet in it
  } finally {
    if (current !== null && closeWorksheet(current) && !input.hasFailed) await removeParkedWorksheets(worksheets);
    input.destroy();
  }
}

/**
 * Stops reading a worksheet. True when it was parked in a temporary file (read back through an
 * fs.ReadStream), i.e. when the whole zip has been read already.
 */
function closeWorksheet(worksheet: unknown): boolean {
  const iterator = (worksheet as { iterator?: unknown }).iterator;
  if (!(iterator instanceof Readable)) return false;
  iterator.destroy();
  return true;
}

/**
 * exceljs deletes the temporary file of a parked worksheet only once asked for the next worksheet,
 * and never when left mid-way: ask on until the end so that no file stays behind in the temp
 * directory. Cheap: the zip is read already and the other worksheets are not parsed.
 */
async function removeParkedWorksheets(worksheets: AsyncIterator<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CLEAN_UP_TIMEOUT_MS);
    timer.unref();
  });
  try {
    for (let left = 1000; left > 0; left--) {
      const next = await Promise.race([worksheets.next(), giveUp]);
      if (next === 'timeout' || next.done) return;
      closeWorksheet(next.value);
    }
  } catch {
    // Nothing more to clean up after a failure.
  } finally {
    clearTimeout(timer);
  }
}
