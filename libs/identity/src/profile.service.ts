import { Injectable } from '@nestjs/common';
import { NotFoundDomainException } from '@lms/core';
import { IdentityRepository } from './identity.repository';
import { GRANTABLE_ROLES, ROLES, ROLE_PERMISSIONS, ROLE_UNIT_TYPES, type Role, SELF_PERMISSIONS, isRole, permissionsOf } from './roles';
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
  /** The roles this person may grant to others, each with the kinds of unit it may be held on (null: installation-wide). */
  grantable: Array<{ role: Role; unitTypes: Array<string | null> }>;
  /** Holds the organisation-managing permission installation-wide (may create departments). */
  managesEverywhere: boolean;
}

@Injectable()
export class ProfileService {
  constructor(private readonly repository: IdentityRepository) {}

  async profileOf(userId: string): Promise<Profile> {
    const row = await this.repository.profileRow(userId);
    if (!row) throw new NotFoundDomainException('USER_NOT_FOUND', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });
    const held = row.mustChangePassword ? [] : row.roles.filter((r) => isRole(r.role));
    const permissions = row.mustChangePassword ? [...SELF_PERMISSIONS] : [...permissionsOf(held.map((r) => r.role))];
    const grantable = new Set(held.flatMap((r) => GRANTABLE_ROLES[r.role as Role]));
    return {
      ...row,
      permissions: permissions.sort(),
      grantable: ROLES.filter((r) => grantable.has(r)).map((role) => ({ role, unitTypes: [...ROLE_UNIT_TYPES[role]] })),
      managesEverywhere: held.some((r) => r.unitId === null && ROLE_PERMISSIONS[r.role as Role].includes('org.manage')),
    };
  }
}
