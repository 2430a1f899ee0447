import { Logger } from '@nestjs/common';
import { backoffDelay } from '../backoff';
import type { JobDispatcher } from '../job-processor.explorer';
import { errorMessage, settlesWithin, sleep, type EnqueueRequest, type EnqueuedJob, type JobDriver, type ScheduleEntry } from './job-driver';

/**
 * Runs jobs in this process, after `enqueue` returns, with the registry's attempts and backoff.
 * For the embedded default (`npm start` without Redis) and unit tests. Nothing survives a restart:
 * like a job lost with Redis, whatever a job produces must be re-derivable from the database.
 * A failing job is logged, never thrown into the caller or the process.
 */
export class InlineJobDriver implements JobDriver {
  readonly name = 'inline' as const;
  private readonly logger = new Logger('Jobs');
  private readonly running = new Set<Promise<void>>();
  private readonly pendingIds = new Set<string>();
  private readonly stopping = new AbortController();
  private readonly intervals: NodeJS.Timeout[] = [];
  private dispatcher: JobDispatcher | null = null;
  private dispatcherReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.dispatcherReady = resolve));
  private sequence = 0;

  async enqueue(request: EnqueueRequest): Promise<EnqueuedJob> {
    if (this.stopping.signal.aborted) throw new Error(`Cannot enqueue job "${request.name}": the application is shutting down`);
    const id = request.options.jobId ?? `inline-${++this.sequence}`;
    const job = { id, name: request.name, queue: request.queue };
    // Same as BullMQ's jobId: a second job with the id of one still waiting or running is dropped.
    if (this.pendingIds.has(id)) return job;
    this.pendingIds.add(id);
    const run = this.run(request, id).finally(() => {
      this.running.delete(run);
      this.pendingIds.delete(id);
    });
    this.running.add(run);
    return job;
  }

  async startConsumers(dispatcher: JobDispatcher): Promise<void> {
    this.dispatcher = dispatcher;
    this.dispatcherReady();
  }

  async applySchedules(entries: ScheduleEntry[]): Promise<void> {
    for (const entry of entries) {
      const timer = setInterval(() => {
        this.enqueue({ ...entry, options: { ...entry.options, jobId: `scheduled.${entry.name}` } }).catch((err: unknown) =>
          this.logger.warn(`Scheduled job ${entry.name} not enqueued: ${errorMessage(err)}`),
        );
      }, entry.every);
      timer.unref();
      this.intervals.push(timer);
    }
  }

  /** Waits until every job enqueued so far, and any job they enqueue, has finished (tests). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async stopConsumers(timeoutMs: number): Promise<void> {
    this.intervals.splice(0).forEach((t) => clearInterval(t));
    this.stopping.abort();
    this.dispatcherReady();
    if (this.running.size === 0) return;
    const finished = await settlesWithin(this.drain(), timeoutMs);
    if (!finished) this.logger.warn(`Shutdown: ${this.running.size} inline job(s) still running after ${timeoutMs} ms; leaving them`);
  }

  async close(): Promise<void> {
    // Nothing to release.
  }

  private async run(request: EnqueueRequest, id: string): Promise<void> {
    const { name, queue, payload, options } = request;
    const maxAttempts = Math.max(options.attempts ?? 1, 1);
    try {
      // Let enqueue's caller go on first, as with a real queue.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.delay && !(await sleep(options.delay, this.stopping.signal))) return this.dropped(name, id);
      await this.ready;
      for (let attempt = 1; ; attempt++) {
        const dispatcher = this.dispatcher;
        if (!dispatcher || (attempt > 1 && this.stopping.signal.aborted)) return this.dropped(name, id);
        try {
          await dispatcher.run(name, payload, { id, name, queue, attempt, maxAttempts, driver: 'inline' });
          return;
        } catch (err) {
          const unrecoverable = err instanceof Error && err.name === 'UnrecoverableError';
          if (unrecoverable || attempt >= maxAttempts) {
            this.logger.error(`Job ${name} (${id}) failed after ${attempt} attempt(s): ${errorMessage(err)}`, err instanceof Error ? err.stack : undefined);
            return;
          }
          const delay = backoffDelay(options.backoff, attempt);
          this.logger.warn(`Job ${name} (${id}) attempt ${attempt}/${maxAttempts} failed: ${errorMessage(err)}; retrying in ${delay} ms`);
          if (!(await sleep(delay, this.stopping.signal))) return this.dropped(name, id);
        }
      }
    } catch (err) {
      // Defensive: nothing above should throw, but an inline job must never crash the process.
      this.logger.error(`Job ${name} (${id}) crashed the inline runner: ${errorMessage(err)}`);
    }
  }

  private dropped(name: string, id: string): void {
    this.logger.warn(`Job ${name} (${id}) dropped: shutting down before it could run again`);
  }
}
