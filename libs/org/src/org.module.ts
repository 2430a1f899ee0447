import { Module } from '@nestjs/common';
import { IdentityModule } from '@lms/identity';
import { AccessService } from './access.service';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';
import { PeopleService } from './people.service';
import { RegistrationService } from './registration.service';

/** The organisation tree (department → commune → institution → class), the people in it and who reaches what. */
@Module({ imports: [IdentityModule], providers: [OrgRepository, OrgService, AccessService, PeopleService, RegistrationService], exports: [OrgService, AccessService, PeopleService, RegistrationService] })
export class OrgModule {}
