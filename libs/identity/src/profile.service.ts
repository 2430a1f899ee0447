import { Injectable } from '@nestjs/common';
import { NotFoundDomainException } from '@lms/core';
import { IdentityRepository } from './identity.repository';
import { SELF_PERMISSIONS, permissionsOf } from './roles';
import type { PreferredLanguage, UserStatus } from './user.entity';

export interface Profile {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  preferredLanguage: PreferredLanguage;
  status: UserStatus;
  mustChangePassword: boolean;
  roles: Array<{ role: string; unitId: string | null }>;
  /** What the caller's roles allow (only their own profile while a new password is due), for the web app's navigation; the api checks each request itself. */
  permissions: string[];
}

@Injectable()
export class ProfileService {
  constructor(private readonly repository: IdentityRepository) {}

  async profileOf(userId: string): Promise<Profile> {
    const row = await this.repository.profileRow(userId);
    if (!row) throw new NotFoundDomainException('USER_NOT_FOUND', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });
    const permissions = row.mustChangePassword ? [...SELF_PERMISSIONS] : [...permissionsOf(row.roles.map((r) => r.role))];
    return { ...row, permissions: permissions.sort() };
  }
}
