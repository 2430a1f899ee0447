import { Module } from '@nestjs/common';
import { OrgModule } from '@lms/org';
import { OrgController } from './org.controller';
import { MyChildrenController, PeopleController } from './people.controller';

@Module({ imports: [OrgModule], controllers: [OrgController, PeopleController, MyChildrenController] })
export class OrgHttpModule {}
