import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import { IdentityRepository } from './identity.repository';
import { OneTimeCodes } from './one-time-code';
import {
  AccountDisabledException,
  AccountLockedException,
  AccountPendingException,
  InvalidCredentialsException,
  PasswordPolicyException,
  RefreshTokenInvalidException,
} from './identity.exceptions';
import { burnPasswordCheck, hashPassword, passwordPolicyViolations, verifyPassword } from './password';
import { TokenService } from './token.service';
import type { UserAccount } from './user.entity';

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  ip: string | null;
  requestId: string | null;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
  mustChangePassword: boolean;
}

/** Sign-in, token refresh and rotation, sign-out, password change. */
@Injectable()
export class AuthService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly tokens: TokenService,
    private readonly codes: OneTimeCodes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, origin: RequestOrigin): Promise<IssuedTokens> {
    const user = await this.repository.findUserByUsername(username);
    if (!user) {
      await burnPasswordCheck(password);
      await this.repository.audit({ action: 'auth.login.failed', username, ...origin, details: { reason: 'unknown_username' } });
      throw new InvalidCredentialsException();
    }
    const passwordOk = await this.verifySecret(user, password);
    const lockedFor = user.lockedUntil ? Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000) : 0;
    if (!passwordOk) {
      if (lockedFor > 0) {
        await this.repository.audit({ action: 'auth.login.failed', userId: user.id, username, ...origin, details: { reason: 'locked' } });
        throw new InvalidCredentialsException();
      }
      const lockUntil = new Date(Date.now() + this.config.auth.lockoutSeconds * 1000);
      const { count, locked } = await this.repository.recordFailedLogin(user.id, this.config.auth.lockoutThreshold, lockUntil);
      await this.repository.audit({ action: 'auth.login.failed', userId: user.id, username, ...origin, details: { reason: 'wrong_password', consecutiveFailures: count } });
      if (locked && count === this.config.auth.lockoutThreshold) {
        await this.repository.audit({ action: 'auth.account.locked', userId: user.id, username, ...origin, details: { until: lockUntil.toISOString() } });
      }
      throw new InvalidCredentialsException();
    }
    // The password is right: only now may the answer say more than "wrong credentials".
    if (lockedFor > 0) {
      await this.repository.audit({ action: 'auth.login.failed', userId: user.id, username, ...origin, details: { reason: 'locked' } });
      throw new AccountLockedException(lockedFor);
    }
    if (user.status === 'disabled') {
      await this.repository.audit({ action: 'auth.login.failed', userId: user.id, username, ...origin, details: { reason: 'disabled' } });
      throw new AccountDisabledException();
    }
    if (user.status === 'pending') {
      await this.repository.audit({ action: 'auth.login.failed', userId: user.id, username, ...origin, details: { reason: 'pending_approval' } });
      throw new AccountPendingException();
    }
    await this.repository.recordSuccessfulLogin(user.id);
    const tokens = await this.issue(user, randomUUID());
    await this.repository.audit({ action: 'auth.login.succeeded', userId: user.id, username: user.username, ...origin });
    return tokens;
  }

  async refresh(refreshToken: string, origin: RequestOrigin): Promise<IssuedTokens> {
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const fresh = this.tokens.newRefreshToken();
    const { outcome, current } = await this.repository.rotateRefreshToken(hash, (token) => ({
      userId: token.userId,
      familyId: token.familyId,
      tokenHash: fresh.hash,
      expiresAt: this.refreshExpiry(),
    }));
    if (outcome === 'reused' && current) {
      await this.repository.audit({ action: 'auth.refresh.reused', userId: current.userId, ...origin, details: { familyId: current.familyId } });
    }
    if (outcome !== 'rotated' || !current) throw new RefreshTokenInvalidException();
    const user = await this.repository.findUserById(current.userId);
    if (!user || user.status === 'disabled') {
      await this.repository.revokeFamily(current.familyId);
      throw new RefreshTokenInvalidException();
    }
    return this.accessFor(user, fresh.token);
  }

  async logout(refreshToken: string, origin: RequestOrigin): Promise<void> {
    const token = await this.repository.findRefreshToken(this.tokens.hashRefreshToken(refreshToken));
    if (!token) return; // already gone: signing out is idempotent
    await this.repository.revokeFamily(token.familyId);
    await this.repository.audit({ action: 'auth.logout', userId: token.userId, ...origin });
  }

  async changePassword(userId: string, currentPassword: string, newPassword: string, origin: RequestOrigin): Promise<void> {
    const user = await this.repository.findUserById(userId);
    if (!user || !(await this.verifySecret(user, currentPassword))) {
      await this.repository.audit({ action: 'auth.password.change_failed', userId, ...origin });
      throw new InvalidCredentialsException();
    }
    const broken = passwordPolicyViolations(newPassword, user.username);
    if (broken.length > 0) throw new PasswordPolicyException(broken);
    await this.repository.setPassword(user.id, await hashPassword(newPassword));
    // Every other session ends: whoever knew the old password is signed out.
    await this.repository.revokeAllOfUser(user.id);
    await this.repository.audit({ action: 'auth.password.changed', userId: user.id, ...origin });
  }

  /**
   * The person's own password (argon2id) or, until they have chosen one, the one-time code from
   * their account slip (keyed hash). Both paths cost an argon2 verification, so timing does not
   * tell which kind of account a username belongs to.
   */
  private async verifySecret(user: UserAccount, secret: string): Promise<boolean> {
    if (user.passwordHash) return verifyPassword(user.passwordHash, secret);
    await burnPasswordCheck(secret);
    await this.codes.ensureKey();
    return this.codes.verify(user.oneTimeCodeHash, secret);
  }

  private async issue(user: UserAccount, familyId: string): Promise<IssuedTokens> {
    const refresh = this.tokens.newRefreshToken();
    await this.repository.insertRefreshToken({ userId: user.id, familyId, tokenHash: refresh.hash, expiresAt: this.refreshExpiry() });
    return this.accessFor(user, refresh.token);
  }

  private async accessFor(user: UserAccount, refreshToken: string): Promise<IssuedTokens> {
    const roles = [...new Set((await this.repository.rolesOf(user.id)).map((r) => r.role))];
    return {
      accessToken: this.tokens.issueAccessToken({ sub: user.id, usr: user.username, roles, ...(user.mustChangePassword ? { mcp: true } : {}) }),
      refreshToken,
      expiresIn: this.tokens.accessTtlSeconds,
      tokenType: 'Bearer',
      mustChangePassword: user.mustChangePassword,
    };
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
  }
}
