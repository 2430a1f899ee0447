import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { AuditEvent } from './audit-event.entity';
import { RefreshToken } from './refresh-token.entity';
import { RoleAssignment } from './role-assignment.entity';
import type { Role } from './roles';
import { UserAccount } from './user.entity';

/** All SQL of accounts, roles, refresh tokens and the audit log. */
@Injectable()
export class IdentityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findUserByUsername(username: string): Promise<UserAccount | null> {
    return this.dataSource
      .getRepository(UserAccount)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  findUserById(id: string): Promise<UserAccount | null> {
    return this.dataSource.getRepository(UserAccount).findOneBy({ id });
  }

  /** The account with its role assignments, in one round trip (GET /me is called on every page). */
  async profileRow(userId: string): Promise<(Pick<UserAccount, 'id' | 'username' | 'displayName' | 'email' | 'phone' | 'preferredLanguage' | 'status' | 'mustChangePassword'> & { roles: Array<{ role: string; unitId: string | null }> }) | null> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.email, u.phone,
              u.preferred_language AS "preferredLanguage", u.status, u.must_change_password AS "mustChangePassword",
              COALESCE(json_agg(json_build_object('role', r.role, 'unitId', r.unit_id) ORDER BY r.created_at)
                       FILTER (WHERE r.id IS NOT NULL), '[]'::json) AS roles
         FROM user_account u
         LEFT JOIN role_assignment r ON r.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`,
      [userId],
    );
    return (rows[0] as never) ?? null;
  }

  rolesOf(userId: string): Promise<RoleAssignment[]> {
    return this.dataSource.getRepository(RoleAssignment).find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  async anyUserWithRole(role: Role): Promise<boolean> {
    return (await this.dataSource.getRepository(RoleAssignment).count({ where: { role }, take: 1 })) > 0;
  }

  /** Creates an account with its roles in one transaction. */
  createUser(user: Partial<UserAccount>, roles: Array<{ role: Role; unitId: string | null }>): Promise<UserAccount> {
    return this.dataSource.transaction(async (em) => {
      const saved = await em.getRepository(UserAccount).save(em.getRepository(UserAccount).create(user));
      for (const r of roles) await em.getRepository(RoleAssignment).insert({ userId: saved.id, role: r.role, unitId: r.unitId });
      return saved;
    });
  }

  /** Counts a failure; locks the account (until `lockUntil`) when it reaches `threshold`. Returns the new count. */
  async recordFailedLogin(userId: string, threshold: number, lockUntil: Date): Promise<{ count: number; locked: boolean }> {
    // TypeORM answers an UPDATE … RETURNING with [rows, rowCount].
    const [rows] = await this.dataSource.query<[Array<{ failed_login_count: number; locked: boolean }>, number]>(
      `UPDATE user_account
          SET failed_login_count = failed_login_count + 1,
              locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN $3 ELSE locked_until END
        WHERE id = $1
      RETURNING failed_login_count, (failed_login_count >= $2) AS locked`,
      [userId, threshold, lockUntil],
    );
    return { count: rows[0]?.failed_login_count ?? 0, locked: rows[0]?.locked ?? false };
  }

  async recordSuccessfulLogin(userId: string): Promise<void> {
    await this.dataSource.getRepository(UserAccount).update({ id: userId }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.getRepository(UserAccount).update({ id: userId }, { passwordHash, oneTimeCodeHash: null, mustChangePassword: false, failedLoginCount: 0, lockedUntil: null });
  }

  async insertRefreshToken(token: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource.manager).getRepository(RefreshToken).insert(token);
  }

  /**
   * Exchanges a refresh token for its successor atomically: the old row is locked, checked and
   * marked replaced in the same transaction that inserts the new one, so two concurrent refreshes
   * with one token cannot both succeed.
   */
  rotateRefreshToken(
    tokenHash: string,
    next: (current: RefreshToken) => Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'> | null,
  ): Promise<{ outcome: 'rotated' | 'reused' | 'invalid'; current: RefreshToken | null }> {
    return this.dataSource.transaction(async (em) => {
      const current = await em
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :tokenHash', { tokenHash })
        .getOne();
      if (!current) return { outcome: 'invalid' as const, current: null };
      if (current.revokedAt || current.expiresAt.getTime() <= Date.now()) return { outcome: 'invalid' as const, current };
      if (current.replacedAt) {
        await this.revokeFamily(current.familyId, em);
        return { outcome: 'reused' as const, current };
      }
      const successor = next(current);
      if (!successor) return { outcome: 'invalid' as const, current };
      await em.getRepository(RefreshToken).update({ id: current.id }, { replacedAt: new Date() });
      await this.insertRefreshToken(successor, em);
      return { outcome: 'rotated' as const, current };
    });
  }

  findRefreshToken(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash });
  }

  async revokeFamily(familyId: string, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource.manager).getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOfUser(userId: string): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async audit(event: Pick<AuditEvent, 'action'> & Partial<Pick<AuditEvent, 'userId' | 'username' | 'ip' | 'requestId' | 'details'>>): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO audit_event (action, user_id, username, ip, request_id, details) VALUES ($1, $2, $3, $4, $5, $6)',
      [event.action, event.userId ?? null, event.username?.slice(0, 128) ?? null, event.ip ?? null, event.requestId ?? null, JSON.stringify(event.details ?? {})],
    );
  }
}
