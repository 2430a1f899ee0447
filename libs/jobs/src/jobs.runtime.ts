import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import { JOB_DRIVER, type JobDriver, type ScheduleEntry } from './drivers/job-driver';
import { checkJobProcessors, JobDispatcher, JobProcessorExplorer, JobsConfigurationError } from './job-processor.explorer';
import type { JobRegistry } from './job-registry';
import { JOB_REGISTRY, JOBS_MODULE_OPTIONS, type JobsModuleOptions } from './jobs.constants';

/**
 * Start-up and shutdown of the jobs machinery: checks processors against the registry (module init),
 * starts consumers and schedules (bootstrap, after every module is ready), then on shutdown stops
 * taking jobs and lets the running ones finish before queues and connections close.
 */
@Injectable()
export class JobsRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private dispatcher: JobDispatcher | null = null;

  constructor(
    @Inject(JOBS_MODULE_OPTIONS) private readonly options: JobsModuleOptions,
    @Inject(JOB_REGISTRY) private readonly registry: JobRegistry,
    @Inject(JOB_DRIVER) private readonly driver: JobDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly explorer: JobProcessorExplorer,
  ) {}

  /** Processors run here in the worker, and everywhere with the inline driver. */
  get runsProcessors(): boolean {
    return this.options.processors || this.driver.name === 'inline';
  }

  onModuleInit(): void {
    const found = this.explorer.discover();
    const problems = checkJobProcessors(this.registry, found, { requireAll: this.runsProcessors });
    if (problems.length > 0) throw new JobsConfigurationError(problems);
    if (this.runsProcessors) this.dispatcher = JobDispatcher.fromProcessors(found);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.dispatcher) {
      await this.driver.startConsumers(this.dispatcher);
      this.logger.log(`Job processors running in this process (${this.driver.name} driver)`);
    }
    if (this.options.schedules ?? this.runsProcessors) await this.driver.applySchedules(this.scheduleEntries());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.driver.stopConsumers(this.config.http.shutdownTimeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }

  private scheduleEntries(): ScheduleEntry[] {
    return Object.entries(this.registry.jobs).flatMap(([name, def]) =>
      def.schedule ? [{ name, queue: def.queue, every: def.schedule.every, payload: def.schedule.payload, options: { ...def.options } }] : [],
    );
  }
}
