import { Module } from '@nestjs/common';
import { OrgModule } from '@lms/org';
import { OrgController } from './org.controller';

@Module({ imports: [OrgModule], controllers: [OrgController] })
export class OrgHttpModule {}
