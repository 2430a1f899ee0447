import { matchRosterHeader, normaliseHeader, ROSTER_HEADERS, STAFF_COLUMNS, STUDENT_COLUMNS } from './roster-columns';

describe('roster columns', () => {
  it('the canonical headers, in template order', () => {
    expect(ROSTER_HEADERS.students).toEqual(['Họ và tên', 'Ngày sinh', 'Lớp', 'Khối', 'Mã định danh', 'Họ tên phụ huynh', 'SĐT phụ huynh']);
    expect(ROSTER_HEADERS.staff).toEqual(['Họ và tên', 'Vai trò', 'Mã cán bộ', 'Email', 'Số điện thoại']);
    expect(STUDENT_COLUMNS.filter((column) => column.required).map((column) => column.field)).toEqual(['fullName', 'className', 'studentCode']);
    expect(STAFF_COLUMNS.filter((column) => column.required).map((column) => column.field)).toEqual(['fullName', 'role', 'staffCode']);
  });

  it('headers are compared without case, diacritics, spaces or punctuation', () => {
    expect(normaliseHeader('  Họ và tên ')).toBe('hovaten');
    expect(normaliseHeader('HỌ VÀ TÊN')).toBe('hovaten');
    expect(normaliseHeader('Họ và tên'.normalize('NFD'))).toBe('hovaten');
    expect(normaliseHeader('SĐT phụ huynh:')).toBe('sdtphuhuynh');
    expect(normaliseHeader('full_name')).toBe('fullname');
    expect(normaliseHeader('Ngày-sinh (dd/mm/yyyy)')).toBe('ngaysinhddmmyyyy');
  });

  it.each([
    ['Họ và tên', 'fullName'],
    ['HO VA TEN', 'fullName'],
    ['Họ tên', 'fullName'],
    ['fullName', 'fullName'],
    ['full_name', 'fullName'],
    ['Ngày sinh', 'dateOfBirth'],
    ['Ngày tháng năm sinh', 'dateOfBirth'],
    ['date_of_birth', 'dateOfBirth'],
    ['Lớp', 'className'],
    ['class', 'className'],
    ['Khối', 'grade'],
    ['grade', 'grade'],
    ['Mã định danh', 'studentCode'],
    ['Mã học sinh', 'studentCode'],
    ['Mã định danh học sinh', 'studentCode'],
    ['student_code', 'studentCode'],
    ['Họ tên phụ huynh', 'parentName'],
    ['parent_name', 'parentName'],
    ['SĐT phụ huynh', 'parentPhone'],
    ['sdt phu huynh', 'parentPhone'],
    ['parent_phone', 'parentPhone'],
  ])('students: %p is %s', (header, field) => {
    expect(matchRosterHeader('students', header)).toBe(field);
  });

  it.each([
    ['Họ và tên', 'fullName'],
    ['Vai trò', 'role'],
    ['VAI TRO', 'role'],
    ['role', 'role'],
    ['Mã cán bộ', 'staffCode'],
    ['staff_code', 'staffCode'],
    ['Email', 'email'],
    ['E-mail', 'email'],
    ['Số điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['Điện thoại', 'phone'],
    ['phone', 'phone'],
  ])('staff: %p is %s', (header, field) => {
    expect(matchRosterHeader('staff', header)).toBe(field);
  });

  it.each([
    ['students', 'Vai trò'],
    ['students', 'Ghi chú'],
    ['students', ''],
    ['staff', 'Lớp'],
    ['staff', 'SĐT phụ huynh'],
  ] as const)('%s: %p is no column', (kind, header) => {
    expect(matchRosterHeader(kind, header)).toBeNull();
  });
});
