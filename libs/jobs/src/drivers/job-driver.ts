import type { JobsOptions } from 'bullmq';
import type { JobDispatcher } from '../job-processor.explorer';
import type { JobsDriverName } from '../job-processor';

export interface EnqueueRequest {
  name: string;
  queue: string;
  payload: unknown;
  /** Registry options merged with the caller's (jobId, delay, priority). */
  options: JobsOptions;
}

export interface EnqueuedJob {
  id: string;
  name: string;
  queue: string;
}

export interface ScheduleEntry {
  name: string;
  queue: string;
  every: number;
  payload: unknown;
  options: JobsOptions;
}

/** What JobsService needs from a queue technology. */
export interface JobDriver {
  readonly name: JobsDriverName;
  enqueue(request: EnqueueRequest): Promise<EnqueuedJob>;
  /** Starts running jobs of the registry's queues in this process. */
  startConsumers(dispatcher: JobDispatcher): Promise<void>;
  /** Makes the repeating jobs exactly `entries` (adds, updates, removes stale ones). */
  applySchedules(entries: ScheduleEntry[]): Promise<void>;
  /** Stops taking jobs and waits (up to `timeoutMs`) for the running ones. */
  stopConsumers(timeoutMs: number): Promise<void>;
  /** Releases connections; after `stopConsumers`. */
  close(): Promise<void>;
  /** Resolves when no job is queued or running in this process (inline); no-op for BullMQ. */
  drain(): Promise<void>;
}

export const JOB_DRIVER = Symbol('JOB_DRIVER');

/** Resolves after `ms`, or false at once if `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** True when `work` settles within `ms`, false when the time runs out first (the timer never outlives it). */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const timeout = new AbortController();
  try {
    return await Promise.race([work.then(() => true, () => true), sleep(ms, timeout.signal).then((slept) => !slept)]);
  } finally {
    timeout.abort();
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
