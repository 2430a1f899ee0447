// Checking one data row of a roster: every problem becomes a RowError with a stable code and a
// message in Vietnamese and English; a row with none becomes a StudentRow or a StaffRow.

import type { LocalizedMessage } from '@lms/core';
import type { RosterColumn, StaffField, StudentField } from './roster-columns';
import type { RowError, RowErrorCode } from './roster-errors';
import {
  cellText,
  gradeFromClassName,
  isBlankCell,
  isFormula,
  looksLikeDroppedLeadingZero,
  normaliseCode,
  normaliseEmail,
  normalisePhone,
  normaliseText,
  parseGrade,
  parseRosterDate,
  parseStaffRole,
  type CellValue,
  type StaffRole,
} from './roster-values';

export interface StudentRow {
  row: number;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  className: string;
  grade: number | null;
  studentCode: string;
  parentName: string | null;
  /** National form: 0xxxxxxxxx (mobiles); 02xxxxxxxxx for landlines, which have 11 digits. */
  parentPhone: string | null;
}

export interface StaffRow {
  row: number;
  fullName: string;
  role: StaffRole;
  staffCode: string;
  /** Lower case. */
  email: string | null;
  /** National form, as parentPhone. */
  phone: string | null;
}

export const MAX_ROW_ERRORS = 1000;
export const MAX_NAME_LENGTH = 200;
export const MAX_CLASS_NAME_LENGTH = 64;

/** The errors of a file, cut at MAX_ROW_ERRORS with one last entry saying how many more there were. */
export class RowErrorList {
  private readonly errors: RowError[] = [];
  private omitted = 0;
  private firstOmittedRow = 0;

  add(error: RowError): void {
    if (this.errors.length < MAX_ROW_ERRORS) {
      this.errors.push(error);
      return;
    }
    if (this.omitted === 0) this.firstOmittedRow = error.row;
    this.omitted++;
  }

  finish(): RowError[] {
    if (this.omitted === 0) return this.errors;
    const count = { vi: this.omitted.toLocaleString('vi-VN'), en: this.omitted.toLocaleString('en-US') };
    return [
      ...this.errors,
      {
        row: this.firstOmittedRow,
        column: null,
        code: 'TOO_MANY_ERRORS' satisfies RowErrorCode,
        vi: `Còn ${count.vi} lỗi khác (từ dòng ${this.firstOmittedRow} trở đi) chưa được liệt kê. Hãy sửa các lỗi trên rồi tải tệp lên lại.`,
        en: `${count.en} more ${this.omitted === 1 ? 'error' : 'errors'} (from row ${this.firstOmittedRow} on) are not listed. Fix the errors above and upload the file again.`,
      },
    ];
  }
}

/** A field of one row: the header it is under (as written in the file, or canonical when absent) and its cell. */
export interface FieldCell {
  header: string;
  value: CellValue;
}

const SHOWN_LENGTH = 60;

/** A cell's value as quoted in a message. */
function shown(value: CellValue): string {
  const text = normaliseText(cellText(value));
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH)}…` : text;
}

/** The codes seen so far in a file, by their case-folded form, with the row each was first on. */
export type CodeRegistry = Map<string, number>;

/**
 * The checks of one row. Each field method reports what is wrong and returns the normalised value,
 * null for a blank optional cell, or undefined when the cell was refused.
 */
export class RowCheck<F extends string> {
  failed = false;

  constructor(
    readonly row: number,
    private readonly cell: (field: F) => FieldCell,
    private readonly columns: ReadonlyMap<F, RosterColumn<F>>,
    private readonly report: (error: RowError) => void,
  ) {}

  private label(field: F): LocalizedMessage {
    const column = this.columns.get(field);
    return { vi: column?.header ?? field, en: column?.en ?? field };
  }

  error(field: F | null, code: RowErrorCode, message: LocalizedMessage): void {
    this.failed = true;
    this.report({ row: this.row, column: field === null ? null : this.cell(field).header, code, vi: message.vi, en: message.en });
  }

  /** Whether the cell holds anything (a formula included). */
  isGiven(field: F): boolean {
    return !isBlankCell(this.cell(field).value);
  }

  required(field: F, note?: LocalizedMessage): void {
    const { header } = this.cell(field);
    this.error(field, 'REQUIRED', {
      vi: `Thiếu giá trị ở cột "${header}"${note ? ` (${note.vi})` : ''}.`,
      en: `Missing value in column "${header}"${note ? ` (${note.en})` : ''}.`,
    });
  }

  /** The cell, or undefined when it holds a formula (reported); null when blank. */
  value(field: F, required: boolean, note?: LocalizedMessage): CellValue | undefined {
    const { header, value } = this.cell(field);
    if (isFormula(value)) {
      this.error(field, 'FORMULA', {
        vi: `Ô ở cột "${header}" chứa công thức. Hãy nhập trực tiếp giá trị (hoặc sao chép rồi dùng "Dán giá trị").`,
        en: `The cell in column "${header}" holds a formula. Type the value itself (or copy it and use "Paste Values").`,
      });
      return undefined;
    }
    if (isBlankCell(value)) {
      if (required) this.required(field, note);
      return required ? undefined : null;
    }
    return value;
  }

  /** Free text: NFC, whitespace collapsed, at most `max` characters. Kept verbatim otherwise. */
  text(field: F, required: boolean, max: number): string | null | undefined {
    const value = this.value(field, required);
    if (value === null || value === undefined) return value;
    const text = normaliseText(cellText(value));
    if (text.length > max) {
      const label = this.label(field);
      this.error(field, 'TOO_LONG', {
        vi: `${label.vi} dài quá ${max} ký tự (hiện có ${text.length} ký tự).`,
        en: `${label.en} is longer than ${max} characters (it has ${text.length}).`,
      });
      return undefined;
    }
    return text;
  }

  /** A person's name; one that starts with "=" or "@" would run as a formula when opened in a spreadsheet. */
  name(field: F, required: boolean): string | null | undefined {
    const text = this.text(field, required, MAX_NAME_LENGTH);
    if (typeof text === 'string' && /^[=@]/.test(text)) {
      const label = this.label(field);
      this.error(field, 'INVALID_NAME', {
        vi: `${label.vi} "${shown(text)}" không được bắt đầu bằng dấu "=" hoặc "@".`,
        en: `${label.en} "${shown(text)}" must not start with "=" or "@".`,
      });
      return undefined;
    }
    return text;
  }

  date(field: F): string | null | undefined {
    const value = this.value(field, false);
    if (value === null || value === undefined) return value;
    const result = parseRosterDate(value);
    if (result.ok) return result.value;
    const label = this.label(field);
    const text = shown(value);
    switch (result.problem) {
      case 'future':
        this.error(field, 'INVALID_DATE', { vi: `${label.vi} "${text}" là một ngày trong tương lai.`, en: `${label.en} "${text}" is in the future.` });
        break;
      case 'before-1900':
        this.error(field, 'INVALID_DATE', { vi: `${label.vi} "${text}" trước năm 1900.`, en: `${label.en} "${text}" is before 1900.` });
        break;
      case 'invalid':
        this.error(field, 'INVALID_DATE', {
          vi: `${label.vi} "${text}" không hợp lệ (dùng dạng dd/mm/yyyy).`,
          en: `${label.en} "${text}" is not a valid date (use dd/mm/yyyy).`,
        });
        break;
    }
    return undefined;
  }

  phone(field: F, required: boolean, note?: LocalizedMessage): string | null | undefined {
    const value = this.value(field, required, note);
    if (value === null || value === undefined) return value;
    const phone = normalisePhone(value);
    if (phone !== null) return phone;
    const label = this.label(field);
    const hint = looksLikeDroppedLeadingZero(value)
      ? {
          vi: ' Có vẻ Excel đã bỏ mất số 0 ở đầu: hãy định dạng cột là Văn bản (Text) rồi nhập lại.',
          en: ' Excel seems to have dropped the leading 0: format the column as Text and type it again.',
        }
      : { vi: '', en: '' };
    this.error(field, 'INVALID_PHONE', {
      vi: `${label.vi} "${shown(value)}" không phải số điện thoại Việt Nam hợp lệ (ví dụ: 0912345678 hoặc +84 912 345 678).${hint.vi}`,
      en: `${label.en} "${shown(value)}" is not a valid Vietnamese phone number (for example 0912345678 or +84 912 345 678).${hint.en}`,
    });
    return undefined;
  }

  email(field: F): string | null | undefined {
    const value = this.value(field, false);
    if (value === null || value === undefined) return value;
    const email = normaliseEmail(value);
    if (email !== null) return email;
    const label = this.label(field);
    this.error(field, 'INVALID_EMAIL', {
      vi: `${label.vi} "${shown(value)}" không phải địa chỉ email hợp lệ.`,
      en: `${label.en} "${shown(value)}" is not a valid email address.`,
    });
    return undefined;
  }

  role(field: F): StaffRole | undefined {
    const value = this.value(field, true);
    if (value === null || value === undefined) return undefined;
    const role = parseStaffRole(value);
    if (role !== null) return role;
    const label = this.label(field);
    this.error(field, 'INVALID_ROLE', {
      vi: `${label.vi} "${shown(value)}" không hợp lệ (dùng một trong: giáo viên, quản lý, tác giả).`,
      en: `${label.en} "${shown(value)}" is not valid (use one of: teacher, manager, author).`,
    });
    return undefined;
  }

  /** A required code, unique in the file (whatever the case): later rows with the same code are refused. */
  code(field: F, seen: CodeRegistry): string | undefined {
    const value = this.value(field, true);
    if (value === null || value === undefined) return undefined;
    const label = this.label(field);
    const code = normaliseCode(value);
    if (code === null) {
      this.error(field, 'INVALID_CODE', {
        vi: `${label.vi} "${shown(value)}" không hợp lệ (tối đa 64 ký tự, chỉ gồm chữ cái không dấu, chữ số và các dấu "-", "_", ".").`,
        en: `${label.en} "${shown(value)}" is not valid (at most 64 characters: letters without diacritics, digits, "-", "_" and "." only).`,
      });
      return undefined;
    }
    const key = code.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      this.error(field, 'DUPLICATE_CODE', {
        vi: `${label.vi} "${code}" bị trùng với dòng ${first}.`,
        en: `${label.en} "${code}" is the same as on row ${first}.`,
      });
      return undefined;
    }
    seen.set(key, this.row);
    return code;
  }

  grade(field: F, className: string | null | undefined): number | null | undefined {
    const value = this.value(field, false);
    if (value === undefined) return undefined;
    if (value === null) return typeof className === 'string' ? gradeFromClassName(className) : null;
    const grade = parseGrade(value);
    if (grade !== null) return grade;
    const label = this.label(field);
    this.error(field, 'INVALID_GRADE', {
      vi: `${label.vi} "${shown(value)}" không hợp lệ (phải là số nguyên từ 1 đến 12).`,
      en: `${label.en} "${shown(value)}" is not valid (it must be a whole number from 1 to 12).`,
    });
    return undefined;
  }
}

const PARENT_PHONE_NOTE: LocalizedMessage = { vi: 'bắt buộc khi đã có họ tên phụ huynh', en: "required when a parent's name is given" };

export function checkStudentRow(check: RowCheck<StudentField>, codes: CodeRegistry): StudentRow | null {
  const fullName = check.name('fullName', true);
  const dateOfBirth = check.date('dateOfBirth');
  const className = check.text('className', true, MAX_CLASS_NAME_LENGTH);
  const grade = check.grade('grade', className);
  const studentCode = check.code('studentCode', codes);
  const parentName = check.text('parentName', false, MAX_NAME_LENGTH);
  const parentPhone = check.phone('parentPhone', check.isGiven('parentName'), PARENT_PHONE_NOTE);
  if (
    check.failed ||
    typeof fullName !== 'string' ||
    dateOfBirth === undefined ||
    typeof className !== 'string' ||
    grade === undefined ||
    studentCode === undefined ||
    parentName === undefined ||
    parentPhone === undefined
  ) {
    return null;
  }
  return { row: check.row, fullName, dateOfBirth, className, grade, studentCode, parentName, parentPhone };
}

export function checkStaffRow(check: RowCheck<StaffField>, codes: CodeRegistry): StaffRow | null {
  const fullName = check.name('fullName', true);
  const role = check.role('role');
  const staffCode = check.code('staffCode', codes);
  const email = check.email('email');
  const phone = check.phone('phone', false);
  if (!check.isGiven('email') && !check.isGiven('phone')) {
    check.error(null, 'CONTACT_REQUIRED', {
      vi: 'Cần có ít nhất một trong hai: email hoặc số điện thoại.',
      en: 'An email address or a phone number is required.',
    });
  }
  if (check.failed || typeof fullName !== 'string' || role === undefined || staffCode === undefined || email === undefined || phone === undefined) {
    return null;
  }
  return { row: check.row, fullName, role, staffCode, email, phone };
}
