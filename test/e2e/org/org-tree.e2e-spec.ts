import { randomUUID } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import type request from 'supertest';
import { IdentityHarness, PLAIN_ASCII, VIETNAMESE, expectError } from '../identity/identity-app';

jest.setTimeout(60_000);

/** A unit as the api returns it. */
interface Unit {
  id: string;
  type: 'department' | 'commune' | 'institution' | 'class';
  name: string;
  code: string | null;
  parentId: string | null;
  ancestorIds: string[];
  depth: number;
  communeKind: string | null;
  institutionKind: string | null;
  ownership: string | null;
  grade: number | null;
  cohort: string | null;
  archivedAt: string | null;
}

const UNIT_KEYS = [
  'ancestorIds',
  'archivedAt',
  'code',
  'cohort',
  'communeKind',
  'depth',
  'grade',
  'id',
  'institutionKind',
  'name',
  'ownership',
  'parentId',
  'type',
].sort();

/**
 * The organisation tree against the real api and real PostgreSQL, on a small Hải Phòng:
 *
 *   Sở GDĐT Hải Phòng
 *   ├── Phường Hồng Bàng
 *   │   ├── Trường Mầm non Hoa Sen (private)
 *   │   └── Trường Tiểu học Lê Lợi → 1A, 2B
 *   ├── Trường THPT Trần Phú (directly under the Sở) → 10A1, Khóa 2026 (cohort)
 *   └── Xã An Hưng
 *       └── Trường THCS An Hưng → 6A
 *
 * Read-only checks run first; moves and archiving build their own units further down.
 */
describe('org: the organisation tree (real api, real PostgreSQL)', () => {
  const h = new IdentityHarness();
  let admin: string;
  let teacher: string;
  let principal: string;
  let student: string;
  let sign: (claims: Record<string, unknown>) => string;

  /** A real account holding `role` on `unitId`, and a token for it. */
  async function holder(role: string, unitId: string): Promise<string> {
    const { rows } = await h.sql.query<{ id: string }>(
      `INSERT INTO user_account (username, display_name) VALUES ($1, $1) RETURNING id`,
      [`${role}-${randomUUID().slice(0, 8)}`],
    );
    await h.sql.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3)', [rows[0].id, role, unitId]);
    return sign({ sub: rows[0].id, usr: role, roles: [role] });
  }

  // The city.
  let so: Unit;
  let hongBang: Unit;
  let anHung: Unit;
  let mamNon: Unit;
  let tieuHoc: Unit;
  let thcs: Unit;
  let thpt: Unit;
  let c1A: Unit;
  let c2B: Unit;
  let c6A: Unit;
  let c10A1: Unit;
  let khoa2026: Unit;
  /** A second root for edge cases, so the city's listings stay exactly as drawn. */
  let scratch: Unit;

  type Method = 'get' | 'post' | 'patch';
  function api(method: Method, url: string, token: string | null = admin): request.Test {
    const req = h.http[method](`/api/v1${url}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  }

  /** Creates a unit and insists on 201 (the body is in the error when it is not). */
  async function mk(body: Record<string, unknown>): Promise<Unit> {
    const res = await api('post', '/org/units').send(body);
    if (res.status !== 201) throw new Error(`POST /org/units ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Unit;
  }

  async function get(id: string): Promise<Unit> {
    const res = await api('get', `/org/units/${id}`);
    if (res.status !== 200) throw new Error(`GET /org/units/${id} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Unit;
  }

  async function children(parentId?: string, includeArchived = false): Promise<Unit[]> {
    const q = new URLSearchParams();
    if (parentId) q.set('parentId', parentId);
    if (includeArchived) q.set('includeArchived', 'true');
    const res = await api('get', `/org/units${q.toString() ? `?${q}` : ''}`);
    if (res.status !== 200) throw new Error(`GET /org/units?${q} → ${res.status} ${JSON.stringify(res.body)}`);
    expect(Object.keys(res.body)).toEqual(['items']);
    return res.body.items as Unit[];
  }

  async function subtree(id: string, type?: string): Promise<Unit[]> {
    const res = await api('get', `/org/units/${id}/subtree${type ? `?type=${type}` : ''}`);
    if (res.status !== 200) throw new Error(`GET /org/units/${id}/subtree → ${res.status} ${JSON.stringify(res.body)}`);
    expect(Object.keys(res.body)).toEqual(['items']);
    return res.body.items as Unit[];
  }

  /** For the few answers the contract leaves open: one of the given status/code pairs (the body is in the failure). */
  function expectOneOf(res: request.Response, allowed: Array<[number, string]>): void {
    const got = allowed.find(([status, code]) => res.status === status && res.body?.code === code);
    if (!got) throw new Error(`expected one of ${JSON.stringify(allowed)}, got ${res.status} ${JSON.stringify(res.body)}`);
    expectError(res, got[0], got[1]);
  }

  const ids = (units: Unit[]) => units.map((u) => u.id).sort();
  const names = (units: Unit[]) => units.map((u) => u.name);

  beforeAll(async () => {
    await h.setUp();
    admin = (await h.loginOk()).accessToken;
    sign = createSigner({ key: h.env.AUTH_JWT_SECRET as string, iss: 'lms' });
    student = sign({ sub: randomUUID(), usr: 'hs', roles: ['student'] });

    // Siblings are created out of alphabetical order, so a sorted listing is not insertion order.
    so = await mk({ type: 'department', name: 'Sở GDĐT Hải Phòng', code: 'HP-SGD' });
    anHung = await mk({ type: 'commune', name: 'Xã An Hưng', parentId: so.id, communeKind: 'xa' });
    hongBang = await mk({ type: 'commune', name: 'Phường Hồng Bàng', parentId: so.id, communeKind: 'phuong', code: '11311' });
    thpt = await mk({ type: 'institution', name: 'Trường THPT Trần Phú', parentId: so.id, institutionKind: 'upper_secondary', ownership: 'public' });
    tieuHoc = await mk({ type: 'institution', name: '  Trường Tiểu học Lê Lợi  ', parentId: hongBang.id, institutionKind: 'primary', ownership: 'public' });
    mamNon = await mk({ type: 'institution', name: 'Trường Mầm non Hoa Sen', parentId: hongBang.id, institutionKind: 'preschool', ownership: 'private' });
    thcs = await mk({ type: 'institution', name: 'Trường THCS An Hưng', parentId: anHung.id, institutionKind: 'lower_secondary', ownership: 'public' });
    c2B = await mk({ type: 'class', name: '2B', parentId: tieuHoc.id, grade: 2 });
    c1A = await mk({ type: 'class', name: '1A', parentId: tieuHoc.id, grade: 1 });
    c6A = await mk({ type: 'class', name: '6A', parentId: thcs.id, grade: 6 });
    c10A1 = await mk({ type: 'class', name: '10A1', parentId: thpt.id, grade: 10 });
    khoa2026 = await mk({ type: 'class', name: 'Khóa 2026', parentId: thpt.id, cohort: '2026-2029' });
    scratch = await mk({ type: 'department', name: 'Sở GDĐT (thử nghiệm)' });
  });

  afterAll(async () => {
    await h.tearDown();
  });

  describe('POST /org/units: creating the city', () => {
    it('creates the Sở GDĐT as a root: no parent, no ancestors, type fields null', async () => {
      expect(Object.keys(so).sort()).toEqual(UNIT_KEYS);
      expect(so.id).toMatch(/^[0-9a-f-]{36}$/i);
      expect(so).toMatchObject({
        type: 'department',
        name: 'Sở GDĐT Hải Phòng',
        code: 'HP-SGD',
        parentId: null,
        ancestorIds: [],
        communeKind: null,
        institutionKind: null,
        ownership: null,
        grade: null,
        cohort: null,
        archivedAt: null,
      });
      expect([0, 1]).toContain(so.depth);
    });

    it('creates a phường and a xã under the Sở with their kind', async () => {
      for (const [unit, kind, name] of [
        [hongBang, 'phuong', 'Phường Hồng Bàng'],
        [anHung, 'xa', 'Xã An Hưng'],
      ] as const) {
        expect(Object.keys(unit).sort()).toEqual(UNIT_KEYS);
        expect(unit).toMatchObject({
          type: 'commune',
          name,
          parentId: so.id,
          ancestorIds: [so.id],
          depth: so.depth + 1,
          communeKind: kind,
          institutionKind: null,
          ownership: null,
          grade: null,
          cohort: null,
          archivedAt: null,
        });
      }
      expect(hongBang.code).toBe('11311');
      expect(anHung.code).toBeNull();
      // A đặc khu is a commune too (Cát Hải, Bạch Long Vĩ); kept in the scratch Sở so the city's listings stay as drawn.
      const catHai = await mk({ type: 'commune', name: 'Đặc khu Cát Hải', parentId: scratch.id, communeKind: 'dac_khu' });
      expect(catHai).toMatchObject({ type: 'commune', communeKind: 'dac_khu', parentId: scratch.id, ancestorIds: [scratch.id], archivedAt: null });
    });

    it('creates schools under a phường and directly under the Sở, with kind and ownership', () => {
      expect(tieuHoc).toMatchObject({
        type: 'institution',
        parentId: hongBang.id,
        ancestorIds: [so.id, hongBang.id],
        depth: so.depth + 2,
        institutionKind: 'primary',
        ownership: 'public',
        communeKind: null,
        grade: null,
        cohort: null,
        archivedAt: null,
      });
      expect(mamNon).toMatchObject({ institutionKind: 'preschool', ownership: 'private', ancestorIds: [so.id, hongBang.id] });
      expect(thpt).toMatchObject({
        type: 'institution',
        parentId: so.id,
        ancestorIds: [so.id],
        depth: so.depth + 1,
        institutionKind: 'upper_secondary',
        ownership: 'public',
      });
    });

    it('trims names and keeps Vietnamese diacritics, also when read back', async () => {
      expect(tieuHoc.name).toBe('Trường Tiểu học Lê Lợi');
      expect((await get(tieuHoc.id)).name).toBe('Trường Tiểu học Lê Lợi');
      expect((await get(so.id)).name).toBe('Sở GDĐT Hải Phòng');
    });

    it('creates classes with a grade or a cohort, the full chain of ancestors', () => {
      expect(c1A).toMatchObject({
        type: 'class',
        name: '1A',
        parentId: tieuHoc.id,
        ancestorIds: [so.id, hongBang.id, tieuHoc.id],
        depth: so.depth + 3,
        grade: 1,
        cohort: null,
        communeKind: null,
        institutionKind: null,
        ownership: null,
        archivedAt: null,
      });
      expect(c10A1).toMatchObject({ grade: 10, cohort: null, ancestorIds: [so.id, thpt.id], depth: so.depth + 2 });
      expect(khoa2026).toMatchObject({ type: 'class', name: 'Khóa 2026', grade: null, cohort: '2026-2029', ancestorIds: [so.id, thpt.id] });
    });

    it('accepts a name of exactly 200 characters and grades 1 and 12 at the edges', async () => {
      const long = 'Trường Trung học phổ thông '.padEnd(200, 'x');
      expect(long).toHaveLength(200);
      const u = await mk({ type: 'institution', name: long, parentId: scratch.id, institutionKind: 'upper_secondary', ownership: 'public' });
      expect(u.name).toBe(long);
      expect((await get(u.id)).name).toBe(long);
      const c12 = await mk({ type: 'class', name: '12A', parentId: u.id, grade: 12 });
      expect(c12.grade).toBe(12);
      const c1 = await mk({ type: 'class', name: 'Lớp 1', parentId: u.id, grade: 1 });
      expect(c1.grade).toBe(1);
    });
  });

  describe('POST /org/units: refused', () => {
    it.each([
      ['a class under a phường', () => ({ type: 'class', name: '3C', parentId: hongBang.id, grade: 3 })],
      ['a class directly under the Sở', () => ({ type: 'class', name: '3C', parentId: so.id, grade: 3 })],
      ['a class under a class', () => ({ type: 'class', name: '1A-nhóm 1', parentId: c1A.id, grade: 1 })],
      ['a commune with no parent', () => ({ type: 'commune', name: 'Phường Lê Chân', communeKind: 'phuong' })],
      ['a commune under a commune', () => ({ type: 'commune', name: 'Phường Lê Chân', parentId: hongBang.id, communeKind: 'phuong' })],
      ['a commune under a school', () => ({ type: 'commune', name: 'Phường Lê Chân', parentId: tieuHoc.id, communeKind: 'phuong' })],
      ['a school with no parent', () => ({ type: 'institution', name: 'Trường THCS Ngô Quyền', institutionKind: 'lower_secondary', ownership: 'public' })],
      ['a school under a school', () => ({ type: 'institution', name: 'Trường THCS Ngô Quyền', parentId: tieuHoc.id, institutionKind: 'lower_secondary', ownership: 'public' })],
      ['a school under a class', () => ({ type: 'institution', name: 'Trường THCS Ngô Quyền', parentId: c1A.id, institutionKind: 'lower_secondary', ownership: 'public' })],
      ['a Sở under a Sở', () => ({ type: 'department', name: 'Phòng GDĐT', parentId: so.id })],
    ])('refuses %s with 422 ORG_INVALID_PARENT (message in Vietnamese)', async (_label, body) => {
      const res = await api('post', '/org/units').send(body());
      expectError(res, 422, 'ORG_INVALID_PARENT');
      expect(res.body.message).toMatch(VIETNAMESE);
    });

    it('explains a wrong parent in English with Accept-Language: en', async () => {
      const res = await api('post', '/org/units')
        .set('Accept-Language', 'en')
        .send({ type: 'class', name: '3C', parentId: hongBang.id, grade: 3 });
      expectError(res, 422, 'ORG_INVALID_PARENT');
      expect(res.body.message).toMatch(PLAIN_ASCII);
      expect(res.body.message).not.toMatch(VIETNAMESE);
    });

    it('refuses an unknown parent with 404 ORG_UNIT_NOT_FOUND', async () => {
      const res = await api('post', '/org/units').send({ type: 'commune', name: 'Phường Ngô Quyền', parentId: randomUUID(), communeKind: 'phuong' });
      expectError(res, 404, 'ORG_UNIT_NOT_FOUND');
    });

    it('refuses a malformed parent id without a server error', async () => {
      const res = await api('post', '/org/units').send({ type: 'commune', name: 'Phường Ngô Quyền', parentId: 'not-a-uuid', communeKind: 'phuong' });
      expectOneOf(res, [[400, 'VALIDATION_FAILED'], [404, 'ORG_UNIT_NOT_FOUND']]);
    });

    it.each([
      ['a commune of a kind that no longer exists (thị trấn)', () => ({ type: 'commune', name: 'Thị trấn Núi Đèo', parentId: so.id, communeKind: 'thi_tran' })],
      ['a school of an unknown kind', () => ({ type: 'institution', name: 'Trường THCS Lê Chân', parentId: hongBang.id, institutionKind: 'school', ownership: 'public' })],
      ['a school of an unknown ownership', () => ({ type: 'institution', name: 'Trường THCS Lê Chân', parentId: hongBang.id, institutionKind: 'lower_secondary', ownership: 'state' })],
      ['an unknown type', () => ({ type: 'school', name: 'Trường THCS Lê Chân', parentId: hongBang.id })],
      ['a missing type', () => ({ name: 'Trường THCS Lê Chân', parentId: hongBang.id })],
      ['a missing name', () => ({ type: 'class', parentId: tieuHoc.id, grade: 3 })],
      ['an empty name', () => ({ type: 'class', name: '', parentId: tieuHoc.id, grade: 3 })],
      ['a name of spaces only', () => ({ type: 'class', name: '    ', parentId: tieuHoc.id, grade: 3 })],
      ['a name of 201 characters', () => ({ type: 'class', name: '3'.padEnd(201, 'C'), parentId: tieuHoc.id, grade: 3 })],
      ['a non-string name', () => ({ type: 'class', name: 3, parentId: tieuHoc.id, grade: 3 })],
      ['grade 0', () => ({ type: 'class', name: 'Lớp lá', parentId: tieuHoc.id, grade: 0 })],
      ['grade 13', () => ({ type: 'class', name: '13A', parentId: thpt.id, grade: 13 })],
      ['a fractional grade', () => ({ type: 'class', name: '3C', parentId: tieuHoc.id, grade: 2.5 })],
      ['a grade given as a string', () => ({ type: 'class', name: '3C', parentId: tieuHoc.id, grade: '3' })],
      ['an unknown field', () => ({ type: 'class', name: '3C', parentId: tieuHoc.id, grade: 3, teacherId: randomUUID() })],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_label, body) => {
      expectError(await api('post', '/org/units').send(body()), 400, 'VALIDATION_FAILED');
    });

    it.each([
      // What a type requires (a commune's kind, a school's kind and ownership) is a rule of that type.
      ['a commune without communeKind', () => ({ type: 'commune', name: 'Phường Lê Chân', parentId: so.id })],
      ['a school without institutionKind', () => ({ type: 'institution', name: 'Trường THCS Lê Chân', parentId: hongBang.id, ownership: 'public' })],
      ['a school without ownership', () => ({ type: 'institution', name: 'Trường THCS Lê Chân', parentId: hongBang.id, institutionKind: 'lower_secondary' })],
      ['a class with both grade and cohort', () => ({ type: 'class', name: '3C', parentId: tieuHoc.id, grade: 3, cohort: '2026' })],
      ['a grade on a school', () => ({ type: 'institution', name: 'Trường THCS Lê Chân', parentId: hongBang.id, institutionKind: 'lower_secondary', ownership: 'public', grade: 6 })],
      ['a communeKind on a school', () => ({ type: 'institution', name: 'Trường THCS Lê Chân', parentId: hongBang.id, institutionKind: 'lower_secondary', ownership: 'public', communeKind: 'phuong' })],
      ['an institutionKind on a class', () => ({ type: 'class', name: '3C', parentId: tieuHoc.id, grade: 3, institutionKind: 'primary' })],
    ])('refuses %s with 422 ORG_INVALID_UNIT', async (_label, body) => {
      expectError(await api('post', '/org/units').send(body()), 422, 'ORG_INVALID_UNIT');
    });

    it('refuses a class with neither grade nor cohort (400 or 422)', async () => {
      const res = await api('post', '/org/units').send({ type: 'class', name: '3C', parentId: tieuHoc.id });
      expectOneOf(res, [[400, 'VALIDATION_FAILED'], [422, 'ORG_INVALID_UNIT']]);
    });

    it('left nothing behind: the refused units were not created', async () => {
      expect(names(await children(tieuHoc.id))).toEqual(['1A', '2B']);
      expect(names(await children(hongBang.id))).toEqual(['Trường Mầm non Hoa Sen', 'Trường Tiểu học Lê Lợi']);
      expect(await children(c1A.id)).toEqual([]);
      const roots = await children();
      expect(roots.filter((r) => r.name === 'Phường Lê Chân' || r.name === 'Trường THCS Ngô Quyền')).toEqual([]);
    });
  });

  describe('GET /org/units/:id', () => {
    it('returns the unit exactly as it was created', async () => {
      expect(await get(c1A.id)).toEqual(c1A);
      expect(await get(hongBang.id)).toEqual(hongBang);
      expect(await get(thpt.id)).toEqual(thpt);
    });

    it.each([
      ['an unknown id', () => randomUUID()],
      ['a malformed id', () => 'not-a-uuid'],
      ['a number', () => '12345'],
      ['an injection attempt', () => encodeURIComponent("1' OR '1'='1")],
      ['a uuid with trailing junk', () => `${c1A.id}x`],
    ])('answers %s with 404 ORG_UNIT_NOT_FOUND, never 500', async (_label, id) => {
      expectError(await api('get', `/org/units/${id()}`), 404, 'ORG_UNIT_NOT_FOUND');
    });
  });

  describe('GET /org/units (listing)', () => {
    it('lists the direct children of the Sở, sorted by name, not grandchildren', async () => {
      const items = await children(so.id);
      expect(names(items)).toEqual(['Phường Hồng Bàng', 'Trường THPT Trần Phú', 'Xã An Hưng']);
      expect(items.find((u) => u.id === hongBang.id)).toEqual(hongBang);
      for (const u of items) {
        expect(Object.keys(u).sort()).toEqual(UNIT_KEYS);
        expect(u.parentId).toBe(so.id);
      }
    });

    it('lists the classes of a school sorted by name (1A before 2B though 2B was created first)', async () => {
      expect(names(await children(tieuHoc.id))).toEqual(['1A', '2B']);
      expect(names(await children(thpt.id))).toEqual(['10A1', 'Khóa 2026']);
    });

    it('lists the roots without parentId: the Sở, and no unit that has a parent', async () => {
      const roots = await children();
      expect(ids(roots)).toEqual(expect.arrayContaining([so.id, scratch.id]));
      for (const r of roots) expect({ name: r.name, parentId: r.parentId, type: r.type }).toEqual({ name: r.name, parentId: null, type: 'department' });
    });

    it('lists nothing under a class', async () => {
      expect(await children(c10A1.id)).toEqual([]);
    });
  });

  describe('GET /org/units/:id/subtree', () => {
    it('returns every descendant of the Sở, not the Sở itself', async () => {
      const items = await subtree(so.id);
      const all = [hongBang, anHung, mamNon, tieuHoc, thcs, thpt, c1A, c2B, c6A, c10A1, khoa2026];
      for (const u of all) expect(ids(items)).toContain(u.id);
      expect(ids(items)).not.toContain(so.id);
      expect(items.find((u) => u.id === c6A.id)).toEqual(c6A);
    });

    it('filters by type', async () => {
      const classes = await subtree(so.id, 'class');
      for (const u of classes) expect(u.type).toBe('class');
      expect(ids(classes)).toEqual(expect.arrayContaining(ids([c1A, c2B, c6A, c10A1, khoa2026])));
      const communes = await subtree(so.id, 'commune');
      expect(ids(communes)).toEqual(expect.arrayContaining(ids([hongBang, anHung])));
      for (const u of communes) expect(u.type).toBe('commune');
    });

    it('returns exactly the descendants of a phường', async () => {
      expect(ids(await subtree(hongBang.id))).toEqual(ids([mamNon, tieuHoc, c1A, c2B]));
      expect(ids(await subtree(hongBang.id, 'class'))).toEqual(ids([c1A, c2B]));
      expect(ids(await subtree(hongBang.id, 'institution'))).toEqual(ids([mamNon, tieuHoc]));
      expect(await subtree(hongBang.id, 'department')).toEqual([]);
    });

    it('returns nothing under a class', async () => {
      expect(await subtree(c2B.id)).toEqual([]);
    });

    it('refuses an unknown type filter with 400 VALIDATION_FAILED rather than ignoring it', async () => {
      expectError(await api('get', `/org/units/${so.id}/subtree?type=school`), 400, 'VALIDATION_FAILED');
    });

    it('answers an unknown or malformed id with 404 ORG_UNIT_NOT_FOUND', async () => {
      expectError(await api('get', `/org/units/${randomUUID()}/subtree`), 404, 'ORG_UNIT_NOT_FOUND');
      expectError(await api('get', '/org/units/nope/subtree'), 404, 'ORG_UNIT_NOT_FOUND');
    });
  });

  describe('PATCH /org/units/:id', () => {
    it('renames a unit: trimmed, diacritics kept, visible in reads and listings', async () => {
      const res = await api('patch', `/org/units/${thcs.id}`).send({ name: '  Trường THCS Nguyễn Bỉnh Khiêm  ' }).expect(200);
      expect(res.body).toEqual({ ...thcs, name: 'Trường THCS Nguyễn Bỉnh Khiêm' });
      expect((await get(thcs.id)).name).toBe('Trường THCS Nguyễn Bỉnh Khiêm');
      expect(names(await children(anHung.id))).toEqual(['Trường THCS Nguyễn Bỉnh Khiêm']);
      // The classes beneath are untouched.
      expect(await get(c6A.id)).toEqual(c6A);
      thcs = res.body;
    });

    it.each([
      ['an empty name', { name: '' }],
      ['a name of spaces only', { name: '   ' }],
      ['a name of 201 characters', { name: 'T'.padEnd(201, 'x') }],
      ['an unknown field', { name: 'Trường THCS An Hưng', type: 'class' }],
    ])('refuses %s with 400 VALIDATION_FAILED and changes nothing', async (_label, body) => {
      expectError(await api('patch', `/org/units/${thcs.id}`).send(body), 400, 'VALIDATION_FAILED');
      expect(await get(thcs.id)).toEqual(thcs);
    });

    it('answers an unknown or malformed id with 404 ORG_UNIT_NOT_FOUND', async () => {
      expectError(await api('patch', `/org/units/${randomUUID()}`).send({ name: 'Không có' }), 404, 'ORG_UNIT_NOT_FOUND');
      expectError(await api('patch', '/org/units/nope').send({ name: 'Không có' }), 404, 'ORG_UNIT_NOT_FOUND');
    });

    describe('moving', () => {
      let leChan: Unit;
      let ngoQuyen: Unit;
      let school: Unit;
      let k3: Unit;
      let k4: Unit;
      let group: Unit;

      beforeAll(async () => {
        leChan = await mk({ type: 'commune', name: 'Phường Lê Chân', parentId: so.id, communeKind: 'phuong' });
        ngoQuyen = await mk({ type: 'commune', name: 'Phường Ngô Quyền', parentId: so.id, communeKind: 'phuong' });
        school = await mk({ type: 'institution', name: 'Trường Tiểu học Dư Hàng', parentId: leChan.id, institutionKind: 'primary', ownership: 'public' });
        k3 = await mk({ type: 'class', name: '3A', parentId: school.id, grade: 3 });
        k4 = await mk({ type: 'class', name: '4A', parentId: school.id, grade: 4 });
        group = await mk({ type: 'class', name: 'Lớp Bình dân học vụ số', parentId: school.id, cohort: 'K1' });
      });

      it('moves a school to another phường and re-scopes its classes', async () => {
        const res = await api('patch', `/org/units/${school.id}`).send({ parentId: ngoQuyen.id }).expect(200);
        expect(res.body).toEqual({ ...school, parentId: ngoQuyen.id, ancestorIds: [so.id, ngoQuyen.id] });

        for (const c of [k3, k4, group]) {
          const now = await get(c.id);
          expect(now.ancestorIds).toEqual([so.id, ngoQuyen.id, school.id]);
          expect(now.ancestorIds).not.toContain(leChan.id);
          expect(now.parentId).toBe(school.id);
          expect(now.depth).toBe(c.depth);
        }

        expect(ids(await subtree(ngoQuyen.id))).toEqual(ids([school, k3, k4, group]));
        expect(ids(await subtree(ngoQuyen.id, 'class'))).toEqual(ids([k3, k4, group]));
        expect(await subtree(leChan.id)).toEqual([]);
        expect(await children(leChan.id)).toEqual([]);
        expect(ids(await children(ngoQuyen.id))).toEqual([school.id]);
        expect(ids(await subtree(so.id, 'class'))).toEqual(expect.arrayContaining(ids([k3, k4, group])));
        school = res.body;
      });

      it('moves a school from a phường to directly under the Sở: everything beneath one level up', async () => {
        const res = await api('patch', `/org/units/${school.id}`).send({ parentId: so.id }).expect(200);
        expect(res.body).toMatchObject({ parentId: so.id, ancestorIds: [so.id], depth: so.depth + 1 });
        const c = await get(k3.id);
        expect(c).toMatchObject({ ancestorIds: [so.id, school.id], depth: so.depth + 2 });
        expect(await subtree(ngoQuyen.id)).toEqual([]);
        expect(ids(await children(so.id))).toContain(school.id);
        // And back under Lê Chân, renamed in the same request.
        const back = await api('patch', `/org/units/${school.id}`).send({ parentId: leChan.id, name: 'Trường Tiểu học Dư Hàng Kênh' }).expect(200);
        expect(back.body).toMatchObject({ name: 'Trường Tiểu học Dư Hàng Kênh', parentId: leChan.id, ancestorIds: [so.id, leChan.id], depth: so.depth + 2 });
        expect((await get(group.id)).ancestorIds).toEqual([so.id, leChan.id, school.id]);
        expect(ids(await subtree(leChan.id))).toEqual(ids([school, k3, k4, group]));
        school = back.body;
      });

      it('moves a class to another school', async () => {
        const res = await api('patch', `/org/units/${k4.id}`).send({ parentId: tieuHoc.id }).expect(200);
        expect(res.body).toMatchObject({ parentId: tieuHoc.id, ancestorIds: [so.id, hongBang.id, tieuHoc.id], grade: 4 });
        expect(names(await children(tieuHoc.id))).toEqual(['1A', '2B', '4A']);
        expect(ids(await children(school.id))).not.toContain(k4.id);
        expect(ids(await subtree(hongBang.id, 'class'))).toContain(k4.id);
        expect(ids(await subtree(leChan.id, 'class'))).not.toContain(k4.id);
      });

      it.each([
        ['a phường under itself', () => leChan, () => leChan.id],
        ['a school under itself', () => school, () => school.id],
        ['a school under one of its own classes', () => school, () => k3.id],
        ['the Sở under one of its phường', () => so, () => leChan.id],
        ['the Sở under a class deep below it', () => so, () => k3.id],
      ])('refuses to move %s with 422 ORG_INVALID_PARENT and changes nothing', async (_label, unit, target) => {
        const before = await get(unit().id);
        const beforeTree = ids(await subtree(unit().id));
        const res = await api('patch', `/org/units/${unit().id}`).send({ parentId: target() });
        expectError(res, 422, 'ORG_INVALID_PARENT');
        expect(await get(unit().id)).toEqual(before);
        expect(ids(await subtree(unit().id))).toEqual(beforeTree);
      });

      it.each([
        ['a class under a phường', () => k3, () => leChan.id],
        ['a class under the Sở', () => k3, () => so.id],
        ['a school under another school', () => school, () => tieuHoc.id],
        ['a phường under a school', () => ngoQuyen, () => tieuHoc.id],
        ['a phường under another phường', () => ngoQuyen, () => hongBang.id],
      ])('refuses to move %s (wrong parent type) with 422 ORG_INVALID_PARENT and changes nothing', async (_label, unit, target) => {
        const before = await get(unit().id);
        expectError(await api('patch', `/org/units/${unit().id}`).send({ parentId: target() }), 422, 'ORG_INVALID_PARENT');
        expect(await get(unit().id)).toEqual(before);
      });

      it('refuses to move a phường out from under the Sở (parentId null)', async () => {
        const res = await api('patch', `/org/units/${ngoQuyen.id}`).send({ parentId: null });
        expectOneOf(res, [[400, 'VALIDATION_FAILED'], [422, 'ORG_INVALID_PARENT']]);
        expect((await get(ngoQuyen.id)).parentId).toBe(so.id);
      });

      it('refuses to move under an unknown parent with 404 ORG_UNIT_NOT_FOUND', async () => {
        expectError(await api('patch', `/org/units/${school.id}`).send({ parentId: randomUUID() }), 404, 'ORG_UNIT_NOT_FOUND');
        expect((await get(school.id)).parentId).toBe(leChan.id);
      });

      it('a refused move leaves the classes where they were', async () => {
        expect((await get(k3.id)).ancestorIds).toEqual([so.id, leChan.id, school.id]);
        expect(ids(await subtree(leChan.id))).toEqual(ids([school, k3, group]));
      });
    });
  });

  describe('POST /org/units/:id/archive', () => {
    let kienAn: Unit;
    let school: Unit;
    let other: Unit;
    let k5: Unit;
    let k9: Unit;

    beforeAll(async () => {
      kienAn = await mk({ type: 'commune', name: 'Phường Kiến An', parentId: so.id, communeKind: 'phuong' });
      school = await mk({ type: 'institution', name: 'Trường THCS Kiến An', parentId: kienAn.id, institutionKind: 'lower_secondary', ownership: 'public' });
      other = await mk({ type: 'institution', name: 'Trường Tiểu học Bắc Sơn', parentId: kienAn.id, institutionKind: 'primary', ownership: 'public' });
      k9 = await mk({ type: 'class', name: '9A', parentId: school.id, grade: 9 });
      k5 = await mk({ type: 'class', name: '5A', parentId: other.id, grade: 5 });
    });

    it('archives a school and every class beneath it, not its parent or siblings', async () => {
      const before = Date.now();
      const res = await api('post', `/org/units/${school.id}/archive`).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(UNIT_KEYS);
      expect(res.body).toMatchObject({ id: school.id, name: school.name, parentId: kienAn.id });
      expect(typeof res.body.archivedAt).toBe('string');
      const at = Date.parse(res.body.archivedAt);
      expect(at).toBeGreaterThan(before - 60_000);
      expect(at).toBeLessThan(Date.now() + 60_000);

      expect((await get(school.id)).archivedAt).not.toBeNull();
      expect((await get(k9.id)).archivedAt).not.toBeNull();
      expect((await get(kienAn.id)).archivedAt).toBeNull();
      expect((await get(other.id)).archivedAt).toBeNull();
      expect((await get(k5.id)).archivedAt).toBeNull();
    });

    it('leaves archived units out of listings unless includeArchived=true', async () => {
      expect(ids(await children(kienAn.id))).toEqual([other.id]);
      const withArchived = await children(kienAn.id, true);
      expect(names(withArchived)).toEqual(['Trường THCS Kiến An', 'Trường Tiểu học Bắc Sơn']);
      expect(withArchived.find((u) => u.id === school.id)?.archivedAt).not.toBeNull();

      expect(await children(school.id)).toEqual([]);
      const classes = await children(school.id, true);
      expect(ids(classes)).toEqual([k9.id]);
      expect(classes[0].archivedAt).not.toBeNull();
    });

    it('archiving twice is fine', async () => {
      const res = await api('post', `/org/units/${school.id}/archive`).expect(200);
      expect(res.body.archivedAt).not.toBeNull();
      expect((await get(k9.id)).archivedAt).not.toBeNull();
      expect(ids(await children(kienAn.id))).toEqual([other.id]);
    });

    it('archives a whole phường: its schools and classes leave the listings', async () => {
      await api('post', `/org/units/${kienAn.id}/archive`).expect(200);
      expect(ids(await children(so.id))).not.toContain(kienAn.id);
      expect(ids(await children(so.id, true))).toContain(kienAn.id);
      expect((await get(other.id)).archivedAt).not.toBeNull();
      expect((await get(k5.id)).archivedAt).not.toBeNull();
      expect(await children(other.id)).toEqual([]);
    });

    it('leaves an archived Sở out of the roots unless includeArchived=true', async () => {
      const old = await mk({ type: 'department', name: 'Sở GDĐT Hải Phòng (cũ)' });
      expect(ids(await children())).toContain(old.id);
      await api('post', `/org/units/${old.id}/archive`).expect(200);
      expect(ids(await children())).not.toContain(old.id);
      expect(ids(await children())).toContain(so.id);
      expect(ids(await children(undefined, true))).toContain(old.id);
    });

    it('answers an unknown or malformed id with 404 ORG_UNIT_NOT_FOUND', async () => {
      expectError(await api('post', `/org/units/${randomUUID()}/archive`), 404, 'ORG_UNIT_NOT_FOUND');
      expectError(await api('post', '/org/units/nope/archive'), 404, 'ORG_UNIT_NOT_FOUND');
    });
  });

  describe('who may do what', () => {
    type Call = [string, () => request.Test];
    const reads = (token: string | null): Call[] => [
      ['GET /org/units', () => api('get', '/org/units', token)],
      ['GET /org/units?parentId', () => api('get', `/org/units?parentId=${tieuHoc.id}`, token)],
      ['GET /org/units/:id', () => api('get', `/org/units/${tieuHoc.id}`, token)],
      ['GET /org/units/:id/subtree', () => api('get', `/org/units/${tieuHoc.id}/subtree`, token)],
    ];
    const writes = (token: string | null): Call[] => [
      ['POST /org/units', () => api('post', '/org/units', token).send({ type: 'class', name: '3B', parentId: tieuHoc.id, grade: 3 })],
      ['PATCH /org/units/:id (rename)', () => api('patch', `/org/units/${tieuHoc.id}`, token).send({ name: 'Trường Tiểu học Đã Bị Đổi Tên' })],
      ['PATCH /org/units/:id (move)', () => api('patch', `/org/units/${c1A.id}`, token).send({ parentId: thpt.id })],
      ['POST /org/units/:id/archive', () => api('post', `/org/units/${c2B.id}/archive`, token)],
    ];

    /** Nothing a refused write could have changed did change. */
    async function expectUntouched(): Promise<void> {
      expect((await get(tieuHoc.id)).name).toBe('Trường Tiểu học Lê Lợi');
      const c1 = await get(c1A.id);
      expect(c1.parentId).toBe(tieuHoc.id);
      expect((await get(c2B.id)).archivedAt).toBeNull();
      expect(names(await children(tieuHoc.id))).not.toContain('3B');
    }

    it('answers 401 UNAUTHENTICATED without a token, on reads and writes', async () => {
      for (const [label, call] of [...reads(null), ...writes(null)]) {
        const res = await call();
        expect({ label, status: res.status, code: res.body?.code }).toEqual({ label, status: 401, code: 'UNAUTHENTICATED' });
      }
      await expectUntouched();
    });

    it('answers 403 FORBIDDEN to a student, on reads and writes', async () => {
      for (const [label, call] of [...reads(student), ...writes(student)]) {
        const res = await call();
        expect({ label, status: res.status, code: res.body?.code }).toEqual({ label, status: 403, code: 'FORBIDDEN' });
        expectError(res, 403, 'FORBIDDEN');
      }
      await expectUntouched();
    });

    beforeAll(async () => {
      teacher = await holder('teacher', tieuHoc.id);
      principal = await holder('institution_manager', tieuHoc.id);
    });

    it('lets a teacher read (org.read) within their school', async () => {
      for (const [label, call] of reads(teacher)) {
        const res = await call();
        expect({ label, status: res.status }).toEqual({ label, status: 200 });
      }
      const res = await api('get', `/org/units/${tieuHoc.id}`, teacher).expect(200);
      expect(res.body.name).toBe('Trường Tiểu học Lê Lợi');
    });

    it('answers 403 FORBIDDEN to a teacher on writes, and changes nothing', async () => {
      for (const [label, call] of writes(teacher)) {
        const res = await call();
        expect({ label, status: res.status, code: res.body?.code }).toEqual({ label, status: 403, code: 'FORBIDDEN' });
      }
      await expectUntouched();
    });
  });

  describe('roles reach their own subtree only', () => {
    it('lists a scoped caller’s own units as their roots', async () => {
      expect(names((await api('get', '/org/units', teacher).expect(200)).body.items)).toEqual(['Trường Tiểu học Lê Lợi']);
      expect(names((await api('get', '/org/units', admin).expect(200)).body.items)).toContain('Sở GDĐT Hải Phòng');
    });

    it('finds units by name with or without diacritics, within the caller’s reach only', async () => {
      const all = await api('get', `/org/units?q=${encodeURIComponent('tieu hoc le loi')}`, admin).expect(200);
      expect(names(all.body.items)).toEqual(['Trường Tiểu học Lê Lợi']);
      const schools = await api('get', `/org/units?q=${encodeURIComponent('Trường')}&type=institution`, admin).expect(200);
      expect(schools.body.items.length).toBeGreaterThanOrEqual(3);
      const mine = await api('get', `/org/units?q=${encodeURIComponent('truong')}`, teacher).expect(200);
      expect(names(mine.body.items)).toEqual(['Trường Tiểu học Lê Lợi']);
    });

    it('answers 404 ORG_UNIT_NOT_FOUND for units outside the caller’s subtree, as if they did not exist', async () => {
      for (const url of [`/org/units/${thpt.id}`, `/org/units/${so.id}`, `/org/units/${hongBang.id}/subtree`, `/org/units?parentId=${thpt.id}`, `/org/units/${c10A1.id}`]) {
        expectError(await api('get', url, teacher), 404, 'ORG_UNIT_NOT_FOUND');
      }
    });

    it('lets an institution manager add, rename and archive classes of their school, and nothing elsewhere', async () => {
      const created = await api('post', '/org/units', principal).send({ type: 'class', name: '5C', parentId: tieuHoc.id, grade: 5 }).expect(201);
      await api('patch', `/org/units/${created.body.id}`, principal).send({ name: '5C1' }).expect(200);
      await api('post', `/org/units/${created.body.id}/archive`, principal).expect(200);
      // Another school: not found. Their own school: they may not archive or move it (403).
      expectError(await api('post', '/org/units', principal).send({ type: 'class', name: '11B', parentId: thpt.id, grade: 11 }), 404, 'ORG_UNIT_NOT_FOUND');
      expectError(await api('patch', `/org/units/${c10A1.id}`, principal).send({ name: 'x' }), 404, 'ORG_UNIT_NOT_FOUND');
      expectError(await api('post', `/org/units/${tieuHoc.id}/archive`, principal), 403, 'FORBIDDEN');
      expectError(await api('patch', `/org/units/${tieuHoc.id}`, principal).send({ parentId: anHung.id }), 403, 'FORBIDDEN');
      // Moving a class of theirs to another school is refused: the destination is outside their reach.
      expectError(await api('patch', `/org/units/${c1A.id}`, principal).send({ parentId: thpt.id }), 404, 'ORG_UNIT_NOT_FOUND');
      expect((await get(tieuHoc.id)).archivedAt).toBeNull();
      expect((await get(c1A.id)).parentId).toBe(tieuHoc.id);
    });

    it('lets a department manager create a root-less unit only under their department', async () => {
      const manager = await holder('department_manager', so.id);
      expectError(await api('post', '/org/units', manager).send({ type: 'department', name: 'Sở khác' }), 422, 'ORG_INVALID_PARENT');
      await api('post', '/org/units', manager).send({ type: 'commune', name: 'Phường Mới', parentId: so.id, communeKind: 'phuong' }).expect(201);
    });
  });
});
