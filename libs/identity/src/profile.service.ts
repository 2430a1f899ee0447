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
    const row = await this.repository.profileRow(userId);
    if (!row) throw new NotFoundDomainException('USER_NOT_FOUND', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });
    return row;
  }
}
