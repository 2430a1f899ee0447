// Org units and officer accounts for the seeds, written directly (the roster writer covers only
// what sits under one institution). Everything is matched before it is inserted, so a second run
// finds what the first wrote and adds nothing.
import { randomUUID } from 'node:crypto';
import type { OneTimeCodes } from '@lms/identity';
import type { CommuneKind, InstitutionKind, OrgUnitType, Ownership } from '@lms/org';
import type { DataSource, EntityManager } from 'typeorm';

export interface SeedUnit {
  id: string;
  name: string;
  path: string;
  created: boolean;
}

export interface UnitSpec {
  type: OrgUnitType;
  name: string;
  communeKind?: CommuneKind;
  institutionKind?: InstitutionKind;
  ownership?: Ownership;
}

/** Finds the unit called `name` (case-insensitively) of this type under `parent`, or creates it. */
export async function ensureUnit(em: EntityManager, parent: SeedUnit | null, spec: UnitSpec): Promise<SeedUnit> {
  const [found] = await em.query<Array<{ id: string; name: string; path: string }>>(
    `SELECT id, name, path FROM org_unit
      WHERE type = $1 AND parent_id IS NOT DISTINCT FROM $2::uuid AND lower(name) = lower($3) AND archived_at IS NULL
      ORDER BY created_at LIMIT 1`,
    [spec.type, parent?.id ?? null, spec.name],
  );
  if (found) return { ...found, created: false };
  const id = randomUUID();
  const path = `${parent?.path ?? ''}${id}/`;
  await em.query(
    `INSERT INTO org_unit (id, type, name, parent_id, path, commune_kind, institution_kind, ownership)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, spec.type, spec.name, parent?.id ?? null, path, spec.communeKind ?? null, spec.institutionKind ?? null, spec.ownership ?? null],
  );
  return { id, name: spec.name, path, created: true };
}

export interface OfficerSpec {
  code: string;
  fullName: string;
  phone: string;
  role: 'department_manager' | 'commune_officer';
  unitId: string;
}

/**
 * Department managers and commune officers: accounts matched by their code (username = code, as
 * the roster writer names staff), with a one-time sign-in code like any imported account, and
 * their role on their unit. Returns how many accounts and role assignments were new, and how many
 * were skipped because their username already belongs to someone else.
 */
export async function ensureOfficers(em: EntityManager, codes: OneTimeCodes, officers: OfficerSpec[]): Promise<{ accounts: number; roles: number; skipped: number }> {
  if (officers.length === 0) return { accounts: 0, roles: 0, skipped: 0 };
  const known = await em.query<Array<{ id: string; person_code: string | null; username: string }>>(
    'SELECT id, person_code, lower(username) AS username FROM user_account WHERE person_code = ANY($1::text[]) OR lower(username) = ANY($1::text[])',
    [officers.map((o) => o.code)],
  );
  const byCode = new Map(known.filter((k) => k.person_code).map((k) => [k.person_code!, k.id]));
  const takenNames = new Set(known.filter((k) => !k.person_code || !officers.some((o) => o.code === k.person_code)).map((k) => k.username));
  const fresh = officers.filter((o) => !byCode.has(o.code) && !takenNames.has(o.code.toLowerCase()));
  const skipped = officers.filter((o) => !byCode.has(o.code) && takenNames.has(o.code.toLowerCase())).length;
  if (fresh.length > 0) {
    const inserted = await em.query<Array<{ id: string; person_code: string }>>(
      `INSERT INTO user_account (username, display_name, phone, person_code, one_time_code_hash, must_change_password)
       SELECT c, n, p, c, h, true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(c, n, p, h)
       RETURNING id, person_code`,
      [fresh.map((o) => o.code), fresh.map((o) => o.fullName), fresh.map((o) => o.phone), fresh.map(() => codes.issue().hash)],
    );
    for (const row of inserted) byCode.set(row.person_code, row.id);
  }
  const placed = officers.filter((o) => byCode.has(o.code));
  const roles = await em.query<Array<{ id: string }>>(
    `INSERT INTO role_assignment (user_id, role, unit_id)
     SELECT u, r, k FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS t(u, r, k)
     ON CONFLICT DO NOTHING RETURNING id`,
    [placed.map((o) => byCode.get(o.code)!), placed.map((o) => o.role), placed.map((o) => o.unitId)],
  );
  return { accounts: fresh.length, roles: roles.length, skipped };
}

/**
 * Holds a session-level advisory lock for the duration of `work`, so two seeds (or a city and a
 * demo seed) never build the same communes side by side.
 */
export async function withSeedLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('lms:seed'))`);
    try {
      return await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('lms:seed'))`);
    }
  } finally {
    await runner.release();
  }
}
