import { gradeFromClassName, normaliseCode, normaliseEmail, normalisePhone, normaliseText, parseGrade, parseRosterDate, parseStaffRole } from './roster-values';

const now = new Date(2025, 10, 25, 9, 0); // 25 November 2025, local time

describe('parseRosterDate', () => {
  it.each([
    ['15/03/2015', '2015-03-15'],
    ['5/3/2015', '2015-03-05'],
    ['05-03-2015', '2015-03-05'],
    ['05.03.2015', '2015-03-05'],
    ['2015-03-15', '2015-03-15'],
    [' 29/02/2016 ', '2016-02-29'],
    ['01/01/1900', '1900-01-01'],
    ['25/11/2025', '2025-11-25'],
    ['42078', '2015-03-15'],
  ])('%p is %s', (text, iso) => {
    expect(parseRosterDate(text, now)).toEqual({ ok: true, value: iso });
  });

  it('takes XLSX date cells by their calendar date and Excel serial numbers', () => {
    expect(parseRosterDate(new Date(Date.UTC(2015, 2, 15)), now)).toEqual({ ok: true, value: '2015-03-15' });
    expect(parseRosterDate(42078, now)).toEqual({ ok: true, value: '2015-03-15' });
    expect(parseRosterDate(42078.75, now)).toEqual({ ok: true, value: '2015-03-15' });
    expect(parseRosterDate(1, now)).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseRosterDate(61, now)).toEqual({ ok: true, value: '1900-03-01' });
  });

  it.each([
    ['31/02/2015', 'invalid'],
    ['29/02/2015', 'invalid'],
    ['00/01/2015', 'invalid'],
    ['15/13/2015', 'invalid'],
    ['15/03/15', 'invalid'],
    ['15/03-2015', 'invalid'],
    ['2015', 'invalid'],
    ['ngày 15 tháng 3', 'invalid'],
    ['26/11/2025', 'future'],
    ['31/12/1899', 'before-1900'],
  ])('%p is refused: %s', (text, problem) => {
    expect(parseRosterDate(text, now)).toEqual({ ok: false, problem });
  });

  it('refuses a year typed alone in a number cell, a serial 60 (29/02/1900) and anything else', () => {
    expect(parseRosterDate(2015, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseRosterDate(60, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseRosterDate(0, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseRosterDate(true, now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseRosterDate(new Date(Number.NaN), now)).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('normalisePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084 912 345 678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['0387654321', '0387654321'],
    ['0225 3842 123', '02253842123'],
    ['+84 24 3825 1234', '02438251234'],
  ])('%p is %s', (text, phone) => {
    expect(normalisePhone(text)).toBe(phone);
  });

  it.each(['', '12345', '0412345678', '0112345678', '091234567', '09123456789', '+1 202 555 0100', '0912 345 67x', '0912+345678', '84 12 345'])('%p is refused', (text) => {
    expect(normalisePhone(text)).toBeNull();
  });

  it('puts back the 0 Excel drops from a number cell, and only there', () => {
    expect(normalisePhone(912345678)).toBe('0912345678');
    expect(normalisePhone(2253842123)).toBe('02253842123');
    expect(normalisePhone(84912345678)).toBe('0912345678');
    expect(normalisePhone('912345678')).toBeNull();
    expect(normalisePhone(12345)).toBeNull();
    expect(normalisePhone(912345678.5)).toBeNull();
  });
});

describe('other values', () => {
  it('emails are trimmed and lower-cased, and must look like one', () => {
    expect(normaliseEmail(' Ha.Tran@THCS-NgoQuyen.edu.vn ')).toBe('ha.tran@thcs-ngoquyen.edu.vn');
    for (const bad of ['ha@', '@x.vn', 'ha tran@x.vn', 'ha@x', 'hà@x.vn', 'ha@@x.vn']) expect(normaliseEmail(bad)).toBeNull();
  });

  it.each([
    ['giáo viên', 'teacher'],
    ['Giáo Viên', 'teacher'],
    ['GIÁO VIÊN', 'teacher'],
    ['giao vien', 'teacher'],
    ['teacher', 'teacher'],
    ['quản lý', 'institution_manager'],
    ['Cán bộ quản lý', 'institution_manager'],
    ['manager', 'institution_manager'],
    ['institution_manager', 'institution_manager'],
    ['Institution Manager', 'institution_manager'],
    ['tác giả', 'author'],
    ['Author', 'author'],
  ])('role %p is %s', (text, role) => {
    expect(parseStaffRole(text)).toBe(role);
  });

  it('unknown roles are refused', () => {
    for (const bad of ['hiệu trưởng', 'admin', '', 'giáo viên chủ nhiệm']) expect(parseStaffRole(bad)).toBeNull();
  });

  it('codes: letters, digits, "-", "_", "." up to 64; whole numbers give their digits', () => {
    expect(normaliseCode(' HS-01_a.b ')).toBe('HS-01_a.b');
    expect(normaliseCode('0123')).toBe('0123');
    expect(normaliseCode(31215001234)).toBe('31215001234');
    expect(normaliseCode('X'.repeat(64))).toBe('X'.repeat(64));
    for (const bad of ['X'.repeat(65), 'HS 01', 'HSĐ01', 'HS/01', '', 12.5, -1, 1e20]) expect(normaliseCode(bad)).toBeNull();
  });

  it('grades are whole numbers 1–12, or come from the class name', () => {
    expect([parseGrade('4'), parseGrade('04'), parseGrade(12), parseGrade('Khối 9'), parseGrade('lớp 1')]).toEqual([4, 4, 12, 9, 1]);
    expect([parseGrade('0'), parseGrade('13'), parseGrade(4.5), parseGrade('bốn'), parseGrade('4A')]).toEqual([null, null, null, null, null]);
    expect([gradeFromClassName('4A1'), gradeFromClassName('10 Toán'), gradeFromClassName('12A10'), gradeFromClassName('Lớp chồi'), gradeFromClassName('15B')]).toEqual([4, 10, 12, null, null]);
  });

  it('text is NFC, without zero-width characters, whitespace collapsed', () => {
    expect(normaliseText('  Nguyễn\u00a0\u00a0Văn\t An\u200b ')).toBe('Nguyễn Văn An');
    expect(normaliseText('Nguyễn'.normalize('NFD'))).toBe('Nguyễn'.normalize('NFC'));
  });
});
