import { Module } from '@nestjs/common';
import { CoreModule } from '@lms/core';
import { JobsModule } from '@lms/jobs';
import { LearningModule } from '@lms/learning';
import { MediaModule } from '@lms/media';
import { RosterModule } from '@lms/roster';
import { StorageCleanupModule, StorageModule } from '@lms/storage';

/**
 * The worker: the same domain libs as the api, no HTTP, every job processor. Add each domain's
 * processors module here (and to the api, which runs them itself under JOBS_DRIVER=inline).
 */
@Module({
  imports: [CoreModule, StorageModule.forRoot(), JobsModule.forRoot({ processors: true }), StorageCleanupModule, RosterModule, MediaModule, LearningModule],
})
export class WorkerModule {}
