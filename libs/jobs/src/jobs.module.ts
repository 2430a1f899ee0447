import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule, getSharedConfigToken } from '@nestjs/bullmq';
import type { QueueOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import { BullmqJobDriver } from './drivers/bullmq.driver';
import { InlineJobDriver } from './drivers/inline.driver';
import { JOB_DRIVER, type JobDriver } from './drivers/job-driver';
import { JobProcessorExplorer } from './job-processor.explorer';
import { JOB_REGISTRY_DEFAULT, type JobRegistry } from './job-registry';
import { JOB_REGISTRY, JOBS_MODULE_OPTIONS, type JobsModuleOptions } from './jobs.constants';
import { JobsRuntime } from './jobs.runtime';
import { JobsService } from './jobs.service';
import { redisOptionsFromUrl } from './redis-connection';

/** The shared BullMQ settings: Redis from `REDIS_URL`, keys under `JOBS_QUEUE_PREFIX`. */
export function bullRootOptions(config: AppConfig): QueueOptions {
  return {
    prefix: config.jobs.queuePrefix,
    // With the inline driver no BullMQ object is ever built; the connection is then unused.
    connection: config.redis.url ? redisOptionsFromUrl(config.redis.url) : {},
  };
}

function createDriver(config: AppConfig, registry: JobRegistry, shared: QueueOptions): JobDriver {
  if (config.jobs.driver === 'inline') return new InlineJobDriver();
  if (!config.redis.url) throw new Error('JOBS_DRIVER=bullmq needs REDIS_URL (or set JOBS_DRIVER=inline to run jobs in process)');
  return new BullmqJobDriver(registry, shared);
}

/**
 * Background jobs. `JobsModule.forRoot({ processors: false })` in the api (enqueue only when the
 * driver is bullmq; with the inline driver the api runs processors itself), `{ processors: true }`
 * in the worker. Global: any module can inject `JobsService`. Processors are `@JobProcessor`
 * providers of any module the process imports.
 */
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => bullRootOptions(config) }),
      ],
      providers: [
        { provide: JOBS_MODULE_OPTIONS, useValue: options },
        { provide: JOB_REGISTRY, useValue: options.registry ?? JOB_REGISTRY_DEFAULT },
        { provide: JOB_DRIVER, inject: [APP_CONFIG, JOB_REGISTRY, getSharedConfigToken()], useFactory: createDriver },
        JobProcessorExplorer,
        JobsRuntime,
        JobsService,
      ],
      exports: [JobsService, JOB_DRIVER, JOB_REGISTRY],
    };
  }
}
