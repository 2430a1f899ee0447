// `npm run seed:demo`: a small city to try the platform with — one Department, two communes, a
// primary, a lower-secondary and an upper-secondary school with a few classes of ~20 pupils (with
// parents) — and known accounts, one per role, all with the password DEMO_PASSWORD. For trying the
// app only: never on an installation with real people. Idempotent: a second run changes nothing.
import { hashPassword, type OneTimeCodes, type Role, verifyPassword } from '@lms/identity';
import type { InstitutionKind } from '@lms/org';
import type { DataSource, EntityManager } from 'typeorm';
import { RosterWriter } from '../import/roster-writer';
import { birthYearOfGrade, type ClassPlan, type InstitutionPlan, PeopleGenerator } from './city-plan';
import { DEPARTMENT_NAME } from './hai-phong';
import { ensureUnit, type SeedUnit, withSeedLock } from './seed-units';

/** The one password of every demo account (letters, digits, a symbol: it passes the password policy). */
export const DEMO_PASSWORD = 'Demo-2026!';
const DEMO_SEED = 20262027;
const PUPILS_PER_CLASS = 20;
const HOMEROOM_CLASS = '4A1';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  roleLabel: { vi: string; en: string };
  /** Where the role is held (null: the whole installation). */
  unit: string | null;
}

export interface SeedDemoResult {
  password: string;
  accounts: DemoAccount[];
  /** Everything this run created or repaired; 0 when the demo data was already complete. */
  changes: number;
  created: { units: number; classes: number; students: number; staff: number; parents: number; accounts: number; roles: number; links: number };
  /** Known accounts whose password, status or must-change flag had to be put back. */
  repaired: number;
  city: { communes: number; institutions: number; classes: number; students: number };
  seconds: number;
}

const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  administrator: { vi: 'Quản trị hệ thống', en: 'administrator' },
  department_manager: { vi: 'Quản lý Sở GDĐT', en: 'department manager' },
  commune_officer: { vi: 'Cán bộ xã/phường', en: 'commune officer' },
  institution_manager: { vi: 'Cán bộ quản lý trường', en: 'institution manager' },
  teacher: { vi: 'Giáo viên chủ nhiệm', en: 'homeroom teacher' },
  author: { vi: 'Tác giả học liệu', en: 'course author' },
  student: { vi: 'Học sinh', en: 'student' },
  parent: { vi: 'Phụ huynh', en: 'parent' },
  learner: { vi: 'Người dân', en: 'community learner' },
};

interface DemoSchool {
  name: string;
  kind: InstitutionKind;
  commune: 0 | 1;
  grades: Array<[grade: number, letter: string]>;
}

const COMMUNES = [
  { name: 'Phường Lê Chân', kind: 'phuong' as const },
  { name: 'Xã An Lão', kind: 'xa' as const },
];

const SCHOOLS: DemoSchool[] = [
  { name: 'Trường Tiểu học Lê Văn Tám', kind: 'primary', commune: 0, grades: [[1, 'A1'], [4, 'A1'], [4, 'A2']] },
  { name: 'Trường THCS Chu Văn An', kind: 'lower_secondary', commune: 0, grades: [[6, 'A1'], [9, 'A1']] },
  { name: 'Trường THPT An Lão', kind: 'upper_secondary', commune: 1, grades: [[10, 'A1'], [12, 'A1']] },
];

function schoolPlan(school: DemoSchool, index: number): InstitutionPlan {
  const classes: ClassPlan[] = school.grades.map(([grade, letter]) => ({ name: `${grade}${letter}`, grade, birthYear: birthYearOfGrade(grade), size: PUPILS_PER_CLASS }));
  // The primary school's manager is the known account truong.quanly.
  const managers = school.kind === 'primary' ? 0 : 1;
  return { index, name: school.name, kind: school.kind, ownership: 'public', commune: school.commune, students: classes.length * PUPILS_PER_CLASS, classes, managers, teachers: classes.length + 1 };
}

interface KnownSpec {
  username: string;
  displayName: string;
  role: Role;
  unit: { id: string; name: string } | null;
  dateOfBirth?: string;
  personCode?: string;
  phone?: string;
}

export async function seedDemo(dataSource: DataSource, codes: OneTimeCodes): Promise<SeedDemoResult> {
  const started = Date.now();
  await codes.ensureKey();
  // Codes and phone numbers from the ranges no seeded city uses.
  const people = new PeopleGenerator(DEMO_SEED, { reserved: true, withoutParent: 0 });
  const hsAnCode = people.personCode('male', birthYearOfGrade(4));
  const phAnPhone = people.phone();
  const plans = SCHOOLS.map(schoolPlan);
  const roster = plans.map((plan) => people.institution(plan));
  const created = { units: 0, classes: 0, students: 0, staff: 0, parents: 0, accounts: 0, roles: 0, links: 0 };
  let repaired = 0;
  const accounts: DemoAccount[] = [];
  const countUnit = (unit: SeedUnit) => {
    if (unit.created) created.units++;
    return unit;
  };

  await withSeedLock(dataSource, () =>
    dataSource.transaction(async (em) => {
      const department = countUnit(await ensureUnit(em, null, { type: 'department', name: DEPARTMENT_NAME }));
      const communes: SeedUnit[] = [];
      for (const c of COMMUNES) communes.push(countUnit(await ensureUnit(em, department, { type: 'commune', name: c.name, communeKind: c.kind })));
      const schools: SeedUnit[] = [];
      for (const [i, plan] of plans.entries()) {
        const unit = countUnit(await ensureUnit(em, communes[plan.commune!], { type: 'institution', name: plan.name, institutionKind: plan.kind, ownership: 'public' }));
        schools.push(unit);
        const classesBefore = await classIds(em, unit.id);
        const writer = new RosterWriter(em, codes, unit, async () => new Set<string>(), async () => undefined);
        const students = await writer.writeStudents(roster[i].students);
        const staff = await writer.writeStaff(roster[i].staff);
        const refused = [...students.errors, ...staff.errors];
        if (refused.length > 0) {
          throw new Error(`Không ghi được dữ liệu mẫu / the demo roster was refused: ${refused[0].vi} / ${refused[0].en}`);
        }
        created.students += students.created;
        created.parents += students.parentsCreated;
        created.staff += staff.created;
        created.classes += (await classIds(em, unit.id)).size - classesBefore.size;
        const homerooms = roster[i].homerooms.filter((h) => !(plan.kind === 'primary' && h.className === HOMEROOM_CLASS));
        const inserted = await em.query<Array<{ id: string }>>(
          `INSERT INTO role_assignment (user_id, role, unit_id)
           SELECT a.id, 'teacher', c.id
             FROM unnest($1::text[], $2::text[]) AS t(code, class_name)
             JOIN user_account a ON a.person_code = t.code
             JOIN org_unit c ON c.parent_id = $3 AND c.type = 'class' AND c.archived_at IS NULL AND lower(c.name) = lower(t.class_name)
           ON CONFLICT DO NOTHING RETURNING id`,
          [homerooms.map((h) => h.staffCode), homerooms.map((h) => h.className), unit.id],
        );
        created.roles += inserted.length;
      }
      const primary = schools[0];
      const classes = await classIds(em, primary.id);
      const homeroom = { id: classes.get(HOMEROOM_CLASS.toLowerCase())!, name: `${HOMEROOM_CLASS}, ${primary.name}` };

      const known: KnownSpec[] = [
        { username: 'quantri', displayName: 'Quản trị hệ thống (thử nghiệm)', role: 'administrator', unit: null },
        { username: 'so.quanly', displayName: 'Nguyễn Văn Thành', role: 'department_manager', unit: department },
        { username: 'phuong.canbo', displayName: 'Lê Thị Hồng', role: 'commune_officer', unit: communes[0] },
        { username: 'truong.quanly', displayName: 'Phạm Minh Tuấn', role: 'institution_manager', unit: primary },
        { username: 'gv.lan', displayName: 'Trần Thị Lan', role: 'teacher', unit: homeroom },
        { username: 'tacgia', displayName: 'Vũ Ngọc Anh', role: 'author', unit: department },
        { username: 'hs.an', displayName: 'Nguyễn Minh An', role: 'student', unit: homeroom, dateOfBirth: `${birthYearOfGrade(4)}-03-15`, personCode: hsAnCode },
        { username: 'ph.an', displayName: 'Nguyễn Văn Bình', role: 'parent', unit: primary, phone: phAnPhone },
        { username: 'nguoidan', displayName: 'Đỗ Thị Mai', role: 'learner', unit: null },
      ];
      const ids = new Map<string, string>();
      for (const spec of known) {
        const outcome = await ensureKnownAccount(em, spec);
        ids.set(spec.username, outcome.id);
        if (outcome.created) created.accounts++;
        if (outcome.repaired) repaired++;
        if (outcome.roleAdded) created.roles++;
        accounts.push({ username: spec.username, displayName: spec.displayName, role: spec.role, roleLabel: ROLE_LABELS[spec.role], unit: spec.unit?.name ?? null });
      }
      const links = await em.query<Array<{ parent_id: string }>>(
        'INSERT INTO parent_link (parent_id, child_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING parent_id',
        [ids.get('ph.an'), ids.get('hs.an')],
      );
      created.links += links.length;
    }),
  );

  const changes = Object.values(created).reduce((a, b) => a + b, 0) + repaired;
  const classes = plans.reduce((n, p) => n + p.classes.length, 0);
  return {
    password: DEMO_PASSWORD,
    accounts,
    changes,
    created,
    repaired,
    city: { communes: COMMUNES.length, institutions: plans.length, classes, students: plans.reduce((n, p) => n + p.students, 0) + 1 },
    seconds: (Date.now() - started) / 1000,
  };
}

async function classIds(em: EntityManager, institutionId: string): Promise<Map<string, string>> {
  const rows = await em.query<Array<{ id: string; name: string }>>(`SELECT id, name FROM org_unit WHERE parent_id = $1 AND type = 'class' AND archived_at IS NULL`, [institutionId]);
  return new Map(rows.map((r) => [r.name.toLocaleLowerCase('vi'), r.id]));
}

/**
 * Creates the account with the demo password, or — when it is there — puts back what a demo
 * account needs (the demo password, active, no forced change), and gives it its role.
 */
async function ensureKnownAccount(em: EntityManager, spec: KnownSpec): Promise<{ id: string; created: boolean; repaired: boolean; roleAdded: boolean }> {
  const [found] = await em.query<Array<{ id: string; password_hash: string | null; must_change_password: boolean; status: string }>>(
    'SELECT id, password_hash, must_change_password, status FROM user_account WHERE lower(username) = lower($1)',
    [spec.username],
  );
  let id: string;
  let created = false;
  let repaired = false;
  if (!found) {
    const [row] = await em.query<Array<{ id: string }>>(
      `INSERT INTO user_account (username, display_name, date_of_birth, person_code, phone, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, false) RETURNING id`,
      [spec.username, spec.displayName, spec.dateOfBirth ?? null, spec.personCode ?? null, spec.phone ?? null, await hashPassword(DEMO_PASSWORD)],
    );
    id = row.id;
    created = true;
  } else {
    id = found.id;
    if (found.must_change_password || found.status !== 'active' || !(await verifyPassword(found.password_hash, DEMO_PASSWORD))) {
      await em.query(
        `UPDATE user_account SET password_hash = $2, must_change_password = false, status = 'active', one_time_code_hash = NULL,
                failed_login_count = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
        [id, await hashPassword(DEMO_PASSWORD)],
      );
      repaired = true;
    }
  }
  const role = await em.query<Array<{ id: string }>>(
    'INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id',
    [id, spec.role, spec.unit?.id ?? null],
  );
  return { id, created, repaired, roleAdded: role.length > 0 };
}
