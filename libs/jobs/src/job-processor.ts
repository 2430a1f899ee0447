import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { JobPayloads } from './job-registry';

export type JobsDriverName = 'bullmq' | 'inline';

/** What a processor knows about the run it is in. */
export interface JobContext {
  id: string;
  name: string;
  queue: string;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  driver: JobsDriverName;
}

/**
 * A job processor. `handle` must throw (or let throw) on failure: the driver retries with the job's
 * backoff until its attempts are spent. Throw BullMQ's `UnrecoverableError` to fail at once.
 * The returned value must be JSON (BullMQ stores it as the job's return value).
 */
export interface JobHandler<N extends keyof P & string, P extends object = JobPayloads> {
  handle(payload: P[N], context: JobContext): Promise<unknown>;
}

export const JOB_PROCESSOR_METADATA = 'lms:jobs:processor';

/**
 * Marks an injectable class as the processor of one job name. Exactly one processor per registered
 * name must be loaded wherever processors run; start-up fails otherwise.
 *
 * `@JobProcessor('storage.cleanup-abandoned-uploads')`; tests with their own registry write
 * `@JobProcessor<TestPayloads>('test.flaky')`.
 */
export function JobProcessor<P extends object = JobPayloads>(name: keyof P & string): ClassDecorator {
  return applyDecorators(SetMetadata(JOB_PROCESSOR_METADATA, name), Injectable());
}
