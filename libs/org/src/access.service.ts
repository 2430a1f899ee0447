import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@lms/core';
import { rolesGranting } from '@lms/identity';
import type { DataSource, EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a permission reaches for one caller: everywhere, or the subtrees under these paths. */
export interface Reach {
  everywhere: boolean;
  /** Materialised paths of the units the permission is held on ("a/b/"), outermost only. */
  paths: string[];
  unitIds: string[];
}

/**
 * The one answer to "may this caller act on these units or these people?". Every question is one
 * SQL statement over role_assignment × org_unit (and parent_link for parents), whatever the number
 * of ids asked about, so a list of 500 students is checked as cheaply as one.
 *
 * A role held on a unit reaches that unit and its whole subtree; held with no unit, everything.
 * A person is reached through any of their own role assignments (a student through their class, a
 * teacher through their school) or, for a parent's permissions, through a parent link.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of `unitIds` the caller may act on with `permission`. Malformed ids are simply not in the answer. */
  async unitsInReach(principal: Principal, permission: string, unitIds: readonly string[], em?: EntityManager): Promise<Set<string>> {
    const ids = [...new Set(unitIds.filter((id) => UUID.test(id)))];
    const { subtree } = rolesGranting(permission);
    if (ids.length === 0 || subtree.length === 0 || !principal.permissions.has(permission)) return new Set();
    const rows = await (em ?? this.dataSource.manager).query<Array<{ id: string }>>(
      `SELECT u.id FROM org_unit u
        WHERE u.id = ANY($2::uuid[])
          AND EXISTS (SELECT 1 FROM role_assignment r LEFT JOIN org_unit s ON s.id = r.unit_id
                       WHERE r.user_id = $1 AND r.role = ANY($3::text[])
                         AND (r.unit_id IS NULL OR starts_with(u.path, s.path)))`,
      [principal.userId, ids, subtree],
    );
    return new Set(rows.map((r) => r.id));
  }

  async unitInReach(principal: Principal, permission: string, unitId: string, em?: EntityManager): Promise<boolean> {
    return (await this.unitsInReach(principal, permission, [unitId], em)).has(unitId);
  }

  /** Which of `userIds` the caller may act on with `permission` (their own id only if a role reaches it). */
  async usersInReach(principal: Principal, permission: string, userIds: readonly string[], em?: EntityManager): Promise<Set<string>> {
    const ids = [...new Set(userIds.filter((id) => UUID.test(id)))];
    const { subtree, children } = rolesGranting(permission);
    if (ids.length === 0 || !principal.permissions.has(permission)) return new Set();
    const rows = await (em ?? this.dataSource.manager).query<Array<{ id: string }>>(
      `WITH mine AS (
         SELECT r.unit_id, s.path FROM role_assignment r LEFT JOIN org_unit s ON s.id = r.unit_id
          WHERE r.user_id = $1 AND r.role = ANY($3::text[]))
       SELECT a.id FROM user_account a
        WHERE a.id = ANY($2::uuid[])
          AND (EXISTS (SELECT 1 FROM mine WHERE mine.unit_id IS NULL)
               OR EXISTS (SELECT 1 FROM role_assignment t JOIN org_unit tu ON tu.id = t.unit_id
                            JOIN mine ON starts_with(tu.path, mine.path)
                           WHERE t.user_id = a.id)
               OR (cardinality($4::text[]) > 0
                   AND EXISTS (SELECT 1 FROM role_assignment pr WHERE pr.user_id = $1 AND pr.role = ANY($4::text[]))
                   AND EXISTS (SELECT 1 FROM parent_link pl WHERE pl.parent_id = $1 AND pl.child_id = a.id)))`,
      [principal.userId, ids, subtree, children],
    );
    return new Set(rows.map((r) => r.id));
  }

  async userInReach(principal: Principal, permission: string, userId: string, em?: EntityManager): Promise<boolean> {
    return (await this.usersInReach(principal, permission, [userId], em)).has(userId);
  }

  /** Where `permission` reaches for the caller, for listings filtered by subtree. */
  async reach(principal: Principal, permission: string): Promise<Reach> {
    const { subtree } = rolesGranting(permission);
    if (subtree.length === 0 || !principal.permissions.has(permission)) return { everywhere: false, paths: [], unitIds: [] };
    const rows = await this.dataSource.query<Array<{ unit_id: string | null; path: string | null }>>(
      `SELECT r.unit_id, s.path FROM role_assignment r LEFT JOIN org_unit s ON s.id = r.unit_id
        WHERE r.user_id = $1 AND r.role = ANY($2::text[]) AND (r.unit_id IS NULL OR s.archived_at IS NULL)
        ORDER BY s.path NULLS FIRST`,
      [principal.userId, subtree],
    );
    if (rows.some((r) => r.unit_id === null)) return { everywhere: true, paths: [], unitIds: [] };
    // Outermost only: a path inside another reached path adds nothing.
    const outer: Array<{ unit_id: string; path: string }> = [];
    for (const row of rows as Array<{ unit_id: string; path: string }>) {
      if (!outer.some((o) => row.path.startsWith(o.path))) outer.push(row);
    }
    return { everywhere: false, paths: outer.map((o) => o.path), unitIds: outer.map((o) => o.unit_id) };
  }
}
