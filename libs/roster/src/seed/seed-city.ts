// `npm run seed:city -- --students N`: a realistic synthetic Hải Phòng written into the database —
// the Department, communes, institutions, classes, students with parents, staff, a department
// manager and one officer per commune. Students, parents and staff go through the roster writer
// (the same code path as a roster import), one institution per transaction. Deterministic for a
// seed, and matched by code: a second run with the same arguments adds nothing.
import type { OneTimeCodes } from '@lms/identity';
import type { DataSource, EntityManager } from 'typeorm';
import { RosterWriter, type WriteOutcome } from '../import/roster-writer';
import type { RowError } from '../parse/roster-errors';
import { type InstitutionPlan, MAX_SEED_STUDENTS, PeopleGenerator, planCity } from './city-plan';
import { ensureOfficers, ensureUnit, type SeedUnit, withSeedLock } from './seed-units';

export interface SeedCityProgress {
  studentsDone: number;
  studentsTotal: number;
  institutionsDone: number;
  institutionsTotal: number;
}

export interface SeedCityOptions {
  students: number;
  seed: number;
  onProgress?: (progress: SeedCityProgress) => void | Promise<void>;
}

export interface SeedCityResult {
  /** The city this seed describes (whether written now or by an earlier run). */
  city: { students: number; staff: number; parents: number; institutions: number; communes: number; classes: number };
  /** What this run added. */
  created: { units: number; classes: number; students: number; staff: number; parents: number; roles: number };
  /** People whose generated code or username already belongs to someone outside the seeded unit (left out). */
  skipped: number;
  seconds: number;
}

/** Bilingual message for a student count outside 1 … 2,000,000 (also used by scripts/seed.mjs). */
export function checkSeedCityOptions(options: Pick<SeedCityOptions, 'students' | 'seed'>): void {
  if (!Number.isSafeInteger(options.students) || options.students < 1 || options.students > MAX_SEED_STUDENTS) {
    throw new RangeError(
      `Số học sinh phải là số nguyên từ 1 đến ${MAX_SEED_STUDENTS.toLocaleString('en-US')} / ` +
        `the number of students must be a whole number from 1 to ${MAX_SEED_STUDENTS.toLocaleString('en-US')} (got ${options.students}).`,
    );
  }
  if (!Number.isSafeInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    throw new RangeError(`Seed phải là số nguyên từ 0 đến 4294967295 / the seed must be a whole number from 0 to 4294967295 (got ${options.seed}).`);
  }
}

/**
 * Writes the roster of `rows` with the roster writer; rows it refuses (a code or username that
 * already belongs to someone outside this institution) are left out and counted, and the rest written.
 */
async function writeSkipping<T extends { row: number }>(rows: T[], write: (rows: T[]) => Promise<WriteOutcome>): Promise<{ outcome: WriteOutcome; skipped: number }> {
  let remaining = rows;
  let skipped = 0;
  for (;;) {
    const outcome = await write(remaining);
    if (outcome.errors.length === 0) return { outcome, skipped };
    const refused = new Set(outcome.errors.map((e: RowError) => e.row));
    const kept = remaining.filter((r) => !refused.has(r.row));
    if (kept.length === remaining.length) throw new Error(`roster writer refused rows it did not name: ${outcome.errors[0].en}`);
    skipped += remaining.length - kept.length;
    remaining = kept;
  }
}

export async function seedCity(dataSource: DataSource, codes: OneTimeCodes, options: SeedCityOptions): Promise<SeedCityResult> {
  checkSeedCityOptions(options);
  const started = Date.now();
  await codes.ensureKey();
  const plan = planCity(options.students, options.seed);
  const people = new PeopleGenerator(options.seed);
  const created = { units: 0, classes: 0, students: 0, staff: 0, parents: 0, roles: 0 };
  let skipped = 0;
  let studentsDone = 0;
  let institutionsDone = 0;
  let analyzedAt = 0;
  const analyzeEvery = Math.max(10_000, Math.ceil(plan.students / 5));

  const countUnit = (unit: SeedUnit) => {
    if (unit.created) created.units++;
    return unit;
  };

  async function writeInstitution(parent: SeedUnit, inst: InstitutionPlan): Promise<void> {
    const { students, staff, homerooms } = people.institution(inst);
    await dataSource.transaction(async (em: EntityManager) => {
      const unit = countUnit(await ensureUnit(em, parent, { type: 'institution', name: inst.name, institutionKind: inst.kind, ownership: inst.ownership }));
      // The same lock a roster import of this school takes: never both at once.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`roster:${unit.id}`]);
      const classesBefore = await countClasses(em, unit.id);
      const writer = new RosterWriter(em, codes, unit, async () => new Set<string>(), async () => undefined);
      if (students.length > 0) {
        const result = await writeSkipping(students, (rows) => writer.writeStudents(rows));
        created.students += result.outcome.created;
        created.parents += result.outcome.parentsCreated;
        skipped += result.skipped;
      }
      const staffResult = await writeSkipping(staff, (rows) => writer.writeStaff(rows));
      created.staff += staffResult.outcome.created;
      skipped += staffResult.skipped;
      created.classes += (await countClasses(em, unit.id)) - classesBefore;
      if (homerooms.length > 0) {
        const rows = await em.query<Array<{ id: string }>>(
          `INSERT INTO role_assignment (user_id, role, unit_id)
           SELECT a.id, 'teacher', c.id
             FROM unnest($1::text[], $2::text[]) AS t(code, class_name)
             JOIN user_account a ON a.person_code = t.code
             JOIN org_unit c ON c.parent_id = $3 AND c.type = 'class' AND c.archived_at IS NULL AND lower(c.name) = lower(t.class_name)
           ON CONFLICT DO NOTHING RETURNING id`,
          [homerooms.map((h) => h.staffCode), homerooms.map((h) => h.className), unit.id],
        );
        created.roles += rows.length;
      }
    });
    studentsDone += inst.students;
    institutionsDone++;
    // Whenever the tables have about doubled (then every fifth of the city): stale statistics make the planner choose badly.
    const written = created.students + created.parents + created.staff;
    if (written - analyzedAt >= Math.min(analyzeEvery, Math.max(1000, analyzedAt))) {
      analyzedAt = written;
      await analyze(dataSource);
    }
    await options.onProgress?.({ studentsDone, studentsTotal: plan.students, institutionsDone, institutionsTotal: plan.institutions.length });
  }

  await withSeedLock(dataSource, async () => {
    await analyze(dataSource);
    const department = countUnit(await ensureUnit(dataSource.manager, null, { type: 'department', name: plan.departmentName }));
    const manager = people.officer();
    await addOfficers(dataSource, codes, [{ ...manager, role: 'department_manager', unitId: department.id }], created, (n) => (skipped += n));
    for (const commune of plan.communes) {
      const unit = countUnit(await ensureUnit(dataSource.manager, department, { type: 'commune', name: commune.name, communeKind: commune.kind }));
      const officer = people.officer();
      await addOfficers(dataSource, codes, [{ ...officer, role: 'commune_officer', unitId: unit.id }], created, (n) => (skipped += n));
      for (const inst of commune.institutions) await writeInstitution(unit, inst);
    }
    for (const inst of plan.departmentInstitutions) await writeInstitution(department, inst);
    if (created.students + created.parents + created.staff > analyzedAt) await analyze(dataSource);
  });

  return {
    city: {
      students: plan.students,
      staff: plan.staff,
      parents: people.parents,
      institutions: plan.institutions.length,
      communes: plan.communes.length,
      classes: plan.classes,
    },
    created,
    skipped,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Fresh planner statistics for the tables a seed fills. Without them, right after a bulk load
 * PostgreSQL still believes the tables are tiny and picks plans (sequential scans inside the roster
 * writer's per-person look-ups) that make a second run of 100,000 students take 40 s instead of 7.
 * Autovacuum gets there too, but only a minute or more later. Skipped (with a server warning) when
 * the database user does not own the tables.
 */
async function analyze(dataSource: DataSource): Promise<void> {
  await dataSource.query('ANALYZE user_account, role_assignment, parent_link, org_unit');
}

async function countClasses(em: EntityManager, institutionId: string): Promise<number> {
  const [row] = await em.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM org_unit WHERE parent_id = $1 AND type = 'class'`, [institutionId]);
  return row.n;
}

async function addOfficers(
  dataSource: DataSource,
  codes: OneTimeCodes,
  officers: Parameters<typeof ensureOfficers>[2],
  created: SeedCityResult['created'],
  skip: (n: number) => void,
): Promise<void> {
  const result = await dataSource.transaction((em) => ensureOfficers(em, codes, officers));
  created.staff += result.accounts;
  created.roles += result.roles;
  skip(result.skipped);
}
