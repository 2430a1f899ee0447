// The values of roster cells: what a CSV or XLSX cell holds once read, and how each kind of value
// is checked and normalised. Pure functions, no I/O.

import { foldVietnamese } from './roster-columns';

/** A cell that holds a formula: refused, a roster holds values typed by people. */
export interface FormulaCell {
  readonly formula: true;
}

export const FORMULA_CELL: FormulaCell = Object.freeze({ formula: true as const });

/** A cell as read: CSV cells are strings; XLSX cells keep their type. */
export type CellValue = string | number | boolean | Date | FormulaCell | null;

export type StaffRole = 'teacher' | 'institution_manager' | 'author';

export function isFormula(value: CellValue): value is FormulaCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const HAS_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/;
const NON_ASCII = /[\u0080-\uFFFF]/;
/** Whitespace other than single spaces (a run, a tab, a line break, a non-breaking space…). */
const ODD_WHITESPACE = /\s\s|[^\S ]/;

/** NFC, without zero-width characters, whitespace runs collapsed to one space, trimmed. */
export function normaliseText(text: string): string {
  // The checks spare the common case (a plain name, a code) the work: rosters run to 200,000 rows.
  let result = text;
  if (NON_ASCII.test(result)) {
    result = result.normalize('NFC');
    if (HAS_INVISIBLE.test(result)) result = result.replace(INVISIBLE, '');
  }
  if (ODD_WHITESPACE.test(result)) result = result.replace(/\s+/g, ' ');
  return result.trim();
}

export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '' || (HAS_INVISIBLE.test(value) && normaliseText(value) === '');
  if (typeof value === 'number') return Number.isNaN(value);
  return false;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** dd/mm/yyyy of a date cell (by its UTC calendar date, as exceljs reads them). */
export function formatDateCell(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return `${pad2(date.getUTCDate())}/${pad2(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** A cell as the text a person would see in it. Formula cells have none. */
export function cellText(value: CellValue): string {
  if (value === null || isFormula(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return formatDateCell(value);
}

// ---------------------------------------------------------------------------------------------
// Dates

export type DateProblem = 'invalid' | 'future' | 'before-1900';
export type DateResult = { ok: true; value: string } | { ok: false; problem: DateProblem };

const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/;
const SERIAL_TEXT = /^\d{5}$/;
const MS_PER_DAY = 86_400_000;

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Today's calendar date where the server runs, as YYYY-MM-DD. */
function todayIso(now: Date): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function checkDate(year: number, month: number, day: number, now: Date): DateResult {
  if (month < 1 || month > 12 || day < 1) return { ok: false, problem: 'invalid' };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return { ok: false, problem: 'invalid' };
  if (year < 1900) return { ok: false, problem: 'before-1900' };
  const value = isoDate(year, month, day);
  if (value > todayIso(now)) return { ok: false, problem: 'future' };
  return { ok: true, value };
}

function fromUtcDate(date: Date, now: Date): DateResult {
  if (Number.isNaN(date.getTime())) return { ok: false, problem: 'invalid' };
  return checkDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), now);
}

/**
 * An Excel serial date (days since 1899-12-30, the 1900 date system, the time of day ignored).
 * A whole number from 1900 to 2100 is taken for a year typed alone, not for a day in 1905.
 */
function fromSerial(serial: number, now: Date): DateResult {
  if (!Number.isFinite(serial) || serial < 1) return { ok: false, problem: 'invalid' };
  if (Number.isInteger(serial) && serial >= 1900 && serial <= 2100) return { ok: false, problem: 'invalid' };
  const days = Math.floor(serial);
  if (days === 60) return { ok: false, problem: 'invalid' }; // 29/02/1900, which Excel counts but never was
  const offset = days < 60 ? days + 1 : days; // Excel's serials before 1 March 1900 are one day off
  return fromUtcDate(new Date(Date.UTC(1899, 11, 30) + offset * MS_PER_DAY), now);
}

/**
 * A date of birth: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, an XLSX date cell or an
 * Excel serial number. Impossible dates, dates before 1900 and dates after today are refused.
 */
export function parseRosterDate(value: CellValue, now: Date = new Date()): DateResult {
  if (value instanceof Date) return fromUtcDate(value, now);
  if (typeof value === 'number') return fromSerial(value, now);
  if (typeof value !== 'string') return { ok: false, problem: 'invalid' };
  const text = normaliseText(value);
  let match = DAY_FIRST.exec(text);
  if (match) return checkDate(Number(match[4]), Number(match[3]), Number(match[1]), now);
  match = YEAR_FIRST.exec(text);
  if (match) return checkDate(Number(match[1]), Number(match[3]), Number(match[4]), now);
  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text), now);
  return { ok: false, problem: 'invalid' };
}

// ---------------------------------------------------------------------------------------------
// Phones

/** Mobiles: 10 digits, 03x 05x 07x 08x 09x. */
const MOBILE = /^0[35789]\d{8}$/;
/** Landlines since 2017: 02 + area code + subscriber, 11 digits (e.g. 0225 3842 123 in Hải Phòng). */
const LANDLINE = /^02\d{9}$/;
/** What is left once spaces, dots, dashes and brackets are taken out. */
const PHONE_CHARACTERS = /^\+?\d+$/;

/**
 * A Vietnamese phone number, normalised to its national form (0xxxxxxxxx; landlines 02xxxxxxxxx),
 * or null when it is not one. Spaces, dots, dashes, brackets and a +84 / 84 / 0084 prefix are
 * accepted. An XLSX number cell of 9 digits is a mobile whose leading 0 Excel dropped.
 */
export function normalisePhone(value: CellValue): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value <= 0) return null;
    text = String(value);
    if (/^[35789]\d{8}$/.test(text) || /^2\d{9}$/.test(text)) text = `0${text}`;
  } else if (typeof value === 'string') {
    text = normaliseText(value);
  } else {
    return null;
  }
  let digits = text.replace(/[\s.()-]/g, '');
  if (!PHONE_CHARACTERS.test(digits)) return null;
  let national: string | null = null;
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+84')) return null;
    national = digits.slice(3);
  } else if (digits.startsWith('0084')) {
    national = digits.slice(4);
  } else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) {
    national = digits.slice(2);
  }
  if (national !== null) digits = national.startsWith('0') ? national : `0${national}`;
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : null;
}

/** Nine digits that read as a mobile without its 0: Excel drops leading zeros of numbers. */
export function looksLikeDroppedLeadingZero(value: CellValue): boolean {
  return typeof value === 'string' && /^[35789]\d{8}$/.test(value.replace(/[\s.()-]/g, ''));
}

// ---------------------------------------------------------------------------------------------
// Emails, roles, codes, grades

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** An email address, trimmed and lower-cased, or null when it is not one. */
export function normaliseEmail(value: CellValue): string | null {
  if (typeof value !== 'string') return null;
  const text = normaliseText(value);
  if (text.length > 254 || !EMAIL.test(text)) return null;
  return text.toLowerCase();
}

const ROLES: ReadonlyMap<string, StaffRole> = new Map([
  ['giao vien', 'teacher'],
  ['gv', 'teacher'],
  ['teacher', 'teacher'],
  ['quan ly', 'institution_manager'],
  ['can bo quan ly', 'institution_manager'],
  ['cbql', 'institution_manager'],
  ['manager', 'institution_manager'],
  ['institution manager', 'institution_manager'],
  ['tac gia', 'author'],
  ['author', 'author'],
]);

/** A staff role written in Vietnamese or English, whatever the case and diacritics. */
export function parseStaffRole(value: CellValue): StaffRole | null {
  if (typeof value !== 'string') return null;
  const key = foldVietnamese(normaliseText(value)).replace(/[\s_-]+/g, ' ').trim();
  return ROLES.get(key) ?? null;
}

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** A student or staff code: 1–64 of letters, digits, "-", "_", "."; a whole-number cell gives its digits. */
export function normaliseCode(value: CellValue): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFC').replace(INVISIBLE, '').trim();
  return CODE.test(text) ? text : null;
}

/** A grade 1–12: a number cell or text such as "4", "04" or "Khối 4"; null when it is not one. */
export function parseGrade(value: CellValue): number | null {
  let grade: number;
  if (typeof value === 'number') {
    grade = value;
  } else if (typeof value === 'string') {
    const text = foldVietnamese(normaliseText(value)).replace(/^(khoi|lop)\s*/, '');
    if (!/^\d{1,2}$/.test(text)) return null;
    grade = Number(text);
  } else {
    return null;
  }
  return Number.isInteger(grade) && grade >= 1 && grade <= 12 ? grade : null;
}

/** The grade a class name starts with ("4A1" → 4, "10 Toán" → 10), or null. */
export function gradeFromClassName(className: string): number | null {
  const match = /^(\d+)/.exec(className);
  if (!match) return null;
  const grade = Number(match[1]);
  return grade >= 1 && grade <= 12 ? grade : null;
}
