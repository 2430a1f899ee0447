import type request from 'supertest';
import { IdentityHarness, VIETNAMESE, expectError } from '../identity/identity-app';

jest.setTimeout(60_000);

/**
 * People administration against the real api: accounts created with one-time codes, roles granted
 * within the granter's reach, parents linked to children, codes reset, accounts disabled, and
 * self-registration with approval.
 */
describe('people: accounts, roles, parent links and registration (real api, real PostgreSQL)', () => {
  const h = new IdentityHarness();
  let admin: string;
  let so: string;
  let school: string;
  let otherSchool: string;
  let class4A: string;
  let manager: string;
  let managerId: string;

  const api = (method: 'get' | 'post' | 'patch' | 'delete', url: string, token: string): request.Test => h.http[method](`/api/v1${url}`).set('Authorization', `Bearer ${token}`);

  async function unit(body: Record<string, unknown>): Promise<string> {
    return (await api('post', '/org/units', admin).send(body).expect(201)).body.id as string;
  }

  /** Creates an account through the api and signs it in with a password of its own. */
  async function person(token: string, body: Record<string, unknown>, password: string): Promise<{ id: string; token: string }> {
    const created = await api('post', '/users', token).send(body).expect(201);
    const first = await h.login(body.username as string, created.body.oneTimeCode as string).expect(200);
    expect(first.body.mustChangePassword).toBe(true);
    // Until a password is chosen, the account opens its own profile only.
    expect((await api('get', '/me', first.body.accessToken).expect(200)).body.permissions).toEqual(['profile.read', 'profile.update']);
    await api('post', '/me/password', first.body.accessToken).send({ currentPassword: created.body.oneTimeCode, newPassword: password }).expect(204);
    return { id: created.body.person.id, token: (await h.loginOk(body.username as string, password)).accessToken };
  }

  beforeAll(async () => {
    await h.setUp({ REGISTRATION_MODE: 'approval' });
    admin = (await h.loginOk()).accessToken;
    so = await unit({ type: 'department', name: 'Sở GDĐT Hải Phòng' });
    const phuong = await unit({ type: 'commune', name: 'Phường Ngô Quyền', parentId: so, communeKind: 'phuong' });
    school = await unit({ type: 'institution', name: 'Trường Tiểu học Đằng Giang', parentId: phuong, institutionKind: 'primary', ownership: 'public' });
    otherSchool = await unit({ type: 'institution', name: 'Trường THCS Chu Văn An', parentId: phuong, institutionKind: 'lower_secondary', ownership: 'public' });
    class4A = await unit({ type: 'class', name: '4A', parentId: school, grade: 4 });
    const m = await person(admin, { username: 'hieutruong', displayName: 'Vũ Thị Hạnh', roles: [{ role: 'institution_manager', unitId: school }] }, 'Hieu-Truong-2026');
    manager = m.token;
    managerId = m.id;
  });

  afterAll(async () => {
    await h.tearDown();
  });

  let teacher: { id: string; token: string };
  let studentId: string;

  it('a school manager creates a teacher and a student of their school; each signs in with a one-time code', async () => {
    teacher = await person(manager, { username: 'gv.lan', displayName: 'Nguyễn Thị Lan', email: 'lan@dg.edu.vn', personCode: 'GV-01', roles: [{ role: 'teacher', unitId: class4A }] }, 'Giao-Vien-2026');
    const student = await api('post', '/users', manager).send({ username: 'hs.an', displayName: 'Trần Văn An', dateOfBirth: '2016-05-04', personCode: '031216000001', roles: [{ role: 'student', unitId: class4A }] }).expect(201);
    expect(student.body.oneTimeCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(student.body.person).toMatchObject({ username: 'hs.an', displayName: 'Trần Văn An', dateOfBirth: '2016-05-04', status: 'active', mustChangePassword: true });
    expect(student.body.person.roles).toEqual([expect.objectContaining({ role: 'student', unitId: class4A, unitName: '4A', unitType: 'class' })]);
    studentId = student.body.person.id;
  });

  it('refuses grants beyond the granter: another school (404), administrator (403), a role on the wrong kind of unit (422), taken names (409)', async () => {
    expectError(await api('post', '/users', manager).send({ username: 'gv.x', displayName: 'X', roles: [{ role: 'teacher', unitId: otherSchool }] }), 404, 'NOT_FOUND');
    expectError(await api('post', '/users', manager).send({ username: 'gv.x', displayName: 'X', roles: [{ role: 'administrator', unitId: null }] }), 403, 'FORBIDDEN');
    expectError(await api('post', '/users', manager).send({ username: 'gv.x', displayName: 'X', roles: [{ role: 'department_manager', unitId: school }] }), 422, 'ROLE_NOT_GRANTABLE');
    expectError(await api('post', '/users', manager).send({ username: 'gv.x', displayName: 'X', roles: [{ role: 'student', unitId: school }] }), 422, 'ROLE_NOT_GRANTABLE');
    expectError(await api('post', '/users', manager).send({ username: 'HS.AN', displayName: 'X', roles: [{ role: 'student', unitId: class4A }] }), 409, 'USERNAME_TAKEN');
    expectError(await api('post', '/users', manager).send({ username: 'hs.khac', displayName: 'X', personCode: '031216000001', roles: [{ role: 'student', unitId: class4A }] }), 409, 'PERSON_CODE_TAKEN');
    expectError(await api('post', '/users', manager).send({ username: 'x', displayName: '', roles: [] }), 400, 'VALIDATION_FAILED');
    expect((await h.sql.query("SELECT 1 FROM user_account WHERE username IN ('gv.x', 'hs.khac', 'x')")).rows).toEqual([]);
  });

  it('lists only the people within the caller’s reach, with search and paging', async () => {
    await api('post', '/users', admin).send({ username: 'gv.khac', displayName: 'Đỗ Văn Khác', roles: [{ role: 'teacher', unitId: otherSchool }] }).expect(201);
    const mine = await api('get', '/users', manager).expect(200);
    expect(mine.body.items.map((p: { username: string }) => p.username).sort()).toEqual(['gv.lan', 'hieutruong', 'hs.an']);
    expect(mine.body.total).toBe(3);
    const all = await api('get', '/users?pageSize=2', admin).expect(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(5);
    const found = await api('get', '/users?q=lan', manager).expect(200);
    expect(found.body.items.map((p: { username: string }) => p.username)).toEqual(['gv.lan']);
    for (const q of ['tran van an', 'Trần Văn', 'TRAN VAN AN']) {
      const folded = await api('get', `/users?q=${encodeURIComponent(q)}`, manager).expect(200);
      expect({ q, found: folded.body.items.map((p: { username: string }) => p.username) }).toEqual({ q, found: ['hs.an'] });
    }
    const students = await api('get', `/users?role=student&unitId=${class4A}`, teacher.token).expect(200);
    expect(students.body.items.map((p: { username: string }) => p.username)).toEqual(['hs.an']);
    expectError(await api('get', `/users?unitId=${otherSchool}`, manager), 404, 'NOT_FOUND');
    const gvKhac = await h.sql.query<{ id: string }>("SELECT id FROM user_account WHERE username = 'gv.khac'");
    expectError(await api('get', `/users/${gvKhac.rows[0].id}`, manager), 404, 'USER_NOT_FOUND');
  });

  it('a teacher sees the pupils of their class but changes nothing', async () => {
    const res = await api('get', `/users/${studentId}`, teacher.token).expect(200);
    expect(res.body.displayName).toBe('Trần Văn An');
    expectError(await api('patch', `/users/${studentId}`, teacher.token).send({ displayName: 'Đổi' }), 403, 'FORBIDDEN');
  });

  it('links a parent to a child: the parent sees that child, and only them', async () => {
    const parent = await person(manager, { username: 'ph.an', displayName: 'Trần Văn Bố', phone: '0912345678', roles: [{ role: 'parent', unitId: school }] }, 'Phu-Huynh-2026');
    expect((await api('get', '/me/children', parent.token).expect(200)).body.items).toEqual([]);
    const linked = await api('post', `/users/${parent.id}/children`, manager).send({ childId: studentId }).expect(200);
    expect(linked.body.children).toEqual([{ id: studentId, displayName: 'Trần Văn An' }]);
    const children = await api('get', '/me/children', parent.token).expect(200);
    expect(children.body.items).toEqual([{ id: studentId, displayName: 'Trần Văn An', username: 'hs.an', classes: [{ id: class4A, name: '4A', institution: 'Trường Tiểu học Đằng Giang' }] }]);
    expectError(await api('get', `/users/${studentId}`, parent.token), 403, 'FORBIDDEN');
    const child = await api('get', `/users/${studentId}`, manager).expect(200);
    expect(child.body.parents).toEqual([{ id: parent.id, displayName: 'Trần Văn Bố', phone: '0912345678' }]);
    await api('delete', `/users/${parent.id}/children/${studentId}`, manager).expect(200);
    expect((await api('get', '/me/children', parent.token).expect(200)).body.items).toEqual([]);
  });

  it('a forgotten password becomes a new one-time code and every session of that person ends', async () => {
    const session = await h.loginOk('gv.lan', 'Giao-Vien-2026');
    const reset = await api('post', `/users/${teacher.id}/one-time-code`, manager).expect(200);
    expectError(await h.login('gv.lan', 'Giao-Vien-2026'), 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(await h.refresh(session.refreshToken), 401, 'AUTH_REFRESH_INVALID');
    const withCode = await h.login('gv.lan', reset.body.oneTimeCode).expect(200);
    expect(withCode.body.mustChangePassword).toBe(true);
    expectError(await api('post', `/users/${managerId}/one-time-code`, manager), 422, 'UNPROCESSABLE');
  });

  it('disables and re-enables an account; role grants and removals follow the same rules', async () => {
    await api('patch', `/users/${studentId}`, manager).send({ status: 'disabled' }).expect(200);
    const code = (await api('post', `/users/${studentId}/one-time-code`, manager).expect(200)).body.oneTimeCode as string;
    expectError(await h.login('hs.an', code), 403, 'AUTH_ACCOUNT_DISABLED');
    await api('patch', `/users/${studentId}`, manager).send({ status: 'active' }).expect(200);
    await h.login('hs.an', code).expect(200);

    const granted = await api('post', `/users/${teacher.id}/roles`, manager).send({ role: 'author', unitId: school }).expect(200);
    const author = granted.body.roles.find((r: { role: string }) => r.role === 'author');
    expect(author).toMatchObject({ unitId: school, unitName: 'Trường Tiểu học Đằng Giang' });
    const revoked = await api('delete', `/users/${teacher.id}/roles/${author.id}`, manager).expect(200);
    expect(revoked.body.roles.map((r: { role: string }) => r.role)).toEqual(['teacher']);
    const audit = await h.audit({ action: 'user.role.revoked' });
    expect(audit).toHaveLength(1);
  });

  describe('self-registration (REGISTRATION_MODE=approval)', () => {
    it('finds institutions with or without diacritics', async () => {
      expect((await h.http.get('/api/v1/registration').expect(200)).body).toEqual({ mode: 'approval' });
      const found = await h.http.get('/api/v1/registration/institutions?q=tieu hoc dang').expect(200);
      expect(found.body.items).toEqual([{ id: school, name: 'Trường Tiểu học Đằng Giang', commune: 'Phường Ngô Quyền' }]);
    });

    it('a registered parent waits for approval, then signs in', async () => {
      const body = { kind: 'parent', username: 'me.binh', displayName: 'Lê Thị Bình', password: 'Me-Binh-2026', institutionId: school, phone: '0988111222' };
      expect((await h.http.post('/api/v1/registration').send(body).expect(201)).body).toEqual({ status: 'pending' });
      const pending = await h.login('me.binh', 'Me-Binh-2026');
      expectError(pending, 403, 'AUTH_ACCOUNT_PENDING');
      expect(pending.body.message).toMatch(VIETNAMESE);
      expectError(await h.login('me.binh', 'wrong-password-1'), 401, 'AUTH_INVALID_CREDENTIALS');
      expectError(await h.http.post('/api/v1/registration').send(body), 409, 'USERNAME_TAKEN');
      const waiting = await api('get', '/users?status=pending', manager).expect(200);
      expect(waiting.body.items.map((p: { username: string }) => p.username)).toEqual(['me.binh']);
      const otherManager = await person(admin, { username: 'ql.chuvanan', displayName: 'Q', roles: [{ role: 'institution_manager', unitId: otherSchool }] }, 'Quan-Ly-2026!');
      expectError(await api('post', `/registration/${waiting.body.items[0].id}/approve`, otherManager.token), 404, 'USER_NOT_FOUND');
      await api('post', `/registration/${waiting.body.items[0].id}/approve`, manager).expect(204);
      await h.login('me.binh', 'Me-Binh-2026').expect(200);
      expectError(await api('post', `/registration/${waiting.body.items[0].id}/approve`, manager), 409, 'REGISTRATION_NOT_PENDING');
    });

    it('a rejected registration is removed; bad registrations are refused and nothing is written', async () => {
      await h.http.post('/api/v1/registration').send({ kind: 'learner', username: 'nguoidan1', displayName: 'Phạm Văn Dân', password: 'Nguoi-Dan-2026', institutionId: school }).expect(201);
      const { rows } = await h.sql.query<{ id: string }>("SELECT id FROM user_account WHERE username = 'nguoidan1'");
      await api('post', `/registration/${rows[0].id}/reject`, manager).expect(204);
      expect((await h.sql.query("SELECT 1 FROM user_account WHERE username = 'nguoidan1'")).rows).toEqual([]);
      expectError(await h.http.post('/api/v1/registration').send({ kind: 'learner', username: 'nguoidan2', displayName: 'A', password: '123', institutionId: school }), 422, 'PASSWORD_POLICY');
      expectError(await h.http.post('/api/v1/registration').send({ kind: 'learner', username: 'nguoidan2', displayName: 'A', password: 'Nguoi-Dan-2026', institutionId: class4A }), 404, 'ORG_UNIT_NOT_FOUND');
      expectError(await h.http.post('/api/v1/registration').send({ kind: 'administrator', username: 'nguoidan2', displayName: 'A', password: 'Nguoi-Dan-2026', institutionId: school }), 400, 'VALIDATION_FAILED');
      expect((await h.sql.query("SELECT 1 FROM user_account WHERE username = 'nguoidan2'")).rows).toEqual([]);
    });

    it('is closed by default', async () => {
      await h.boot({ REGISTRATION_MODE: undefined });
      expect((await h.http.get('/api/v1/registration').expect(200)).body).toEqual({ mode: 'off' });
      expectError(await h.http.post('/api/v1/registration').send({ kind: 'learner', username: 'nguoidan3', displayName: 'A', password: 'Nguoi-Dan-2026', institutionId: school }), 403, 'REGISTRATION_CLOSED');
      expectError(await h.http.get('/api/v1/registration/institutions'), 403, 'REGISTRATION_CLOSED');
    });
  });
});
