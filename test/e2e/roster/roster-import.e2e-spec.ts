import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '@lms/core';
import { OneTimeCodes } from '@lms/identity';
import ExcelJS from 'exceljs';
import { createSigner } from 'fast-jwt';
import type request from 'supertest';
import { IdentityHarness, expectError } from '../identity/identity-app';

jest.setTimeout(120_000);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thu', 'Quang', 'Bảo'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hưng', 'Khánh', 'Linh', 'Mai', 'Nam', 'Phúc', 'Quỳnh', 'Sơn', 'Trang', 'Uyên', 'Vy', 'Yến'];

interface Student {
  name: string;
  dob: string;
  className: string;
  grade: number;
  code: string;
  parentName: string;
  parentPhone: string;
}

/** A whole primary school: 5 grades × 6 classes × 35 students, siblings sharing a parent now and then. */
function school(): Student[] {
  const students: Student[] = [];
  let n = 0;
  for (let grade = 1; grade <= 5; grade++) {
    for (const letter of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6']) {
      for (let i = 0; i < 35; i++) {
        n++;
        const family = FAMILY[n % FAMILY.length];
        // Every 20th child is the sibling of the one before: same parent, same phone.
        const parentOf = n % 20 === 0 ? n - 1 : n;
        students.push({
          name: `${family} ${MIDDLE[n % MIDDLE.length]} ${GIVEN[n % GIVEN.length]}`,
          dob: `${String(1 + (n % 28)).padStart(2, '0')}/${String(1 + (n % 12)).padStart(2, '0')}/${2020 - grade}`,
          className: `${grade}${letter}`,
          grade,
          code: `0312${String(n).padStart(8, '0')}`,
          parentName: `${family} Văn Phụ Huynh ${parentOf}`,
          parentPhone: `09${String(10_000_000 + parentOf).slice(-8)}`,
        });
      }
    }
  }
  return students;
}

const HEADER = 'Họ và tên,Ngày sinh,Lớp,Khối,Mã định danh,Họ tên phụ huynh,SĐT phụ huynh';
const csvLine = (s: Student) => [s.name, s.dob, s.className, s.grade, s.code, s.parentName, s.parentPhone].join(',');
const csv = (students: Student[], bom = true) => Buffer.from(`${bom ? '\uFEFF' : ''}${HEADER}\r\n${students.map(csvLine).join('\r\n')}\r\n`, 'utf8');

interface ImportDto {
  id: string;
  status: string;
  totalRows: number | null;
  doneRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  parentsCreatedCount: number;
  errorCount: number;
  failure: { code: string; vi: string; en: string; sample: Array<{ row: number; column: string | null; code: string; vi: string }> } | null;
  hasErrorReport: boolean;
  hasSlips: boolean;
}

describe('roster import: a whole school from CSV and XLSX (real api, PostgreSQL, storage, jobs)', () => {
  const h = new IdentityHarness();
  let admin: string;
  let manager: string;
  let otherManager: string;
  let teacher: string;
  let institution: string;
  let otherInstitution: string;
  const students = school();

  const auth = (req: request.Test, token: string) => req.set('Authorization', `Bearer ${token}`);

  async function unit(body: Record<string, unknown>): Promise<string> {
    const res = await auth(h.http.post('/api/v1/org/units'), admin).send(body).expect(201);
    return res.body.id as string;
  }

  async function holder(role: string, unitId: string): Promise<string> {
    const { rows } = await h.sql.query<{ id: string }>('INSERT INTO user_account (username, display_name) VALUES ($1, $1) RETURNING id', [`${role}-${randomUUID().slice(0, 6)}`]);
    await h.sql.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3)', [rows[0].id, role, unitId]);
    return createSigner({ key: h.env.AUTH_JWT_SECRET as string, iss: 'lms' })({ sub: rows[0].id, usr: role, roles: [role] });
  }

  function upload(body: Buffer, opts: { kind?: string; fileName?: string; contentType?: string; unitId?: string; token?: string } = {}): request.Test {
    const query = new URLSearchParams({ kind: opts.kind ?? 'students', fileName: opts.fileName ?? 'danh-sach.csv' });
    return auth(h.http.post(`/api/v1/org/units/${opts.unitId ?? institution}/roster-imports?${query}`), opts.token ?? manager)
      .set('Content-Type', opts.contentType ?? 'text/csv')
      .send(body);
  }

  /** Uploads and waits for the job, reading the progress as a user's page would. */
  async function imported(body: Buffer, opts: Parameters<typeof upload>[1] = {}): Promise<ImportDto> {
    const started = await upload(body, opts);
    if (started.status !== 202) throw new Error(`upload → ${started.status} ${JSON.stringify(started.body)}`);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const res = await auth(h.http.get(`/api/v1/roster-imports/${started.body.id}`), opts.token ?? manager).expect(200);
      const dto = res.body as ImportDto;
      if (dto.status === 'completed' || dto.status === 'failed') return dto;
      if (dto.totalRows !== null) expect(dto.doneRows).toBeLessThanOrEqual(dto.totalRows);
      if (Date.now() > deadline) throw new Error(`import still ${dto.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await h.sql.query<{ n: string }>(sql, params);
    return Number(rows[0].n);
  }

  /** The codes on the slips: opened the way the api opens them, with the installation's key. */
  async function slipCodes(importId: string): Promise<Map<string, string>> {
    const { rows } = await h.sql.query<{ slips_key: string }>('SELECT slips_key FROM roster_import WHERE id = $1', [importId]);
    const { rows: key } = await h.sql.query<{ value: string }>("SELECT value FROM system_setting WHERE key = 'auth.oneTimeCodeKey'");
    const codes = new OneTimeCodes({ auth: { codeKey: key[0].value } } as unknown as AppConfig, {} as never);
    await codes.ensureKey();
    const sealed = await readFile(path.join(h.dataDir, 'objects', 'objects', rows[0].slips_key));
    const groups = JSON.parse(codes.open(sealed).toString()) as Array<{ title: string; slips: Array<{ username: string; oneTimeCode: string }> }>;
    return new Map(groups.flatMap((g) => g.slips.map((s) => [s.username, s.oneTimeCode] as [string, string])));
  }

  beforeAll(async () => {
    await h.setUp({ ROSTER_MAX_BYTES: String(512 * 1024) });
    admin = (await h.loginOk()).accessToken;
    const so = await unit({ type: 'department', name: 'Sở GDĐT Hải Phòng' });
    const phuong = await unit({ type: 'commune', name: 'Phường Lê Chân', parentId: so, communeKind: 'phuong' });
    institution = await unit({ type: 'institution', name: 'Trường Tiểu học Nguyễn Văn Trỗi', parentId: phuong, institutionKind: 'primary', ownership: 'public' });
    otherInstitution = await unit({ type: 'institution', name: 'Trường Tiểu học Kênh Dương', parentId: phuong, institutionKind: 'primary', ownership: 'public' });
    manager = await holder('institution_manager', institution);
    otherManager = await holder('institution_manager', otherInstitution);
    teacher = await holder('teacher', institution);
  });

  afterAll(async () => {
    await h.tearDown();
  });

  let first: ImportDto;

  it('imports a whole school (1,050 students, their parents, 30 classes) with progress and counts', async () => {
    first = await imported(csv(students));
    expect(first).toMatchObject({ status: 'completed', totalRows: 1050, doneRows: 1050, createdCount: 1050, updatedCount: 0, unchangedCount: 0, errorCount: 0, hasSlips: true, failure: null });
    // Every 20th child shares a parent with the one before.
    expect(first.parentsCreatedCount).toBe(1050 - Math.floor(1050 / 20));
    expect(await count("SELECT count(*) AS n FROM org_unit WHERE parent_id = $1 AND type = 'class'", [institution])).toBe(30);
    expect(await count("SELECT count(*) AS n FROM role_assignment r JOIN org_unit k ON k.id = r.unit_id WHERE k.parent_id = $1 AND r.role = 'student'", [institution])).toBe(1050);
    expect(await count('SELECT count(*) AS n FROM parent_link')).toBe(1050);
    // Nobody got an argon2 hash: one-time codes only, and a password must be chosen.
    expect(await count('SELECT count(*) AS n FROM user_account WHERE person_code IS NOT NULL AND (password_hash IS NOT NULL OR one_time_code_hash IS NULL OR NOT must_change_password)')).toBe(0);
    const klass = await h.sql.query<{ grade: number }>("SELECT grade FROM org_unit WHERE parent_id = $1 AND name = '4A3'", [institution]);
    expect(klass.rows[0].grade).toBe(4);
  });

  it('prints account slips (PDF) for the new accounts; a student and a parent sign in with their codes', async () => {
    const pdf = await auth(h.http.get(`/api/v1/roster-imports/${first.id}/slips`), manager).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // At least a page per class.
    expect((bytes.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(30);

    const codes = await slipCodes(first.id);
    expect(codes.size).toBe(1050 + first.parentsCreatedCount);
    const student = students[100];
    const login = await h.login(student.code.toLowerCase(), codes.get(student.code.toLowerCase())!).expect(200);
    expect(login.body.mustChangePassword).toBe(true);
    // The code is not a password: a wrong one is refused like any wrong password.
    expectError(await h.login(student.code.toLowerCase(), 'AAAA-BBBB-CCCC'), 401, 'AUTH_INVALID_CREDENTIALS');
    // Choosing a password with the code as the current one.
    await h.http.post('/api/v1/me/password').set('Authorization', `Bearer ${login.body.accessToken}`).send({ currentPassword: codes.get(student.code.toLowerCase()), newPassword: 'Hoc-Sinh-2026' }).expect(204);
    await h.login(student.code.toLowerCase(), 'Hoc-Sinh-2026').expect(200);
    expect((await h.login(student.code.toLowerCase(), codes.get(student.code.toLowerCase())!)).status).toBe(401);

    // A parent of two sees both children, and only them.
    const sibling = students[19]; // n = 20, parent of n = 19 (index 18) too
    const parent = await h.login(sibling.parentPhone, codes.get(sibling.parentPhone)!).expect(200);
    await h.http.post('/api/v1/me/password').set('Authorization', `Bearer ${parent.body.accessToken}`).send({ currentPassword: codes.get(sibling.parentPhone), newPassword: 'Phu-Huynh-2026' }).expect(204);
    const again = await h.loginOk(sibling.parentPhone, 'Phu-Huynh-2026');
    const children = await h.http.get('/api/v1/me/children').set('Authorization', `Bearer ${again.accessToken}`).expect(200);
    expect(children.body.items.map((c: { displayName: string }) => c.displayName).sort()).toEqual([students[18].name, students[19].name].sort());
    expect(children.body.items[0].classes[0].institution).toBe('Trường Tiểu học Nguyễn Văn Trỗi');
  });

  it('re-importing the same file changes nothing and prints no slips', async () => {
    const before = await count('SELECT count(*) AS n FROM user_account');
    const again = await imported(csv(students));
    expect(again).toMatchObject({ status: 'completed', createdCount: 0, updatedCount: 0, unchangedCount: 1050, parentsCreatedCount: 0, hasSlips: false });
    expect(await count('SELECT count(*) AS n FROM user_account')).toBe(before);
    expectError(await auth(h.http.get(`/api/v1/roster-imports/${again.id}/slips`), manager), 404, 'ROSTER_NO_SLIPS');
  });

  it('an edited XLSX file updates by code, moves a student, adds one, never duplicates', async () => {
    const edited = students.map((s) => ({ ...s }));
    edited[0].name = 'Nguyễn Văn Đổi Tên';
    edited[1].className = '1A6';
    edited.push({ name: 'Trần Thị Mới', dob: '05/09/2019', className: '1A1', grade: 1, code: '031299999999', parentName: 'Trần Văn Bố', parentPhone: '0987654321' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(HEADER.split(','));
    for (const s of edited) {
      const [d, m, y] = s.dob.split('/').map(Number);
      ws.addRow([s.name, new Date(Date.UTC(y, m - 1, d)), s.className, s.grade, s.code, s.parentName, s.parentPhone]);
    }
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await imported(xlsx, { fileName: 'danh-sach-sua.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(result).toMatchObject({ status: 'completed', createdCount: 1, updatedCount: 2, unchangedCount: 1048, parentsCreatedCount: 1, hasSlips: true });
    expect(await count('SELECT count(*) AS n FROM user_account WHERE person_code IS NOT NULL')).toBe(1051);
    const moved = await h.sql.query<{ name: string }>(
      "SELECT k.name FROM role_assignment r JOIN org_unit k ON k.id = r.unit_id JOIN user_account a ON a.id = r.user_id WHERE a.person_code = $1 AND r.role = 'student'",
      [students[1].code],
    );
    expect(moved.rows).toEqual([{ name: '1A6' }]);
    const renamed = await h.sql.query<{ display_name: string }>('SELECT display_name FROM user_account WHERE person_code = $1', [students[0].code]);
    expect(renamed.rows[0].display_name).toBe('Nguyễn Văn Đổi Tên');
  });

  it('a file with bad rows imports nothing and explains every row in a report (Vietnamese, formulas neutralised)', async () => {
    const before = await count('SELECT count(*) AS n FROM user_account');
    const bad = [
      ...students.slice(0, 5).map((s, i) => ({ ...s, code: `03990000000${i}` })),
      { ...students[5], code: '039900000000' }, // duplicate of the first row's code
      { ...students[6], code: '039900000006', dob: '31/02/2015' },
      { ...students[7], code: '039900000007', name: '=SUM(A1:A9)' },
      { ...students[8], code: '039900000008', parentPhone: '12345' },
      { ...students[9], code: '039900000009', className: '' },
    ];
    const result = await imported(csv(bad));
    expect(result.status).toBe('failed');
    expect(result.failure?.code).toBe('ROSTER_ROW_ERRORS');
    expect(result.failure?.sample.map((e) => [e.row, e.code])).toEqual([
      [7, 'DUPLICATE_CODE'],
      [8, 'INVALID_DATE'],
      [9, 'INVALID_NAME'],
      [10, 'INVALID_PHONE'],
      [11, 'REQUIRED'],
    ]);
    expect(result.errorCount).toBe(5);
    expect(await count('SELECT count(*) AS n FROM user_account')).toBe(before);
    const report = await auth(h.http.get(`/api/v1/roster-imports/${result.id}/error-report`), manager).expect(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    const text = report.text.replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toBe('Dòng,Cột,Mã lỗi,Lý do,Reason');
    expect(text).toMatch(/^8,.*INVALID_DATE/m);
    // Nothing the report repeats from the file can run as a formula in Excel.
    for (const line of text.split(/\r?\n/).slice(1)) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@-]/);
  });

  it('refuses whole files it cannot read: wrong encoding, missing or extra columns, empty, too large, not a spreadsheet', async () => {
    const latin1 = await imported(Buffer.from(`${HEADER}\r\n${csvLine(students[0])}\r\n`, 'latin1'));
    expect(latin1.failure?.code).toBe('ROSTER_ENCODING');
    expect(latin1.failure?.vi).toMatch(/UTF-8/);

    const missing = await imported(Buffer.from('Họ và tên,Ngày sinh,Lớp\r\nNguyễn An,01/01/2015,4A1\r\n'));
    expect(missing.failure?.code).toBe('ROSTER_COLUMNS');
    const extra = await imported(Buffer.from(`${HEADER},Ghi chú\r\n${csvLine(students[0])},x\r\n`));
    expect(extra.failure?.code).toBe('ROSTER_COLUMNS');

    expectError(await upload(Buffer.alloc(0)), 422, 'ROSTER_EMPTY');
    expectError(await upload(Buffer.alloc(600 * 1024, 'a')), 413, 'ROSTER_TOO_LARGE');
    expectError(await upload(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), { fileName: 'virus.exe', contentType: 'application/octet-stream' }), 415, 'ROSTER_UNSUPPORTED_FILE');
    expectError(await upload(csv(students.slice(0, 1)), { kind: 'teachers' }), 400, 'VALIDATION_FAILED');
  });

  it('imports staff from XLSX with their roles in the school', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    ws.addRow(['Họ và tên', 'Vai trò', 'Mã cán bộ', 'Email', 'Số điện thoại']);
    ws.addRow(['Phạm Thị Hoa', 'Giáo viên', 'GV001', 'hoa@tieuhoc.edu.vn', '']);
    ws.addRow(['Lê Văn Hùng', 'Cán bộ quản lý', 'QL001', '', '0912 345 678']);
    const result = await imported(Buffer.from(await wb.xlsx.writeBuffer()), { kind: 'staff', fileName: 'can-bo.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(result).toMatchObject({ status: 'completed', createdCount: 2, hasSlips: true });
    const roles = await h.sql.query<{ person_code: string; role: string; phone: string | null }>(
      'SELECT a.person_code, r.role, a.phone FROM user_account a JOIN role_assignment r ON r.user_id = a.id WHERE r.unit_id = $1 AND a.person_code IS NOT NULL ORDER BY a.person_code',
      [institution],
    );
    expect(roles.rows).toEqual([
      { person_code: 'GV001', role: 'teacher', phone: null },
      { person_code: 'QL001', role: 'institution_manager', phone: '0912345678' },
    ]);
  });

  it('only managers of the school import; another school’s manager finds nothing', async () => {
    expectError(await upload(csv(students.slice(0, 1)), { token: teacher }), 403, 'FORBIDDEN');
    expectError(await upload(csv(students.slice(0, 1)), { token: otherManager }), 404, 'ORG_UNIT_NOT_FOUND');
    expectError(await auth(h.http.get(`/api/v1/roster-imports/${first.id}`), otherManager), 404, 'ROSTER_IMPORT_NOT_FOUND');
    expectError(await auth(h.http.get(`/api/v1/roster-imports/${first.id}/slips`), otherManager), 404, 'ROSTER_IMPORT_NOT_FOUND');
    const list = await auth(h.http.get(`/api/v1/org/units/${institution}/roster-imports`), manager).expect(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(5);
  });

  it('a school’s codes cannot be taken over by another school’s file', async () => {
    const result = await imported(csv(students.slice(0, 3)), { unitId: otherInstitution, token: otherManager });
    expect(result.status).toBe('failed');
    expect(result.failure?.sample.map((e) => e.code)).toEqual(['CODE_IN_OTHER_UNIT', 'CODE_IN_OTHER_UNIT', 'CODE_IN_OTHER_UNIT']);
    // The department's managers may move a pupil between their schools.
    const { rows } = await h.sql.query<{ id: string }>('SELECT id FROM org_unit WHERE parent_id IS NULL LIMIT 1');
    const deptManager = await holder('department_manager', rows[0].id);
    const moved = await imported(csv(students.slice(0, 1)), { unitId: otherInstitution, token: deptManager });
    expect(moved).toMatchObject({ status: 'completed', updatedCount: 1 });
  });

  it('serves templates that import cleanly', async () => {
    const template = await auth(h.http.get('/api/v1/roster-templates/students?format=csv'), manager).expect(200);
    expect(template.headers['content-disposition']).toMatch(/attachment/);
    const xlsx = await auth(h.http.get('/api/v1/roster-templates/staff'), manager).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expectError(await auth(h.http.get('/api/v1/roster-templates/teachers'), manager), 404, 'NOT_FOUND');
  });
});
