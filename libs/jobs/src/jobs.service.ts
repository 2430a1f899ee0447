import { Inject, Injectable } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { JOB_DRIVER, type EnqueuedJob, type JobDriver } from './drivers/job-driver';
import type { JobsDriverName } from './job-processor';
import type { JobPayloads, JobRegistry } from './job-registry';
import { JOB_REGISTRY } from './jobs.constants';

export interface EnqueueOptions {
  /**
   * Deduplication key (BullMQ jobId): while a job with this id exists (waiting, running, or kept
   * after it finished), enqueuing another with the same id does nothing. Build it from the
   * domain, e.g. `certificate.render.${certificateId}`; not a bare number, no ":".
   */
  jobId?: string;
  /** Milliseconds to wait before the job may run. */
  delay?: number;
  priority?: number;
}

/**
 * The one way to start background work: `jobs.enqueue('storage.cleanup-abandoned-uploads',
 * { olderThanSeconds: 86400 })`. Name and payload are checked against `JobPayloads`; options come
 * from the registry. Tests with their own registry inject `JobsService<TestPayloads>`.
 */
@Injectable()
export class JobsService<P extends object = JobPayloads> {
  constructor(
    @Inject(JOB_DRIVER) private readonly driver: JobDriver,
    @Inject(JOB_REGISTRY) private readonly registry: JobRegistry,
  ) {}

  get driverName(): JobsDriverName {
    return this.driver.name;
  }

  async enqueue<N extends keyof P & string>(name: N, payload: P[N], options: EnqueueOptions = {}): Promise<EnqueuedJob> {
    const definition = this.registry.jobs[name];
    if (!definition) throw new Error(`Unknown job "${name}": add it to libs/jobs/src/job-registry.ts`);
    if (options.jobId !== undefined) assertValidJobId(options.jobId);
    const merged: JobsOptions = {
      ...definition.options,
      ...(options.jobId !== undefined ? { jobId: options.jobId } : {}),
      ...(options.delay !== undefined ? { delay: options.delay } : {}),
      ...(options.priority !== undefined ? { priority: options.priority } : {}),
    };
    return this.driver.enqueue({ name, queue: definition.queue, payload, options: merged });
  }

  /** Inline driver: resolves once every job enqueued so far (and its retries) has finished. */
  drain(): Promise<void> {
    return this.driver.drain();
  }
}

/** BullMQ's own rules for custom ids, enforced for both drivers so tests catch them early. */
export function assertValidJobId(jobId: string): void {
  if (jobId.length === 0) throw new Error('jobId must not be empty');
  if (/^\d+$/.test(jobId)) throw new Error(`jobId "${jobId}" must not be an integer (BullMQ numbers its own ids)`);
  if (jobId.includes(':')) throw new Error(`jobId "${jobId}" must not contain ":" (BullMQ key separator)`);
}
