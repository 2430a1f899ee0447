import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job, type QueueOptions, type RedisOptions } from 'bullmq';
import type { JobDispatcher } from '../job-processor.explorer';
import type { JobRegistry } from '../job-registry';
import { settlesWithin, type EnqueueRequest, type EnqueuedJob, type JobDriver, type ScheduleEntry } from './job-driver';

/**
 * BullMQ on Redis: one Queue per registry queue (created on first use), and in processes that run
 * processors one Worker per queue that dispatches by job name. Connection and key prefix come from
 * the shared `BullModule.forRootAsync` configuration.
 */
export class BullmqJobDriver implements JobDriver {
  readonly name = 'bullmq' as const;
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly registry: JobRegistry,
    private readonly shared: QueueOptions,
  ) {}

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      if (!(name in this.registry.queues)) throw new Error(`Unknown queue "${name}"`);
      queue = new Queue(name, {
        prefix: this.shared.prefix,
        // Producers fail after a few reconnect tries instead of hanging a request while Redis is down.
        connection: this.connection({ maxRetriesPerRequest: 3 }),
      });
      queue.on('error', (err: Error) => this.logger.warn(`Queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** The shared connection settings, copied so every Queue and Worker opens its own connection. */
  private connection(overrides: RedisOptions): RedisOptions {
    return { ...(this.shared.connection as RedisOptions), ...overrides };
  }

  async enqueue(request: EnqueueRequest): Promise<EnqueuedJob> {
    const job = await this.queue(request.queue).add(request.name, request.payload, request.options);
    return { id: job.id ?? request.options.jobId ?? '', name: request.name, queue: request.queue };
  }

  async startConsumers(dispatcher: JobDispatcher): Promise<void> {
    for (const [queueName, definition] of Object.entries(this.registry.queues)) {
      const worker = new Worker(
        queueName,
        (job: Job) =>
          dispatcher.run(job.name, job.data, {
            id: job.id ?? '',
            name: job.name,
            queue: queueName,
            attempt: job.attemptsMade + 1,
            maxAttempts: Math.max(job.opts.attempts ?? 1, 1),
            driver: 'bullmq',
          }),
        {
          prefix: this.shared.prefix,
          // Workers block on Redis: they must wait through reconnects, never give up on a command.
          connection: this.connection({ maxRetriesPerRequest: null }),
          concurrency: definition.concurrency,
          autorun: true,
        },
      );
      worker.on('failed', (job: Job | undefined, err: Error) => {
        if (!job) return this.logger.error(`Worker ${queueName}: ${err.message}`);
        const max = Math.max(job.opts.attempts ?? 1, 1);
        const final = job.attemptsMade >= max || err.name === 'UnrecoverableError';
        const text = `Job ${job.name} (${job.id}) attempt ${job.attemptsMade}/${max} failed: ${err.message}`;
        if (final) this.logger.error(`${text}; no retry left`, err.stack);
        else this.logger.warn(`${text}; will retry`);
      });
      worker.on('stalled', (jobId: string) => this.logger.warn(`Job ${jobId} on ${queueName} stalled (its worker died?); it will run again`));
      worker.on('error', (err: Error) => this.logger.error(`Worker ${queueName}: ${err.message}`));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    this.logger.log(`Consuming queues ${Object.keys(this.registry.queues).join(', ')} (prefix "${this.shared.prefix ?? 'bull'}")`);
  }

  async applySchedules(entries: ScheduleEntry[]): Promise<void> {
    for (const queueName of Object.keys(this.registry.queues)) {
      const queue = this.queue(queueName);
      const wanted = entries.filter((e) => e.queue === queueName);
      for (const existing of await queue.getJobSchedulers()) {
        if (!wanted.some((e) => e.name === existing.key)) {
          await queue.removeJobScheduler(existing.key);
          this.logger.log(`Removed job scheduler ${existing.key} (no longer in the registry)`);
        }
      }
      for (const entry of wanted) {
        // The scheduler id is the job name: upserting on every start (from any replica) is idempotent.
        const { jobId: _jobId, delay: _delay, deduplication: _dedupe, ...template } = entry.options;
        await queue.upsertJobScheduler(entry.name, { every: entry.every }, { name: entry.name, data: entry.payload, opts: template });
        this.logger.log(`Job scheduler ${entry.name}: every ${entry.every / 1000} s`);
      }
    }
  }

  async stopConsumers(timeoutMs: number): Promise<void> {
    const workers = this.workers.splice(0);
    if (workers.length === 0) return;
    // close() stops fetching and waits for the active jobs to finish.
    const finished = await settlesWithin(Promise.allSettled(workers.map((w) => w.close())), timeoutMs);
    if (!finished) {
      this.logger.warn(`Shutdown: jobs still running after ${timeoutMs} ms; leaving them (their locks expire and another worker retries them)`);
    }
  }

  async close(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.allSettled(queues.map((q) => q.close()));
  }

  async drain(): Promise<void> {
    // Jobs run in worker processes; nothing to wait for here.
  }
}
