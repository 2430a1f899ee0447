import { Module } from '@nestjs/common';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';

/** The organisation tree (department → commune → institution → class). */
@Module({ providers: [OrgRepository, OrgService], exports: [OrgService] })
export class OrgModule {}
