import { Injectable } from '@nestjs/common';
import { NotFoundDomainException } from '@lms/core';
import { IdentityRepository } from './identity.repository';
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
}

@Injectable()
export class ProfileService {
  constructor(private readonly repository: IdentityRepository) {}

  async profileOf(userId: string): Promise<Profile> {
    const [user, roles] = await Promise.all([this.repository.findUserById(userId), this.repository.rolesOf(userId)]);
    if (!user) throw new NotFoundDomainException('USER_NOT_FOUND', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      phone: user.phone,
      preferredLanguage: user.preferredLanguage,
      status: user.status,
      mustChangePassword: user.mustChangePassword,
      roles: roles.map((r) => ({ role: r.role, unitId: r.unitId })),
    };
  }
}
