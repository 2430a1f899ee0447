import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import { IdentityRepository } from './identity.repository';
import { PasswordPolicyException } from './identity.exceptions';
import { hashPassword, passwordPolicyViolations } from './password';

/**
 * First start: when no administrator exists, creates one from ADMIN_USERNAME/ADMIN_PASSWORD, or
 * `admin` with a generated password that is printed once (and must be changed at first sign-in).
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    private readonly repository: IdentityRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.repository.anyUserWithRole('administrator')) return;
    const username = this.config.auth.adminUsername ?? 'admin';
    const given = this.config.auth.adminPassword;
    if (given) {
      const broken = passwordPolicyViolations(given, username);
      if (broken.length > 0) throw new PasswordPolicyException(broken);
    }
    const password = given ?? randomBytes(12).toString('base64url');
    if (await this.repository.findUserByUsername(username)) {
      this.logger.error(`No administrator exists and the username "${username}" is taken by another account; set ADMIN_USERNAME to a free name.`);
      return;
    }
    try {
      await this.repository.createUser(
        { username, displayName: 'Quản trị hệ thống', passwordHash: await hashPassword(password), mustChangePassword: !given },
        [{ role: 'administrator', unitId: null }],
      );
    } catch (error) {
      // Another replica created it at the same moment (unique username).
      if (await this.repository.anyUserWithRole('administrator')) return;
      throw error;
    }
    await this.repository.audit({ action: 'auth.admin.created', username, details: { fromEnvironment: Boolean(given) } });
    if (given) {
      this.logger.log(`Administrator "${username}" created from ADMIN_USERNAME/ADMIN_PASSWORD.`);
    } else {
      // Printed once, on purpose: this is the only way into a fresh installation.
      this.logger.warn(
        `Tài khoản quản trị đầu tiên / First administrator: username "${username}", password "${password}" ` +
          '(đổi mật khẩu khi đăng nhập lần đầu / change it at first sign-in).',
      );
    }
  }
}
