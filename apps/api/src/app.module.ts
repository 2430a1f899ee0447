import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AllExceptionsFilter, CoreModule } from '@lms/core';
import { IdentityModule } from '@lms/identity';
import { JobsModule } from '@lms/jobs';
import { StorageCleanupModule, StorageModule } from '@lms/storage';
import { PermissionsGuard } from './auth/permissions.guard';
import { HealthController } from './health/health.controller';
import { IdentityHttpModule } from './identity/identity.http-module';
import { MediaHttpModule } from './media/media.http-module';
import { CoursesHttpModule } from './courses/courses.http-module';
import { LearningHttpModule } from './learning/learning.http-module';
import { OrgHttpModule } from './org/org.http-module';
import { RosterHttpModule } from './roster/roster.http-module';
import { ShutdownState } from './health/shutdown.state';
import { StorageHttpModule } from './storage/storage.http-module';
import { SystemController } from './system/system.controller';

/** The HTTP application: every domain's controllers, the global guard and the one error filter. */
@Module({
  imports: [
    CoreModule,
    StorageModule.forRoot(),
    // With BullMQ the api only enqueues (the worker consumes); with the inline driver the same
    // processors run here, in process.
    JobsModule.forRoot({ processors: false }),
    StorageCleanupModule,
    TerminusModule.forRoot({ errorLogStyle: 'pretty', gracefulShutdownTimeoutMs: 0 }),
    StorageHttpModule,
    IdentityModule,
    IdentityHttpModule,
    OrgHttpModule,
    RosterHttpModule,
    MediaHttpModule,
    CoursesHttpModule,
    LearningHttpModule,
  ],
  controllers: [HealthController, SystemController],
  providers: [
    ShutdownState,
    { provide: APP_GUARD, useClass: PermissionsGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class AppModule {}
