import { Module } from '@nestjs/common';
import { IdentityModule } from '@lms/identity';
import { OrgModule } from '@lms/org';
import { RosterImportProcessor } from './import/roster-import.processor';
import { RosterImportService } from './import/roster-import.service';

/**
 * Roster imports (students and staff of an institution, from CSV or XLSX) and account slips. The
 * processor runs wherever job processors run (the worker; the api under JOBS_DRIVER=inline).
 * Needs OBJECT_STORAGE (`StorageModule.forRoot()`) and `JobsModule`.
 */
@Module({
  imports: [IdentityModule, OrgModule],
  providers: [RosterImportService, RosterImportProcessor],
  exports: [RosterImportService],
})
export class RosterModule {}
