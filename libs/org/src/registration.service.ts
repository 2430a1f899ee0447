import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, DomainException, type Principal, foldSql, foldVietnamese } from '@lms/core';
import { IdentityRepository, PasswordPolicyException, RegistrationClosedException, UsernameTakenException, hashPassword, passwordPolicyViolations } from '@lms/identity';
import type { DataSource } from 'typeorm';
import { OrgUnitNotFoundException } from './org.exceptions';
import { PeopleService } from './people.service';

export interface Registration {
  kind: 'parent' | 'learner';
  username: string;
  displayName: string;
  password: string;
  institutionId: string;
  phone?: string | null;
  email?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Self-registration of parents and community learners (off unless REGISTRATION_MODE is `open` or
 * `approval`). A registrant chooses an institution; with approval the account waits (`pending`,
 * cannot sign in) until a manager of that institution, or above it, accepts or rejects it.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identity: IdentityRepository,
    private readonly people: PeopleService,
  ) {}

  get mode(): 'off' | 'open' | 'approval' {
    return this.config.auth.registrationMode;
  }

  /** Institutions a registrant may choose, by part of the name with or without diacritics. */
  async institutions(q: string | undefined): Promise<Array<{ id: string; name: string; commune: string | null }>> {
    if (this.mode === 'off') throw new RegistrationClosedException();
    const params: unknown[] = [];
    let filter = '';
    if (q && q.trim()) filter = `AND ${foldSql('i.name')} LIKE $${params.push(`%${foldVietnamese(q.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
    return this.dataSource.query(
      `SELECT i.id, i.name, c.name AS commune FROM org_unit i LEFT JOIN org_unit c ON c.id = i.parent_id AND c.type = 'commune'
        WHERE i.type = 'institution' AND i.archived_at IS NULL ${filter}
        ORDER BY i.name LIMIT 20`,
      params,
    );
  }

  async register(input: Registration, origin: { ip: string | null; requestId: string | null }): Promise<{ status: 'active' | 'pending' }> {
    if (this.mode === 'off') throw new RegistrationClosedException();
    const broken = passwordPolicyViolations(input.password, input.username);
    if (broken.length > 0) throw new PasswordPolicyException(broken);
    if (!UUID.test(input.institutionId)) throw new OrgUnitNotFoundException();
    const [unit] = await this.dataSource.query<Array<{ type: string }>>('SELECT type FROM org_unit WHERE id = $1 AND archived_at IS NULL', [input.institutionId]);
    if (!unit || unit.type !== 'institution') throw new OrgUnitNotFoundException();
    const status = this.mode === 'approval' ? 'pending' : 'active';
    const passwordHash = await hashPassword(input.password);
    const userId = await this.dataSource.transaction(async (em) => {
      const [taken] = await em.query<unknown[]>('SELECT 1 FROM user_account WHERE lower(username) = lower($1)', [input.username]);
      if (taken) throw new UsernameTakenException();
      const [row] = await em.query<Array<{ id: string }>>(
        `INSERT INTO user_account (username, display_name, phone, email, password_hash, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.username, input.displayName, input.phone ?? null, input.email ?? null, passwordHash, status],
      );
      await em.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3)', [row.id, input.kind, input.institutionId]);
      return row.id;
    });
    await this.identity.audit({ action: 'user.registered', userId, username: input.username, ...origin, details: { kind: input.kind, institutionId: input.institutionId, status } });
    return { status };
  }

  async decide(principal: Principal, userId: string, accept: boolean): Promise<void> {
    await this.people.authorise(principal, 'registration.review', userId);
    const [row] = await this.dataSource.query<Array<{ status: string }>>('SELECT status FROM user_account WHERE id = $1', [userId]);
    if (row?.status !== 'pending') throw new DomainException('REGISTRATION_NOT_PENDING', 409, { vi: 'Tài khoản này không còn chờ duyệt.', en: 'This account is not waiting for approval.' });
    if (accept) await this.dataSource.query(`UPDATE user_account SET status = 'active', updated_at = now() WHERE id = $1 AND status = 'pending'`, [userId]);
    else await this.dataSource.query(`DELETE FROM user_account WHERE id = $1 AND status = 'pending'`, [userId]);
    await this.identity.audit({ action: accept ? 'user.registration.approved' : 'user.registration.rejected', userId: principal.userId, details: { target: userId } });
  }
}
