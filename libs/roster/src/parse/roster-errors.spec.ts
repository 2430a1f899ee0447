import { DomainException } from '@lms/core';
import { RosterFileException } from './roster-errors';

describe('RosterFileException', () => {
  it('is a DomainException with a stable code, a status and both languages', () => {
    const error = new RosterFileException('ROSTER_ENCODING');
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ code: 'ROSTER_ENCODING', status: 422, details: undefined });
    expect(error.messages.vi).toMatch(/UTF-8.*CSV UTF-8/);
    expect(error.messages.en).toMatch(/UTF-8.*CSV UTF-8/);
    expect(error.message).toBe(error.messages.en);
  });

  it('ROSTER_EMPTY and ROSTER_FORMAT are 422; ROSTER_FORMAT may say why', () => {
    expect(new RosterFileException('ROSTER_EMPTY')).toMatchObject({ code: 'ROSTER_EMPTY', status: 422 });
    expect(new RosterFileException('ROSTER_FORMAT').messages.vi).toBe('Không đọc được tệp: hãy tải lên tệp Excel (.xlsx) hoặc CSV.');
    expect(new RosterFileException('ROSTER_FORMAT', { vi: 'Lý do.', en: 'Reason.' }).messages).toEqual({ vi: 'Không đọc được tệp. Lý do.', en: 'The file cannot be read. Reason.' });
  });

  it('ROSTER_TOO_MANY_ROWS is 413 and names the limit', () => {
    const error = new RosterFileException('ROSTER_TOO_MANY_ROWS', { maxRows: 200_000 });
    expect(error).toMatchObject({ status: 413, details: { maxRows: 200_000 } });
    expect(error.messages.vi).toContain('tối đa 200.000 dòng');
    expect(error.messages.en).toContain('at most 200,000 rows');
  });

  it('ROSTER_COLUMNS lists the missing and unknown columns, ten at most in the message', () => {
    const unknown = Array.from({ length: 12 }, (_, i) => `Cột ${i + 1}`);
    const error = new RosterFileException('ROSTER_COLUMNS', { missing: ['Họ và tên', 'Lớp'], unknown });
    expect(error.details).toEqual({ missing: ['Họ và tên', 'Lớp'], unknown });
    expect(error.messages.vi).toBe(
      'Các cột của tệp không khớp với mẫu. Thiếu cột: "Họ và tên", "Lớp". Cột không nhận ra: "Cột 1", "Cột 2", "Cột 3", "Cột 4", "Cột 5", "Cột 6", "Cột 7", "Cột 8", "Cột 9", "Cột 10", và 2 cột khác. Hãy đặt tên cột như trong tệp mẫu.',
    );
    expect(error.messages.en).toContain('Missing: "Họ và tên", "Lớp". Not recognised: "Cột 1"');
    expect(error.messages.en).toContain('"Cột 10", and 2 more.');
  });
});
