import { randomUUID } from 'node:crypto';
import type { OneTimeCodes } from '@lms/identity';
import type { EntityManager } from 'typeorm';
import type { RowError } from '../parse/roster-errors';
import type { StaffRow, StudentRow } from '../parse/parse-roster';
import type { AccountSlip, SlipGroup } from '../slips/account-slips';

/** Rows written per statement batch; progress is reported after each. */
export const ROSTER_BATCH = 2000;

export interface Institution {
  id: string;
  name: string;
  path: string;
}

export interface WriteOutcome {
  created: number;
  updated: number;
  unchanged: number;
  parentsCreated: number;
  /** Problems only the database can see (a code that belongs to another school, a username taken). */
  errors: RowError[];
  slips: SlipGroup[];
}

interface Existing {
  id: string;
  person_code: string;
  username: string;
  display_name: string;
  dob: string | null;
  email: string | null;
  phone: string | null;
  /** Units of the person's student roles (students) or roles on this institution (staff). */
  units: string[] | null;
  roles: string[] | null;
}

const STAFF_ROLES = ['teacher', 'institution_manager', 'author'];

const lower = (s: string) => s.toLocaleLowerCase('vi');
const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Writes a validated roster into the database inside the caller's transaction: one statement per
 * batch of rows (arrays through unnest), never one per row. People are matched by their code, so a
 * re-import of the same file changes nothing and an edited file updates in place.
 *
 * `mayTake` answers which existing people (found by code, but held by another unit) the importer
 * may move into this institution — the access service's answer for the importing manager.
 */
export class RosterWriter {
  constructor(
    private readonly em: EntityManager,
    private readonly codes: OneTimeCodes,
    private readonly institution: Institution,
    private readonly mayTake: (userIds: string[]) => Promise<Set<string>>,
    private readonly onProgress: (done: number) => Promise<void>,
  ) {}

  // -----------------------------------------------------------------------------------------
  // Students
  // -----------------------------------------------------------------------------------------

  async writeStudents(rows: StudentRow[]): Promise<WriteOutcome> {
    const existing = await this.existingByCode(rows.map((r) => r.studentCode), 'student');
    const errors = await this.checkOwnership(rows.map((r) => ({ row: r.row, code: r.studentCode })), existing, 'Mã định danh');
    errors.push(...(await this.checkUsernames(rows.filter((r) => !existing.has(r.studentCode)).map((r) => ({ row: r.row, username: lower(r.studentCode) })))));
    if (errors.length > 0) return { created: 0, updated: 0, unchanged: 0, parentsCreated: 0, errors, slips: [] };

    const classes = await this.ensureClasses(rows);
    const parents = await this.existingParents(rows);
    const groups = new Map<string, AccountSlip[]>();
    const slip = (className: string, s: AccountSlip) => {
      const title = `Lớp ${className}`;
      if (!groups.has(title)) groups.set(title, []);
      groups.get(title)!.push(s);
    };
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let parentsCreated = 0;
    let done = 0;

    for (const batch of chunks(rows, ROSTER_BATCH)) {
      const fresh = batch.filter((r) => !existing.has(r.studentCode));
      const known = batch.filter((r) => existing.has(r.studentCode));

      // New students, their one-time codes and their class.
      const issued = fresh.map(() => this.codes.issue());
      const inserted = fresh.length === 0 ? [] : await this.em.query<Array<{ id: string; person_code: string }>>(
        `INSERT INTO user_account (username, display_name, date_of_birth, person_code, one_time_code_hash, must_change_password)
         SELECT u, n, d, c, h, true FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[]) AS t(u, n, d, c, h)
         RETURNING id, person_code`,
        [fresh.map((r) => lower(r.studentCode)), fresh.map((r) => r.fullName), fresh.map((r) => r.dateOfBirth), fresh.map((r) => r.studentCode), issued.map((c) => c.hash)],
      );
      const idOf = new Map<string, string>(inserted.map((r) => [r.person_code, r.id]));
      fresh.forEach((r, i) => slip(r.className, { fullName: r.fullName, username: lower(r.studentCode), oneTimeCode: issued[i].code, dateOfBirth: r.dateOfBirth, roleLabel: 'Học sinh' }));
      created += fresh.length;

      // Known students: name, date of birth, class.
      const changedFields = known.filter((r) => {
        const e = existing.get(r.studentCode)!;
        return e.display_name !== r.fullName || (e.dob ?? null) !== r.dateOfBirth;
      });
      if (changedFields.length > 0) {
        await this.em.query(
          `UPDATE user_account u SET display_name = t.n, date_of_birth = t.d, updated_at = now()
             FROM unnest($1::uuid[], $2::text[], $3::date[]) AS t(id, n, d) WHERE u.id = t.id`,
          [changedFields.map((r) => existing.get(r.studentCode)!.id), changedFields.map((r) => r.fullName), changedFields.map((r) => r.dateOfBirth)],
        );
      }
      const moved = known.filter((r) => {
        const units = existing.get(r.studentCode)!.units ?? [];
        return units.length !== 1 || units[0] !== classes.get(lower(r.className));
      });
      if (moved.length > 0) {
        // A student sits in one class at a time: the old class assignment goes, the new one comes.
        await this.em.query(`DELETE FROM role_assignment WHERE role = 'student' AND user_id = ANY($1::uuid[])`, [moved.map((r) => existing.get(r.studentCode)!.id)]);
      }
      for (const r of known) idOf.set(r.studentCode, existing.get(r.studentCode)!.id);
      const placed = [...fresh, ...moved];
      if (placed.length > 0) {
        await this.em.query(
          `INSERT INTO role_assignment (user_id, role, unit_id)
           SELECT u, 'student', k FROM unnest($1::uuid[], $2::uuid[]) AS t(u, k) ON CONFLICT DO NOTHING`,
          [placed.map((r) => idOf.get(r.studentCode)!), placed.map((r) => classes.get(lower(r.className))!)],
        );
      }

      // Parents: one account per phone number, linked to each of their children.
      const withParent = batch.filter((r) => r.parentPhone);
      const newParents = new Map<string, StudentRow>();
      for (const r of withParent) if (!parents.has(r.parentPhone!) && !newParents.has(r.parentPhone!)) newParents.set(r.parentPhone!, r);
      if (newParents.size > 0) {
        const list = [...newParents.values()];
        const parentCodes = list.map(() => this.codes.issue());
        const rowsIn = await this.em.query<Array<{ id: string; username: string }>>(
          `INSERT INTO user_account (username, display_name, phone, one_time_code_hash, must_change_password)
           SELECT u, n, u, h, true FROM unnest($1::text[], $2::text[], $3::text[]) AS t(u, n, h)
           RETURNING id, username`,
          [list.map((r) => r.parentPhone!), list.map((r) => r.parentName ?? `Phụ huynh em ${r.fullName}`), parentCodes.map((c) => c.hash)],
        );
        for (const p of rowsIn) parents.set(p.username, { id: p.id, linked: new Set() });
        list.forEach((r, i) =>
          slip(r.className, { fullName: r.parentName ?? `Phụ huynh em ${r.fullName}`, username: r.parentPhone!, oneTimeCode: parentCodes[i].code, roleLabel: `Phụ huynh của ${r.fullName}` }),
        );
        parentsCreated += list.length;
      }
      const links = withParent.filter((r) => !parents.get(r.parentPhone!)!.linked.has(idOf.get(r.studentCode)!));
      if (links.length > 0) {
        const parentIds = [...new Set(links.map((r) => parents.get(r.parentPhone!)!.id))];
        await this.em.query(
          `INSERT INTO role_assignment (user_id, role, unit_id) SELECT u, 'parent', $2::uuid FROM unnest($1::uuid[]) AS t(u) ON CONFLICT DO NOTHING`,
          [parentIds, this.institution.id],
        );
        await this.em.query(
          `INSERT INTO parent_link (parent_id, child_id) SELECT p, c FROM unnest($1::uuid[], $2::uuid[]) AS t(p, c) ON CONFLICT DO NOTHING`,
          [links.map((r) => parents.get(r.parentPhone!)!.id), links.map((r) => idOf.get(r.studentCode)!)],
        );
        for (const r of links) parents.get(r.parentPhone!)!.linked.add(idOf.get(r.studentCode)!);
      }

      const changed = new Set([...changedFields, ...moved, ...links.filter((r) => existing.has(r.studentCode))].map((r) => r.studentCode));
      updated += changed.size;
      unchanged += known.length - changed.size;
      done += batch.length;
      await this.onProgress(done);
    }
    return { created, updated, unchanged, parentsCreated, errors: [], slips: [...groups].map(([title, slips]) => ({ title, slips })) };
  }

  // -----------------------------------------------------------------------------------------
  // Staff
  // -----------------------------------------------------------------------------------------

  async writeStaff(rows: StaffRow[]): Promise<WriteOutcome> {
    const existing = await this.existingByCode(rows.map((r) => r.staffCode), 'staff');
    const errors = await this.checkOwnership(rows.map((r) => ({ row: r.row, code: r.staffCode })), existing, 'Mã cán bộ');
    errors.push(...(await this.checkUsernames(rows.filter((r) => !existing.has(r.staffCode)).map((r) => ({ row: r.row, username: lower(r.staffCode) })))));
    if (errors.length > 0) return { created: 0, updated: 0, unchanged: 0, parentsCreated: 0, errors, slips: [] };
    const slips: AccountSlip[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let done = 0;
    for (const batch of chunks(rows, ROSTER_BATCH)) {
      const fresh = batch.filter((r) => !existing.has(r.staffCode));
      const known = batch.filter((r) => existing.has(r.staffCode));
      const issued = fresh.map(() => this.codes.issue());
      const inserted = fresh.length === 0 ? [] : await this.em.query<Array<{ id: string; person_code: string }>>(
        `INSERT INTO user_account (username, display_name, email, phone, person_code, one_time_code_hash, must_change_password)
         SELECT u, n, e, p, c, h, true FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(u, n, e, p, c, h)
         RETURNING id, person_code`,
        [fresh.map((r) => lower(r.staffCode)), fresh.map((r) => r.fullName), fresh.map((r) => r.email), fresh.map((r) => r.phone), fresh.map((r) => r.staffCode), issued.map((c) => c.hash)],
      );
      const idOf = new Map<string, string>(inserted.map((r) => [r.person_code, r.id]));
      for (const r of known) idOf.set(r.staffCode, existing.get(r.staffCode)!.id);
      fresh.forEach((r, i) => slips.push({ fullName: r.fullName, username: lower(r.staffCode), oneTimeCode: issued[i].code, roleLabel: ROLE_LABELS[r.role] }));
      created += fresh.length;

      const changedFields = known.filter((r) => {
        const e = existing.get(r.staffCode)!;
        return e.display_name !== r.fullName || e.email !== r.email || e.phone !== r.phone;
      });
      if (changedFields.length > 0) {
        await this.em.query(
          `UPDATE user_account u SET display_name = t.n, email = t.e, phone = t.p, updated_at = now()
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, n, e, p) WHERE u.id = t.id`,
          [changedFields.map((r) => idOf.get(r.staffCode)!), changedFields.map((r) => r.fullName), changedFields.map((r) => r.email), changedFields.map((r) => r.phone)],
        );
      }
      // The file says which staff role each person holds in this school: other staff roles here go.
      const roleChanged = known.filter((r) => {
        const roles = existing.get(r.staffCode)!.roles ?? [];
        return roles.length !== 1 || roles[0] !== r.role;
      });
      if (roleChanged.length > 0) {
        await this.em.query(
          `DELETE FROM role_assignment WHERE user_id = ANY($1::uuid[]) AND unit_id = $2 AND role = ANY($3::text[])`,
          [roleChanged.map((r) => idOf.get(r.staffCode)!), this.institution.id, STAFF_ROLES],
        );
      }
      const placed = [...fresh, ...roleChanged];
      if (placed.length > 0) {
        await this.em.query(
          `INSERT INTO role_assignment (user_id, role, unit_id) SELECT u, r, $3::uuid FROM unnest($1::uuid[], $2::text[]) AS t(u, r) ON CONFLICT DO NOTHING`,
          [placed.map((r) => idOf.get(r.staffCode)!), placed.map((r) => r.role), this.institution.id],
        );
      }
      const changed = new Set([...changedFields, ...roleChanged].map((r) => r.staffCode));
      updated += changed.size;
      unchanged += known.length - changed.size;
      done += batch.length;
      await this.onProgress(done);
    }
    return { created, updated, unchanged, parentsCreated: 0, errors: [], slips: slips.length ? [{ title: 'Cán bộ, giáo viên', slips }] : [] };
  }

  // -----------------------------------------------------------------------------------------
  // Shared
  // -----------------------------------------------------------------------------------------

  /** People already known by these codes, with their student classes (students) or their roles in this school (staff). */
  private async existingByCode(codes: string[], kind: 'student' | 'staff'): Promise<Map<string, Existing>> {
    const found = new Map<string, Existing>();
    for (const batch of chunks(codes, 10_000)) {
      const rows = await this.em.query<Existing[]>(
        kind === 'student'
          ? `SELECT a.id, a.person_code, a.username, a.display_name, to_char(a.date_of_birth, 'YYYY-MM-DD') AS dob, a.email, a.phone,
                    (SELECT array_agg(r.unit_id) FROM role_assignment r WHERE r.user_id = a.id AND r.role = 'student') AS units,
                    NULL AS roles
               FROM user_account a WHERE a.person_code = ANY($1::text[])`
          : `SELECT a.id, a.person_code, a.username, a.display_name, NULL AS dob, a.email, a.phone, NULL AS units,
                    (SELECT array_agg(r.role) FROM role_assignment r WHERE r.user_id = a.id AND r.unit_id = $2 AND r.role = ANY($3::text[])) AS roles
               FROM user_account a WHERE a.person_code = ANY($1::text[])`,
        kind === 'student' ? [batch] : [batch, this.institution.id, STAFF_ROLES],
      );
      for (const row of rows) found.set(row.person_code, row);
    }
    return found;
  }

  /**
   * A code already held by someone outside this school may be taken over only by an importer whose
   * reach includes that person (a transfer within their own area); otherwise it is a row error.
   */
  private async checkOwnership(rows: Array<{ row: number; code: string }>, existing: Map<string, Existing>, column: string): Promise<RowError[]> {
    const ids = [...existing.values()].map((e) => e.id);
    if (ids.length === 0) return [];
    const outside = new Set<string>();
    for (const batch of chunks(ids, 10_000)) {
      const rowsOut = await this.em.query<Array<{ id: string }>>(
        `SELECT a.id FROM unnest($1::uuid[]) AS a(id)
          WHERE EXISTS (SELECT 1 FROM role_assignment r JOIN org_unit u ON u.id = r.unit_id WHERE r.user_id = a.id)
            AND NOT EXISTS (SELECT 1 FROM role_assignment r JOIN org_unit u ON u.id = r.unit_id WHERE r.user_id = a.id AND u.path LIKE $2)`,
        [batch, `${this.institution.path}%`],
      );
      for (const r of rowsOut) outside.add(r.id);
    }
    if (outside.size === 0) return [];
    const allowed = await this.mayTake([...outside]);
    const errors: RowError[] = [];
    for (const r of rows) {
      const e = existing.get(r.code);
      if (!e || !outside.has(e.id) || allowed.has(e.id)) continue;
      errors.push({
        row: r.row,
        column,
        code: 'CODE_IN_OTHER_UNIT',
        vi: `${column} "${r.code}" đã thuộc về một người ở đơn vị khác; việc chuyển trường cần cán bộ quản lý cấp trên thực hiện.`,
        en: `The code "${r.code}" belongs to someone in another unit; a transfer must be made by a manager above both.`,
      });
    }
    return errors;
  }

  private async checkUsernames(wanted: Array<{ row: number; username: string }>): Promise<RowError[]> {
    const errors: RowError[] = [];
    const firstRow = new Map<string, number>();
    for (const w of wanted) {
      const first = firstRow.get(w.username);
      if (first !== undefined) {
        errors.push({ row: w.row, column: null, code: 'USERNAME_TAKEN', vi: `Tên đăng nhập "${w.username}" trùng với dòng ${first}.`, en: `The username "${w.username}" is the same as on row ${first}.` });
      } else firstRow.set(w.username, w.row);
    }
    for (const batch of chunks([...firstRow.keys()], 10_000)) {
      const taken = await this.em.query<Array<{ u: string }>>('SELECT lower(username) AS u FROM user_account WHERE lower(username) = ANY($1::text[])', [batch]);
      for (const t of taken) {
        errors.push({ row: firstRow.get(t.u)!, column: null, code: 'USERNAME_TAKEN', vi: `Tên đăng nhập "${t.u}" đã có người dùng.`, en: `The username "${t.u}" is already taken.` });
      }
    }
    return errors.sort((a, b) => a.row - b.row);
  }

  /** Finds or creates the classes the rows name, under this institution (matched by name, case-insensitively). */
  private async ensureClasses(rows: StudentRow[]): Promise<Map<string, string>> {
    const existing = await this.em.query<Array<{ id: string; name: string }>>(
      `SELECT id, name FROM org_unit WHERE parent_id = $1 AND type = 'class' AND archived_at IS NULL`,
      [this.institution.id],
    );
    const classes = new Map<string, string>(existing.map((c) => [lower(c.name), c.id]));
    const missing = new Map<string, StudentRow>();
    for (const r of rows) if (!classes.has(lower(r.className)) && !missing.has(lower(r.className))) missing.set(lower(r.className), r);
    if (missing.size > 0) {
      const list = [...missing.values()];
      const ids = list.map(() => randomUUID());
      await this.em.query(
        `INSERT INTO org_unit (id, type, name, parent_id, path, grade, cohort)
         SELECT i, 'class', n, $1::uuid, $2 || i::text || '/', g, c FROM unnest($3::uuid[], $4::text[], $5::smallint[], $6::text[]) AS t(i, n, g, c)`,
        [this.institution.id, this.institution.path, ids, list.map((r) => r.className), list.map((r) => r.grade), list.map((r) => (r.grade === null ? r.className : null))],
      );
      list.forEach((r, i) => classes.set(lower(r.className), ids[i]));
    }
    return classes;
  }

  /** Parent accounts already there (username = phone), with the children each is linked to. */
  private async existingParents(rows: StudentRow[]): Promise<Map<string, { id: string; linked: Set<string> }>> {
    const phones = [...new Set(rows.map((r) => r.parentPhone).filter((p): p is string => !!p))];
    const parents = new Map<string, { id: string; linked: Set<string> }>();
    for (const batch of chunks(phones, 10_000)) {
      const found = await this.em.query<Array<{ id: string; username: string; children: string[] | null }>>(
        `SELECT a.id, a.username, (SELECT array_agg(pl.child_id) FROM parent_link pl WHERE pl.parent_id = a.id) AS children
           FROM user_account a WHERE lower(a.username) = ANY($1::text[])`,
        [batch],
      );
      for (const p of found) parents.set(p.username, { id: p.id, linked: new Set(p.children ?? []) });
    }
    return parents;
  }
}

const ROLE_LABELS: Record<string, string> = { teacher: 'Giáo viên', institution_manager: 'Cán bộ quản lý', author: 'Tác giả học liệu' };
