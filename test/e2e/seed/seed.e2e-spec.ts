import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type AppConfig, buildAppConfig, databaseOptions, validateEnvironment } from '@lms/core';
import { OneTimeCodes, verifyPassword } from '@lms/identity';
import { DataSource } from 'typeorm';
import { PeopleGenerator, birthYearOfGrade, planCity } from '../../../libs/roster/src/seed/city-plan';
import { seedCity, type SeedCityResult } from '../../../libs/roster/src/seed/seed-city';
import { DEMO_PASSWORD, seedDemo } from '../../../libs/roster/src/seed/seed-demo';
import { createTestDatabase, type TestDatabase } from '../../support/database';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');
const STUDENTS = 2000;
const SEED = 7;

async function open(db: TestDatabase): Promise<DataSource> {
  const config = buildAppConfig(validateEnvironment({ DATABASE_URL: db.url, STORAGE_DRIVER: 'fs', STORAGE_SIGNING_SECRET: 'x'.repeat(32) }));
  const dataSource = new DataSource({ ...databaseOptions(config), migrationsRun: false });
  await dataSource.initialize();
  return dataSource;
}

function oneTimeCodes(): OneTimeCodes {
  return new OneTimeCodes({ auth: { codeKey: 'seed-test-key-'.padEnd(40, 'k') } } as unknown as AppConfig, {} as never);
}

async function one<T>(ds: DataSource, sql: string, params: unknown[] = []): Promise<T> {
  const rows = await ds.query<T[]>(sql, params);
  return rows[0];
}

async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  return one(
    ds,
    `SELECT (SELECT count(*)::int FROM user_account) AS users, (SELECT count(*)::int FROM role_assignment) AS roles,
            (SELECT count(*)::int FROM parent_link) AS links, (SELECT count(*)::int FROM org_unit) AS units,
            (SELECT max(updated_at)::text FROM user_account) AS last_user_update`,
  );
}

/** Everything a seed writes, without database ids: units by their path of names, people by code. */
async function fingerprint(ds: DataSource): Promise<string> {
  const units = await ds.query<Array<{ f: string }>>(
    `SELECT (SELECT string_agg(p.name, ' > ' ORDER BY length(p.path)) FROM org_unit p WHERE u.path LIKE p.path || '%')
            || '|' || u.type || '|' || coalesce(u.commune_kind, '') || '|' || coalesce(u.institution_kind, '') || '|' || coalesce(u.ownership, '')
            || '|' || coalesce(u.grade::text, '') || '|' || coalesce(u.cohort, '') AS f
       FROM org_unit u ORDER BY 1`,
  );
  const people = await ds.query<Array<{ f: string }>>(
    `SELECT a.username || '|' || a.display_name || '|' || coalesce(a.person_code, '') || '|' || coalesce(a.date_of_birth::text, '') || '|' || coalesce(a.phone, '')
            || '|' || coalesce((SELECT string_agg(r.role || '@' || coalesce(u.name, '*'), ',' ORDER BY r.role, u.name) FROM role_assignment r LEFT JOIN org_unit u ON u.id = r.unit_id WHERE r.user_id = a.id), '')
            || '|' || coalesce((SELECT string_agg(c.username, ',' ORDER BY c.username) FROM parent_link pl JOIN user_account c ON c.id = pl.child_id WHERE pl.parent_id = a.id), '') AS f
       FROM user_account a ORDER BY 1`,
  );
  return [...units, ...people].map((r) => r.f).join('\n');
}

describe('seed:city — a synthetic Hải Phòng through the roster writer (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let first: SeedCityResult;
  const progress: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await open(db);
    first = await seedCity(ds, oneTimeCodes(), { students: STUDENTS, seed: SEED, onProgress: (p) => void progress.push(p.studentsDone) });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reports the city it wrote, and progress up to every student', () => {
    expect(first.city.students).toBe(STUDENTS);
    expect(first.created.students).toBe(STUDENTS);
    expect(first.created.parents).toBe(first.city.parents);
    expect(first.created.staff).toBe(first.city.staff);
    expect(first.created.classes).toBe(first.city.classes);
    expect(first.created.units).toBe(1 + first.city.communes + first.city.institutions);
    expect(first.skipped).toBe(0);
    expect(progress.at(-1)).toBe(STUDENTS);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('builds Department → communes → institutions of several kinds → classes, with materialised paths', async () => {
    const units = await ds.query<Array<{ id: string; type: string; name: string; path: string; parent_path: string | null; commune_kind: string | null; institution_kind: string | null; ownership: string | null; parent_type: string | null }>>(
      `SELECT u.id, u.type, u.name, u.path, p.path AS parent_path, u.commune_kind, u.institution_kind, u.ownership, p.type AS parent_type
         FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id`,
    );
    const departments = units.filter((u) => u.type === 'department');
    expect(departments.map((d) => d.name)).toEqual(['Sở Giáo dục và Đào tạo Hải Phòng']);
    for (const u of units) expect(u.path).toBe(`${u.parent_path ?? ''}${u.id}/`);
    const communes = units.filter((u) => u.type === 'commune');
    expect(communes).toHaveLength(first.city.communes);
    expect(communes.length).toBeGreaterThanOrEqual(2);
    for (const c of communes) {
      expect(c.parent_type).toBe('department');
      expect(c.name).toMatch(/^(Phường|Xã|Đặc khu) \S/);
      expect(['phuong', 'xa', 'dac_khu']).toContain(c.commune_kind);
    }
    const institutions = units.filter((u) => u.type === 'institution');
    expect(institutions).toHaveLength(first.city.institutions);
    const kinds = new Set(institutions.map((i) => i.institution_kind));
    for (const kind of ['preschool', 'primary', 'lower_secondary', 'upper_secondary']) expect(kinds).toContain(kind);
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    for (const i of institutions) {
      expect(['public', 'private']).toContain(i.ownership);
      expect(i.parent_type).toBe(i.institution_kind === 'college' || i.institution_kind === 'university' ? 'department' : 'commune');
    }
    // Names are unique among siblings (the seed matches units by name under their parent).
    const siblings = new Set(units.map((u) => `${u.parent_path}|${u.name.toLowerCase()}`));
    expect(siblings.size).toBe(units.length);
  });

  it('gives each class a grade that fits its institution, and pupils born in the right year', async () => {
    const classes = await ds.query<Array<{ name: string; grade: number | null; cohort: string | null; kind: string; min_year: number | null; max_year: number | null; pupils: number }>>(
      `SELECT c.name, c.grade, c.cohort, i.institution_kind AS kind,
              min(extract(year FROM a.date_of_birth))::int AS min_year, max(extract(year FROM a.date_of_birth))::int AS max_year, count(a.id)::int AS pupils
         FROM org_unit c JOIN org_unit i ON i.id = c.parent_id
         LEFT JOIN role_assignment r ON r.unit_id = c.id AND r.role = 'student'
         LEFT JOIN user_account a ON a.id = r.user_id
        WHERE c.type = 'class' GROUP BY c.id, i.institution_kind`,
    );
    expect(classes).toHaveLength(first.city.classes);
    const range: Record<string, [number, number] | null> = {
      preschool: null,
      primary: [1, 5],
      lower_secondary: [6, 9],
      upper_secondary: [10, 12],
      continuing_education: [10, 12],
      vocational: null,
      college: null,
      university: null,
    };
    for (const c of classes) {
      expect(c.pupils).toBeGreaterThan(0);
      expect(c.pupils).toBeLessThanOrEqual(65);
      const grades = range[c.kind];
      if (grades) {
        expect(c.grade).toBeGreaterThanOrEqual(grades[0]);
        expect(c.grade).toBeLessThanOrEqual(grades[1]);
        expect(c.name).toMatch(new RegExp(`^${c.grade}A\\d+$`));
        // Grade g was born in 2021 − g (a repeater a year earlier).
        expect(c.max_year).toBe(birthYearOfGrade(c.grade!));
        expect(c.min_year).toBeGreaterThanOrEqual(birthYearOfGrade(c.grade!) - 1);
      } else {
        expect(c.grade).toBeNull();
        expect(c.cohort).toBe(c.name);
        if (c.kind === 'preschool') expect(c.name).toMatch(/^(Mầm|Chồi|Lá) \d+$/);
        else expect(c.name).toMatch(/^K\d{2} \S/);
      }
    }
  });

  it('puts every student in exactly one class, with a unique 12-digit code starting 031 and a Vietnamese name', async () => {
    const students = await ds.query<Array<{ username: string; person_code: string; display_name: string; classes: number; class_roles: number; must_change: boolean; otc: boolean }>>(
      `SELECT a.username, a.person_code, a.display_name, a.must_change_password AS must_change, a.one_time_code_hash IS NOT NULL AS otc,
              count(r.id)::int AS classes, count(r.id) FILTER (WHERE u.type = 'class')::int AS class_roles
         FROM user_account a JOIN role_assignment r ON r.user_id = a.id AND r.role = 'student' JOIN org_unit u ON u.id = r.unit_id
        GROUP BY a.id`,
    );
    expect(students).toHaveLength(STUDENTS);
    for (const s of students) {
      expect(s.classes).toBe(1);
      expect(s.class_roles).toBe(1);
      expect(s.person_code).toMatch(/^031[23]\d{8}$/);
      expect(s.username).toBe(s.person_code);
      expect(s.display_name).toBe(s.display_name.normalize('NFC'));
      expect(s.display_name.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(s.must_change && s.otc).toBe(true);
    }
    expect(new Set(students.map((s) => s.person_code)).size).toBe(STUDENTS);
    const withDiacritics = students.filter((s) => /\P{ASCII}/u.test(s.display_name)).length;
    expect(withDiacritics / STUDENTS).toBeGreaterThan(0.9);
    const nguyen = students.filter((s) => s.display_name.startsWith('Nguyễn ')).length / STUDENTS;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.46);
    expect(new Set(students.map((s) => s.display_name.split(' ')[0])).size).toBeGreaterThan(15);
  });

  it('links parents (mobile numbers as usernames, siblings sharing one) to school pupils', async () => {
    const pupils = await one<{ total: number; linked: number }>(
      ds,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM parent_link pl WHERE pl.child_id = a.id))::int AS linked
         FROM user_account a JOIN role_assignment r ON r.user_id = a.id AND r.role = 'student'
         JOIN org_unit c ON c.id = r.unit_id JOIN org_unit i ON i.id = c.parent_id
        WHERE i.institution_kind NOT IN ('college', 'university')`,
    );
    expect(pupils.linked / pupils.total).toBeGreaterThan(0.95);
    const parents = await ds.query<Array<{ username: string; phone: string; children: number; parent_roles: number }>>(
      `SELECT a.username, a.phone, (SELECT count(*)::int FROM parent_link pl WHERE pl.parent_id = a.id) AS children,
              (SELECT count(*)::int FROM role_assignment r JOIN org_unit u ON u.id = r.unit_id WHERE r.user_id = a.id AND r.role = 'parent' AND u.type = 'institution') AS parent_roles
         FROM user_account a WHERE EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = a.id AND r.role = 'parent')`,
    );
    expect(parents).toHaveLength(first.city.parents);
    for (const p of parents) {
      expect(p.username).toMatch(/^0[3789]\d{8}$/);
      expect(p.phone).toBe(p.username);
      expect(p.children).toBeGreaterThanOrEqual(1);
      expect(p.parent_roles).toBeGreaterThanOrEqual(1);
    }
    const shared = parents.filter((p) => p.children > 1).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared / parents.length).toBeLessThan(0.15);
  });

  it('staffs every institution (1–3 managers, a teacher per class and a few) and gives each class a homeroom teacher; one officer per commune', async () => {
    const staff = await ds.query<Array<{ kind: string; classes: number; managers: number; teachers: number; homerooms: number }>>(
      `SELECT i.institution_kind AS kind,
              (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = i.id AND c.type = 'class') AS classes,
              (SELECT count(*)::int FROM role_assignment r WHERE r.unit_id = i.id AND r.role = 'institution_manager') AS managers,
              (SELECT count(*)::int FROM role_assignment r WHERE r.unit_id = i.id AND r.role = 'teacher') AS teachers,
              (SELECT count(DISTINCT c.id)::int FROM org_unit c JOIN role_assignment r ON r.unit_id = c.id AND r.role = 'teacher' WHERE c.parent_id = i.id) AS homerooms
         FROM org_unit i WHERE i.type = 'institution'`,
    );
    for (const s of staff) {
      expect(s.managers).toBeGreaterThanOrEqual(1);
      expect(s.managers).toBeLessThanOrEqual(3);
      expect(s.teachers).toBeGreaterThan(s.classes);
      expect(s.teachers).toBeLessThanOrEqual(s.classes + 3);
      expect(s.homerooms).toBe(s.classes);
    }
    const officers = await ds.query<Array<{ role: string; type: string; n: number }>>(
      `SELECT r.role, u.type, count(*)::int AS n FROM role_assignment r JOIN org_unit u ON u.id = r.unit_id
        WHERE r.role IN ('department_manager', 'commune_officer') GROUP BY r.role, u.type ORDER BY r.role`,
    );
    expect(officers).toEqual([
      { role: 'commune_officer', type: 'commune', n: first.city.communes },
      { role: 'department_manager', type: 'department', n: 1 },
    ]);
    const codes = await one<{ bad: number }>(ds, `SELECT count(*)::int AS bad FROM user_account WHERE person_code IS NOT NULL AND person_code !~ '^031[0-3][0-9]{8}$'`);
    expect(codes.bad).toBe(0);
  });

  it('adds nothing when run again with the same arguments', async () => {
    const before = await tableCounts(ds);
    const again = await seedCity(ds, oneTimeCodes(), { students: STUDENTS, seed: SEED });
    expect(again.created).toEqual({ units: 0, classes: 0, students: 0, staff: 0, parents: 0, roles: 0 });
    expect(again.skipped).toBe(0);
    expect(again.city).toEqual(first.city);
    expect(await tableCounts(ds)).toEqual(before);
  });

  it('writes the same city for the same seed into another database, and another city for another seed', async () => {
    const other = await createTestDatabase();
    const otherDs = await open(other);
    try {
      await seedCity(otherDs, oneTimeCodes(), { students: STUDENTS, seed: SEED });
      expect(await fingerprint(otherDs)).toBe(await fingerprint(ds));
    } finally {
      await otherDs.destroy();
      await other.drop();
    }
    const codesOf = (seed: number) => {
      const people = new PeopleGenerator(seed);
      return planCity(STUDENTS, seed).institutions.flatMap((i) => people.students(i).map((s) => s.studentCode));
    };
    expect(codesOf(SEED)).toEqual(codesOf(SEED));
    expect(codesOf(SEED + 1)).not.toEqual(codesOf(SEED));
  });

  it('leaves room for the demo: seed:demo on top of a seeded city collides with nobody', async () => {
    const demo = await seedDemo(ds, oneTimeCodes());
    expect(demo.created.students).toBe(demo.city.students - 1);
    expect(demo.created.accounts).toBe(9);
  });
});

describe('seed:demo — known accounts for trying the app (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await open(db);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('creates the small city and one known account per role, with the demo password', async () => {
    const result = await seedDemo(ds, oneTimeCodes());
    expect(result.password).toBe('Demo-2026!');
    expect(result.changes).toBeGreaterThan(0);
    expect(result.accounts.map((a) => a.username)).toEqual(['quantri', 'so.quanly', 'phuong.canbo', 'truong.quanly', 'gv.lan', 'tacgia', 'hs.an', 'ph.an', 'nguoidan']);
    const units = await one<{ departments: number; communes: number; schools: number; classes: number }>(
      ds,
      `SELECT count(*) FILTER (WHERE type = 'department')::int AS departments, count(*) FILTER (WHERE type = 'commune')::int AS communes,
              count(*) FILTER (WHERE type = 'institution')::int AS schools, count(*) FILTER (WHERE type = 'class')::int AS classes FROM org_unit`,
    );
    expect(units).toEqual({ departments: 1, communes: 2, schools: 3, classes: result.city.classes });
    const kinds = await ds.query<Array<{ institution_kind: string }>>(`SELECT institution_kind FROM org_unit WHERE type = 'institution' ORDER BY institution_kind`);
    expect(kinds.map((k) => k.institution_kind)).toEqual(['lower_secondary', 'primary', 'upper_secondary']);

    const roles = await ds.query<Array<{ username: string; role: string; unit_type: string | null; unit: string | null; kind: string | null; must_change: boolean; hash: string }>>(
      `SELECT a.username, r.role, u.type AS unit_type, u.name AS unit, coalesce(u.institution_kind, p.institution_kind) AS kind,
              a.must_change_password AS must_change, a.password_hash AS hash
         FROM user_account a JOIN role_assignment r ON r.user_id = a.id
         LEFT JOIN org_unit u ON u.id = r.unit_id LEFT JOIN org_unit p ON p.id = u.parent_id
        WHERE a.username = ANY($1::text[]) ORDER BY a.username`,
      [result.accounts.map((a) => a.username)],
    );
    const by = new Map(roles.map((r) => [r.username, r]));
    expect(roles).toHaveLength(9);
    expect(by.get('quantri')).toMatchObject({ role: 'administrator', unit_type: null });
    expect(by.get('so.quanly')).toMatchObject({ role: 'department_manager', unit_type: 'department' });
    expect(by.get('phuong.canbo')).toMatchObject({ role: 'commune_officer', unit_type: 'commune' });
    expect(by.get('phuong.canbo')!.unit).toMatch(/^Phường /);
    expect(by.get('truong.quanly')).toMatchObject({ role: 'institution_manager', unit_type: 'institution', kind: 'primary' });
    expect(by.get('gv.lan')).toMatchObject({ role: 'teacher', unit_type: 'class', unit: '4A1', kind: 'primary' });
    expect(by.get('tacgia')).toMatchObject({ role: 'author' });
    expect(by.get('hs.an')).toMatchObject({ role: 'student', unit_type: 'class', unit: '4A1', kind: 'primary' });
    expect(by.get('ph.an')).toMatchObject({ role: 'parent', unit_type: 'institution', kind: 'primary' });
    expect(by.get('nguoidan')).toMatchObject({ role: 'learner', unit_type: null });
    for (const r of roles) {
      expect(r.must_change).toBe(false);
      expect(r.hash).toMatch(/^\$argon2id\$/);
    }
    expect(await verifyPassword(by.get('gv.lan')!.hash, DEMO_PASSWORD)).toBe(true);
    const link = await one<{ n: number }>(
      ds,
      `SELECT count(*)::int AS n FROM parent_link pl JOIN user_account p ON p.id = pl.parent_id JOIN user_account c ON c.id = pl.child_id
        WHERE p.username = 'ph.an' AND c.username = 'hs.an'`,
    );
    expect(link.n).toBe(1);
    // The pupils around them: 20 a class (21 in 4A1, with hs.an), each with a parent.
    const pupils = await ds.query<Array<{ name: string; pupils: number; with_parent: number }>>(
      `SELECT c.name, count(*)::int AS pupils, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM parent_link pl WHERE pl.child_id = r.user_id))::int AS with_parent
         FROM org_unit c JOIN role_assignment r ON r.unit_id = c.id AND r.role = 'student' WHERE c.type = 'class' GROUP BY c.id`,
    );
    for (const p of pupils) {
      expect(p.pupils).toBeGreaterThanOrEqual(20);
      expect(p.with_parent).toBe(p.pupils);
    }
  });

  it('changes nothing when run again', async () => {
    const before = await fingerprint(ds);
    const counts = await tableCounts(ds);
    const again = await seedDemo(ds, oneTimeCodes());
    expect(again.changes).toBe(0);
    expect(await tableCounts(ds)).toEqual(counts);
    expect(await fingerprint(ds)).toBe(before);
  });

  it('puts back the demo password of a known account that lost it', async () => {
    await ds.query(`UPDATE user_account SET password_hash = NULL, must_change_password = true WHERE username = 'tacgia'`);
    const again = await seedDemo(ds, oneTimeCodes());
    expect(again.repaired).toBe(1);
    expect(again.changes).toBe(1);
    const { hash } = await one<{ hash: string }>(ds, `SELECT password_hash AS hash FROM user_account WHERE username = 'tacgia'`);
    expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true);
  });
});

describe('scripts/seed.mjs arguments (no database)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'scripts/seed.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

  it.each([
    [['city', '--students', 'abc'], '--students phải là một số nguyên dương', '--students must be a positive whole number'],
    [['city', '--students', '-5'], '--students không được là số âm', 'cannot be negative'],
    [['city', '--students=2000001'], '--students tối đa là 2.000.000', 'at most 2,000,000'],
    [['town'], 'cần chọn "city" hoặc "demo"', 'choose "city" or "demo"'],
  ])('%j is refused in Vietnamese, then English, with a non-zero exit', (args, vi, en) => {
    const result = run(...args);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(vi);
    expect(result.stderr).toContain(en);
    expect(result.stderr.indexOf(vi)).toBeLessThan(result.stderr.indexOf(en));
    expect(result.stdout).not.toContain('PostgreSQL');
  });
});
