import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, commonError, foldSql, foldVietnamese } from '@lms/core';
import {
  GRANTABLE_ROLES,
  IdentityRepository,
  OneTimeCodes,
  PersonCodeTakenException,
  ROLE_UNIT_TYPES,
  type Role,
  RoleNotGrantableException,
  UserNotFoundException,
  type UserStatus,
  UsernameTakenException,
  isRole,
} from '@lms/identity';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessService } from './access.service';
import type { OrgUnitType } from './org-unit.entity';

export interface PersonRole {
  id: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  unitType: OrgUnitType | null;
}

export interface PersonSummary {
  id: string;
  username: string;
  displayName: string;
  personCode: string | null;
  status: UserStatus;
  mustChangePassword: boolean;
  roles: PersonRole[];
}

export interface Person extends PersonSummary {
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  parents: Array<{ id: string; displayName: string; phone: string | null }>;
  children: Array<{ id: string; displayName: string }>;
}

export interface PeopleQuery {
  unitId?: string;
  q?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

export interface NewPerson {
  username: string;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  dateOfBirth?: string | null;
  personCode?: string | null;
  roles: Array<{ role: Role; unitId: string | null }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ROLE_JSON = `COALESCE((SELECT json_agg(json_build_object('id', r.id, 'role', r.role, 'unitId', r.unit_id, 'unitName', ou.name, 'unitType', ou.type) ORDER BY r.created_at)
                              FROM role_assignment r LEFT JOIN org_unit ou ON ou.id = r.unit_id WHERE r.user_id = a.id), '[]'::json)`;

/**
 * People (accounts) as school and sector managers administer them: listing within the caller's
 * reach, creating accounts with a one-time code, granting and removing roles, linking parents to
 * children, resetting a forgotten password to a new one-time code. Every answer is limited to what
 * the caller's roles reach (AccessService): someone outside it is "not found".
 */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly identity: IdentityRepository,
    private readonly codes: OneTimeCodes,
  ) {}

  async list(principal: Principal, query: PeopleQuery): Promise<{ items: PersonSummary[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const reach = await this.access.reach(principal, 'user.read');
    if (!reach.everywhere) {
      if (reach.paths.length === 0) return { items: [], total: 0 };
      where.push(`EXISTS (SELECT 1 FROM role_assignment t JOIN org_unit tu ON tu.id = t.unit_id
                           WHERE t.user_id = a.id AND tu.path LIKE ANY($${params.push(reach.paths.map((p) => `${p}%`))}::text[]))`);
    }
    if (query.unitId) {
      const unit = await this.unitPath(principal, 'user.read', query.unitId);
      where.push(`EXISTS (SELECT 1 FROM role_assignment t JOIN org_unit tu ON tu.id = t.unit_id
                           WHERE t.user_id = a.id AND tu.path LIKE $${params.push(`${unit}%`)})`);
    }
    if (query.role) where.push(`EXISTS (SELECT 1 FROM role_assignment t WHERE t.user_id = a.id AND t.role = $${params.push(query.role)})`);
    if (query.status) where.push(`a.status = $${params.push(query.status)}`);
    if (query.q) {
      // Names match with or without diacritics ("nguyen van an" finds "Nguyễn Văn An").
      const like = `%${foldVietnamese(query.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const i = params.push(like);
      where.push(`(${foldSql('a.display_name')} LIKE $${i} OR lower(a.username) LIKE $${i} OR lower(a.person_code) LIKE $${i})`);
    }
    const limit = params.push(query.pageSize);
    const offset = params.push((query.page - 1) * query.pageSize);
    const rows = await this.dataSource.query<Array<PersonSummary & { total: string }>>(
      `SELECT a.id, a.username, a.display_name AS "displayName", a.person_code AS "personCode", a.status,
              a.must_change_password AS "mustChangePassword", ${ROLE_JSON} AS roles, count(*) OVER () AS total
         FROM user_account a
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.display_name, a.id
        LIMIT $${limit} OFFSET $${offset}`,
      params,
    );
    const total = rows.length > 0 ? Number(rows[0].total) : query.page === 1 ? 0 : await this.countOnly(where, params.slice(0, -2));
    return { items: rows.map(({ total: _t, ...person }) => person), total };
  }

  async get(principal: Principal, userId: string): Promise<Person> {
    await this.authorise(principal, 'user.read', userId);
    const rows = await this.dataSource.query<Person[]>(
      `SELECT a.id, a.username, a.display_name AS "displayName", a.person_code AS "personCode", a.status,
              a.must_change_password AS "mustChangePassword", a.email, a.phone,
              to_char(a.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", a.last_login_at AS "lastLoginAt", a.created_at AS "createdAt",
              ${ROLE_JSON} AS roles,
              COALESCE((SELECT json_agg(json_build_object('id', p.id, 'displayName', p.display_name, 'phone', p.phone) ORDER BY p.display_name)
                          FROM parent_link pl JOIN user_account p ON p.id = pl.parent_id WHERE pl.child_id = a.id), '[]'::json) AS parents,
              COALESCE((SELECT json_agg(json_build_object('id', c.id, 'displayName', c.display_name) ORDER BY c.display_name)
                          FROM parent_link pl JOIN user_account c ON c.id = pl.child_id WHERE pl.parent_id = a.id), '[]'::json) AS children
         FROM user_account a WHERE a.id = $1`,
      [userId],
    );
    if (!rows[0]) throw new UserNotFoundException();
    const person = rows[0];
    return { ...person, lastLoginAt: person.lastLoginAt ? new Date(person.lastLoginAt).toISOString() : null, createdAt: new Date(person.createdAt).toISOString() };
  }

  /** Creates an account with its roles; answers with the one-time code to hand over (shown once). */
  async create(principal: Principal, input: NewPerson): Promise<{ person: Person; oneTimeCode: string }> {
    if (input.roles.length === 0) throw new RoleNotGrantableException({ vi: 'cần ít nhất một vai trò.', en: 'at least one role is required.' });
    for (const r of input.roles) await this.assertGrantable(principal, r.role, r.unitId);
    const code = this.codes.issue();
    const id = await this.dataSource.transaction(async (em) => {
      await this.assertFree(em, input.username, input.personCode ?? null, null);
      const [row] = await em.query<Array<{ id: string }>>(
        `INSERT INTO user_account (username, display_name, email, phone, date_of_birth, person_code, one_time_code_hash, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true) RETURNING id`,
        [input.username, input.displayName, input.email ?? null, input.phone ?? null, input.dateOfBirth ?? null, input.personCode ?? null, code.hash],
      );
      for (const r of input.roles) {
        await em.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [row.id, r.role, r.unitId]);
      }
      return row.id;
    });
    await this.identity.audit({ action: 'user.created', userId: principal.userId, details: { target: id, roles: input.roles } });
    return { person: await this.get(principal, id), oneTimeCode: code.code };
  }

  async update(principal: Principal, userId: string, change: { displayName?: string; email?: string | null; phone?: string | null; dateOfBirth?: string | null; personCode?: string | null; status?: 'active' | 'disabled' }): Promise<Person> {
    await this.authorise(principal, 'user.manage', userId);
    if (userId === principal.userId && change.status === 'disabled') throw commonError('UNPROCESSABLE', { reason: 'self' });
    const columns: Record<string, unknown> = {};
    if (change.displayName !== undefined) columns.display_name = change.displayName;
    if (change.email !== undefined) columns.email = change.email;
    if (change.phone !== undefined) columns.phone = change.phone;
    if (change.dateOfBirth !== undefined) columns.date_of_birth = change.dateOfBirth;
    if (change.personCode !== undefined) columns.person_code = change.personCode;
    if (change.status !== undefined) {
      columns.status = change.status;
      if (change.status === 'active') Object.assign(columns, { failed_login_count: 0, locked_until: null });
    }
    const keys = Object.keys(columns);
    if (keys.length > 0) {
      await this.dataSource.transaction(async (em) => {
        if (change.personCode) await this.assertFree(em, null, change.personCode, userId);
        await em.query(
          `UPDATE user_account SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
          [userId, ...keys.map((k) => columns[k])],
        );
      });
      if (change.status === 'disabled') await this.identity.revokeAllOfUser(userId);
      await this.identity.audit({ action: 'user.updated', userId: principal.userId, details: { target: userId, fields: Object.keys(change) } });
    }
    return this.get(principal, userId);
  }

  async grantRole(principal: Principal, userId: string, role: Role, unitId: string | null): Promise<Person> {
    await this.authorise(principal, 'user.manage', userId);
    await this.assertGrantable(principal, role, unitId);
    await this.dataSource.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [userId, role, unitId]);
    await this.identity.audit({ action: 'user.role.granted', userId: principal.userId, details: { target: userId, role, unitId } });
    return this.get(principal, userId);
  }

  async revokeRole(principal: Principal, userId: string, assignmentId: string): Promise<Person> {
    await this.authorise(principal, 'user.manage', userId);
    if (!UUID.test(assignmentId)) throw commonError('NOT_FOUND');
    const [assignment] = await this.dataSource.query<Array<{ role: string; unit_id: string | null }>>(
      'SELECT role, unit_id FROM role_assignment WHERE id = $1 AND user_id = $2',
      [assignmentId, userId],
    );
    if (!assignment || !isRole(assignment.role)) throw commonError('NOT_FOUND');
    // Removing a role takes the same right as granting it.
    await this.assertGrantable(principal, assignment.role, assignment.unit_id);
    if (userId === principal.userId && assignment.role === 'administrator') throw new RoleNotGrantableException({ vi: 'không thể tự bỏ vai trò quản trị của mình.', en: 'you cannot remove your own administrator role.' });
    await this.dataSource.query('DELETE FROM role_assignment WHERE id = $1', [assignmentId]);
    await this.identity.audit({ action: 'user.role.revoked', userId: principal.userId, details: { target: userId, role: assignment.role, unitId: assignment.unit_id } });
    return this.get(principal, userId);
  }

  /** A forgotten password: a new one-time code replaces any password, and every session ends. */
  async resetCode(principal: Principal, userId: string): Promise<{ oneTimeCode: string }> {
    await this.authorise(principal, 'user.manage', userId);
    if (userId === principal.userId) throw commonError('UNPROCESSABLE', { reason: 'self' });
    const code = this.codes.issue();
    await this.dataSource.query(
      `UPDATE user_account SET password_hash = NULL, one_time_code_hash = $2, must_change_password = true,
              failed_login_count = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
      [userId, code.hash],
    );
    await this.identity.revokeAllOfUser(userId);
    await this.identity.audit({ action: 'user.code.reset', userId: principal.userId, details: { target: userId } });
    return { oneTimeCode: code.code };
  }

  async linkChild(principal: Principal, parentId: string, childId: string): Promise<Person> {
    await this.authorise(principal, 'user.manage', parentId);
    await this.authorise(principal, 'user.manage', childId);
    if (parentId === childId) throw commonError('UNPROCESSABLE', { reason: 'self' });
    await this.dataSource.query('INSERT INTO parent_link (parent_id, child_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [parentId, childId]);
    await this.identity.audit({ action: 'user.child.linked', userId: principal.userId, details: { parent: parentId, child: childId } });
    return this.get(principal, parentId);
  }

  async unlinkChild(principal: Principal, parentId: string, childId: string): Promise<Person> {
    await this.authorise(principal, 'user.manage', parentId);
    if (!UUID.test(childId)) throw commonError('NOT_FOUND');
    await this.dataSource.query('DELETE FROM parent_link WHERE parent_id = $1 AND child_id = $2', [parentId, childId]);
    await this.identity.audit({ action: 'user.child.unlinked', userId: principal.userId, details: { parent: parentId, child: childId } });
    return this.get(principal, parentId);
  }

  /** A parent's children, with their classes: what the parent's own pages show. */
  async childrenOf(principal: Principal): Promise<Array<{ id: string; displayName: string; username: string; classes: Array<{ id: string; name: string; institution: string | null }> }>> {
    return this.dataSource.query(
      `SELECT c.id, c.display_name AS "displayName", c.username,
              COALESCE((SELECT json_agg(json_build_object('id', k.id, 'name', k.name, 'institution', i.name) ORDER BY k.name)
                          FROM role_assignment r JOIN org_unit k ON k.id = r.unit_id AND k.type = 'class'
                          LEFT JOIN org_unit i ON i.id = k.parent_id
                         WHERE r.user_id = c.id AND r.role = 'student'), '[]'::json) AS classes
         FROM parent_link pl JOIN user_account c ON c.id = pl.child_id
        WHERE pl.parent_id = $1
        ORDER BY c.display_name`,
      [principal.userId],
    );
  }

  /** 404 when the caller cannot see the person (or there is none), 403 when they see them but lack `permission`. */
  async authorise(principal: Principal, permission: 'user.read' | 'user.manage' | 'registration.review', userId: string): Promise<void> {
    if (!UUID.test(userId)) throw new UserNotFoundException();
    if (await this.access.userInReach(principal, permission, userId)) return;
    if (permission !== 'user.read' && (await this.access.userInReach(principal, 'user.read', userId))) throw commonError('FORBIDDEN');
    throw new UserNotFoundException();
  }

  /**
   * The caller may grant `role` on `unitId` when one of their own roles may grant it and is held on
   * that unit or above it (installation-wide grants need an installation-wide role), and the role
   * belongs on that kind of unit.
   */
  async assertGrantable(principal: Principal, role: Role, unitId: string | null, em?: EntityManager): Promise<void> {
    let unit: { path: string; type: OrgUnitType } | null = null;
    if (unitId !== null) {
      if (!UUID.test(unitId)) throw commonError('NOT_FOUND');
      const [row] = await (em ?? this.dataSource.manager).query<Array<{ path: string; type: OrgUnitType; archived_at: Date | null }>>('SELECT path, type, archived_at FROM org_unit WHERE id = $1', [unitId]);
      if (!row || !(await this.access.unitInReach(principal, 'user.read', unitId, em))) throw commonError('NOT_FOUND');
      if (row.archived_at) throw new RoleNotGrantableException({ vi: 'đơn vị đã lưu trữ.', en: 'the unit is archived.' });
      unit = row;
    }
    if (!ROLE_UNIT_TYPES[role].includes(unit?.type ?? null)) {
      throw new RoleNotGrantableException({
        vi: `vai trò ${role} không gán được ở ${unit ? `đơn vị loại ${unit.type}` : 'cấp toàn hệ thống'}.`,
        en: `the ${role} role cannot be held ${unit ? `on a ${unit.type}` : 'installation-wide'}.`,
      });
    }
    const mine = await (em ?? this.dataSource.manager).query<Array<{ role: Role; path: string | null }>>(
      'SELECT r.role, s.path FROM role_assignment r LEFT JOIN org_unit s ON s.id = r.unit_id WHERE r.user_id = $1',
      [principal.userId],
    );
    const allowed = mine.some((m) => isRole(m.role) && GRANTABLE_ROLES[m.role].includes(role) && (m.path === null || (unit !== null && unit.path.startsWith(m.path))));
    if (!allowed) throw commonError('FORBIDDEN');
  }

  private async unitPath(principal: Principal, permission: string, unitId: string): Promise<string> {
    if (!UUID.test(unitId) || !(await this.access.unitInReach(principal, permission, unitId))) throw commonError('NOT_FOUND');
    const [row] = await this.dataSource.query<Array<{ path: string }>>('SELECT path FROM org_unit WHERE id = $1', [unitId]);
    if (!row) throw commonError('NOT_FOUND');
    return row.path;
  }

  private async countOnly(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM user_account a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    return Number(row.n);
  }

  private async assertFree(em: EntityManager, username: string | null, personCode: string | null, exceptId: string | null): Promise<void> {
    if (username) {
      const [taken] = await em.query<unknown[]>('SELECT 1 FROM user_account WHERE lower(username) = lower($1) AND ($2::uuid IS NULL OR id <> $2)', [username, exceptId]);
      if (taken) throw new UsernameTakenException();
    }
    if (personCode) {
      const [taken] = await em.query<unknown[]>('SELECT 1 FROM user_account WHERE person_code = $1 AND ($2::uuid IS NULL OR id <> $2)', [personCode, exceptId]);
      if (taken) throw new PersonCodeTakenException();
    }
  }
}
