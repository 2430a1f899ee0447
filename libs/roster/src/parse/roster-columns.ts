import { foldVietnamese } from '@lms/core';
// The columns of a roster file, per kind, and how a header written by a person is matched to one.
// Headers match whatever the case, Vietnamese diacritics, spacing or punctuation ("Họ và tên",
// "HO VA TEN", "ho_va_ten" are one header), and the English key names are accepted too.

export type RosterKind = 'students' | 'staff';

export type StudentField = 'fullName' | 'dateOfBirth' | 'className' | 'grade' | 'studentCode' | 'parentName' | 'parentPhone';
export type StaffField = 'fullName' | 'role' | 'staffCode' | 'email' | 'phone';
export type RosterField<K extends RosterKind = RosterKind> = K extends 'students' ? StudentField : StaffField;

export interface RosterColumn<F extends string = string> {
  field: F;
  /** The canonical header, in Vietnamese: what the template holds and what messages name. */
  header: string;
  /** The field's name in English, for English messages. */
  en: string;
  required: boolean;
  /** Other headers accepted for this column (the English key names among them). */
  aliases: readonly string[];
}

export const STUDENT_COLUMNS: readonly RosterColumn<StudentField>[] = [
  { field: 'fullName', header: 'Họ và tên', en: 'Full name', required: true, aliases: ['Họ tên', 'Họ và tên học sinh', 'Họ tên học sinh', 'full_name', 'fullName', 'name'] },
  { field: 'dateOfBirth', header: 'Ngày sinh', en: 'Date of birth', required: false, aliases: ['Ngày tháng năm sinh', 'date_of_birth', 'dateOfBirth', 'dob', 'birth_date'] },
  { field: 'className', header: 'Lớp', en: 'Class', required: true, aliases: ['Tên lớp', 'class', 'class_name', 'className'] },
  { field: 'grade', header: 'Khối', en: 'Grade', required: false, aliases: ['Khối lớp', 'grade'] },
  { field: 'studentCode', header: 'Mã định danh', en: 'Student code', required: true, aliases: ['Mã học sinh', 'Mã định danh học sinh', 'Mã HS', 'student_code', 'studentCode'] },
  { field: 'parentName', header: 'Họ tên phụ huynh', en: "Parent's name", required: false, aliases: ['Họ và tên phụ huynh', 'Tên phụ huynh', 'parent_name', 'parentName'] },
  { field: 'parentPhone', header: 'SĐT phụ huynh', en: "Parent's phone number", required: false, aliases: ['Số điện thoại phụ huynh', 'Điện thoại phụ huynh', 'parent_phone', 'parentPhone'] },
];

export const STAFF_COLUMNS: readonly RosterColumn<StaffField>[] = [
  { field: 'fullName', header: 'Họ và tên', en: 'Full name', required: true, aliases: ['Họ tên', 'full_name', 'fullName', 'name'] },
  { field: 'role', header: 'Vai trò', en: 'Role', required: true, aliases: ['role'] },
  { field: 'staffCode', header: 'Mã cán bộ', en: 'Staff code', required: true, aliases: ['Mã CB', 'Mã giáo viên', 'staff_code', 'staffCode'] },
  { field: 'email', header: 'Email', en: 'Email', required: false, aliases: ['E-mail', 'Thư điện tử', 'email'] },
  { field: 'phone', header: 'Số điện thoại', en: 'Phone number', required: false, aliases: ['SĐT', 'Điện thoại', 'Điện thoại di động', 'phone', 'phone_number'] },
];

export const ROSTER_COLUMNS: { readonly students: readonly RosterColumn<StudentField>[]; readonly staff: readonly RosterColumn<StaffField>[] } = {
  students: STUDENT_COLUMNS,
  staff: STAFF_COLUMNS,
};

/** The canonical Vietnamese headers of each kind, in template order. */
export const ROSTER_HEADERS: { readonly students: readonly string[]; readonly staff: readonly string[] } = {
  students: STUDENT_COLUMNS.map((column) => column.header),
  staff: STAFF_COLUMNS.map((column) => column.header),
};

export function rosterColumns<K extends RosterKind>(kind: K): readonly RosterColumn<RosterField<K>>[] {
  return ROSTER_COLUMNS[kind] as readonly RosterColumn<RosterField<K>>[];
}

export { foldVietnamese };

/** The form two headers are compared in: folded, letters and digits only ("Họ và tên" → "hovaten"). */
export function normaliseHeader(header: string): string {
  return foldVietnamese(header).replace(/[^\p{L}\p{N}]/gu, '');
}

const lookups = new Map<RosterKind, Map<string, string>>();

function lookupFor(kind: RosterKind): Map<string, string> {
  let lookup = lookups.get(kind);
  if (!lookup) {
    lookup = new Map();
    for (const column of ROSTER_COLUMNS[kind]) {
      for (const name of [column.header, ...column.aliases]) {
        const key = normaliseHeader(name);
        const taken = lookup.get(key);
        if (taken !== undefined && taken !== column.field) throw new Error(`Roster header "${name}" is ambiguous (${taken}, ${column.field}).`);
        lookup.set(key, column.field);
      }
    }
    lookups.set(kind, lookup);
  }
  return lookup;
}

/** The field a header written in a file stands for, or null when it is none of this kind's columns. */
export function matchRosterHeader<K extends RosterKind>(kind: K, header: string): RosterField<K> | null {
  const key = normaliseHeader(header);
  if (key === '') return null;
  return (lookupFor(kind).get(key) as RosterField<K> | undefined) ?? null;
}
