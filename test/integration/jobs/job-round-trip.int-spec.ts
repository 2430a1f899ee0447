import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Global, Logger, Module, type DynamicModule, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue, type Job } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, buildAppConfig, validateEnvironment, type AppConfig } from '@lms/core';
import {
  JOBS,
  JobProcessor,
  JobsModule,
  JobsService,
  QUEUES,
  redisOptionsFromUrl,
  type JobContext,
  type JobDefinitionsFor,
  type JobHandler,
  type JobPayloads,
  type JobRegistry,
} from '@lms/jobs';
import { FsObjectStorage, OBJECT_STORAGE, UrlSigner, type ObjectStorage } from '@lms/storage';
// Relative until libs/storage/src/index.ts re-exports './cleanup'.
import { CleanupAbandonedUploadsProcessor, UPLOAD_STAGING_PREFIX } from '../../../libs/storage/src/cleanup';

/**
 * Jobs end to end on the machine's Redis: producer (api) and worker contexts on one unique key
 * prefix, the real clean-up processor on the filesystem storage driver, retries, final failure,
 * graceful shutdown, the job scheduler, and the inline driver running the same processors.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `lms-test-jobs-${randomBytes(4).toString('hex')}`;
const DAY = 24 * 3600;

// ---- test jobs, in a registry built on the production one (its storage job; other domains' jobs
// need their domains' modules, which this file does not load) ------------------------------------
interface TestPayloads extends Pick<JobPayloads, 'storage.cleanup-abandoned-uploads'> {
  'test.flaky': { key: string; failures: number };
  'test.always-fails': { key: string };
  'test.slow': { key: string; ms: number };
}
const TEST_QUEUES = { ...QUEUES, test: { concurrency: 2 } };
const TEST_JOBS: JobDefinitionsFor<TestPayloads> = {
  'storage.cleanup-abandoned-uploads': JOBS['storage.cleanup-abandoned-uploads'],
  'test.flaky': { queue: 'test', options: { attempts: 3, backoff: { type: 'fixed', delay: 50 }, removeOnComplete: false, removeOnFail: false } },
  'test.always-fails': { queue: 'test', options: { attempts: 3, backoff: { type: 'exponential', delay: 20 }, removeOnComplete: false, removeOnFail: false } },
  'test.slow': { queue: 'test', options: { attempts: 1, removeOnComplete: false } },
};
const registry: JobRegistry = { queues: TEST_QUEUES, jobs: TEST_JOBS };

/** Calls per payload key, shared by every context of this file (one process). */
const calls = new Map<string, number>();
const bump = (key: string): number => {
  const n = (calls.get(key) ?? 0) + 1;
  calls.set(key, n);
  return n;
};

@JobProcessor<TestPayloads>('test.flaky')
class FlakyProcessor implements JobHandler<'test.flaky', TestPayloads> {
  async handle(payload: TestPayloads['test.flaky'], context: JobContext): Promise<string> {
    const n = bump(payload.key);
    if (n <= payload.failures) throw new Error(`flaky failure ${n}`);
    return `ok on attempt ${context.attempt}`;
  }
}

@JobProcessor<TestPayloads>('test.always-fails')
class AlwaysFailsProcessor implements JobHandler<'test.always-fails', TestPayloads> {
  async handle(payload: TestPayloads['test.always-fails']): Promise<never> {
    bump(payload.key);
    throw new Error('always fails');
  }
}

@JobProcessor<TestPayloads>('test.slow')
class SlowProcessor implements JobHandler<'test.slow', TestPayloads> {
  async handle(payload: TestPayloads['test.slow']): Promise<string> {
    bump(`${payload.key}:started`);
    await new Promise((resolve) => setTimeout(resolve, payload.ms));
    bump(`${payload.key}:finished`);
    return 'finished';
  }
}

const PROCESSORS = [CleanupAbandonedUploadsProcessor, FlakyProcessor, AlwaysFailsProcessor, SlowProcessor];

// ---- harness -----------------------------------------------------------------------------------
function testConfig(driver: 'bullmq' | 'inline', storageRoot: string): AppConfig {
  return buildAppConfig(
    validateEnvironment({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
      STORAGE_DRIVER: 'fs',
      STORAGE_FS_ROOT: storageRoot,
      STORAGE_SIGNING_SECRET: 'x'.repeat(32),
      REDIS_URL,
      JOBS_DRIVER: driver,
      JOBS_QUEUE_PREFIX: PREFIX,
      SHUTDOWN_TIMEOUT_MS: '10000',
    }),
  );
}

async function createStorage(root: string): Promise<FsObjectStorage> {
  const storage = new FsObjectStorage({ root, signer: new UrlSigner('x'.repeat(32), 'http://localhost:3000'), presignTtlSeconds: 900 });
  await storage.init();
  return storage;
}

/** One process: config + storage (what CoreModule and StorageModule give), jobs, processors. */
async function startContext(config: AppConfig, storage: ObjectStorage, jobs: DynamicModule): Promise<TestingModule> {
  @Global()
  @Module({
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: OBJECT_STORAGE, useValue: storage },
    ],
    exports: [APP_CONFIG, OBJECT_STORAGE],
  })
  class TestCoreModule {}
  @Module({ providers: PROCESSORS as Type[] })
  class DomainModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestCoreModule, jobs, DomainModule] }).compile();
  await moduleRef.init();
  return moduleRef;
}

async function putAged(storage: FsObjectStorage, root: string, key: string, ageSeconds: number): Promise<void> {
  await storage.put(key, Buffer.from(`bytes of ${key}`), { contentType: 'application/octet-stream' });
  const when = new Date(Date.now() - ageSeconds * 1000);
  // The fs driver reports the object file's mtime as lastModified.
  await utimes(path.join(root, 'objects', key), when, when);
}

async function keysOf(storage: ObjectStorage, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of storage.list(prefix)) keys.push(o.key);
  return keys.sort();
}

async function waitForJob(queue: Queue, id: string, states: string[], timeoutMs = 15_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await queue.getJobState(id);
    if (states.includes(state)) return (await queue.getJob(id)) as Job;
    if (Date.now() > deadline) throw new Error(`Job ${id} on ${queue.name} still "${state}" after ${timeoutMs} ms (wanted ${states.join('/')})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function assertRedisReachable(): Promise<Redis> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (error) {
    client.disconnect();
    throw new Error(
      `The jobs integration tests need Redis at ${REDIS_URL} (set REDIS_URL to use another): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function deletePrefixKeys(redis: Redis): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}

// ---- tests -------------------------------------------------------------------------------------
describe('jobs round trip on Redis (BullMQ driver)', () => {
  let redis: Redis;
  let root: string;
  let storage: FsObjectStorage;
  let api: TestingModule;
  let worker: TestingModule;
  let inspect: Record<string, Queue>;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    redis = await assertRedisReachable();
    root = await mkdtemp(path.join(tmpdir(), 'lms-jobs-'));
    storage = await createStorage(root);
    const config = testConfig('bullmq', root);
    // The api only enqueues; the worker consumes. The scheduler is tested on its own below.
    api = await startContext(config, storage, JobsModule.forRoot({ processors: false, registry }));
    worker = await startContext(config, storage, JobsModule.forRoot({ processors: true, schedules: false, registry }));
    const connection = redisOptionsFromUrl(REDIS_URL);
    inspect = Object.fromEntries(Object.keys(TEST_QUEUES).map((name) => [name, new Queue(name, { connection, prefix: PREFIX })]));
  });

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await Promise.all(Object.values(inspect ?? {}).map((q) => q.close()));
    if (redis) {
      await deletePrefixKeys(redis);
      expect(await redis.keys(`${PREFIX}:*`)).toEqual([]);
      redis.disconnect();
    }
    if (root) await rm(root, { recursive: true, force: true });
    Logger.overrideLogger(false);
  });

  it('runs the clean-up job enqueued by the api in the worker: old staged objects go, the rest stay', async () => {
    await putAged(storage, root, `${UPLOAD_STAGING_PREFIX}abandoned.mp4`, 2 * DAY);
    await putAged(storage, root, `${UPLOAD_STAGING_PREFIX}user-7/abandoned.pdf`, DAY + 60);
    await putAged(storage, root, `${UPLOAD_STAGING_PREFIX}in-progress.mp4`, 60);
    await putAged(storage, root, 'courses/c1/lesson-1.mp4', 30 * DAY);

    const jobs = api.get<JobsService<TestPayloads>>(JobsService);
    expect(jobs.driverName).toBe('bullmq');
    const enqueued = await jobs.enqueue('storage.cleanup-abandoned-uploads', { olderThanSeconds: DAY });
    expect(enqueued.queue).toBe('maintenance');

    const job = await waitForJob(inspect.maintenance!, enqueued.id, ['completed', 'failed']);
    expect(job.failedReason).toBeUndefined();
    expect(job.returnvalue).toEqual({ prefix: UPLOAD_STAGING_PREFIX, scanned: 3, deleted: 2, abortedUploads: 0 });
    expect(job.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
    expect(await keysOf(storage)).toEqual(['courses/c1/lesson-1.mp4', `${UPLOAD_STAGING_PREFIX}in-progress.mp4`]);

    // Idempotent: running again finds nothing to delete.
    const again = await jobs.enqueue('storage.cleanup-abandoned-uploads', { olderThanSeconds: DAY });
    expect((await waitForJob(inspect.maintenance!, again.id, ['completed'])).returnvalue).toMatchObject({ deleted: 0 });
  });

  it('dedupes by jobId', async () => {
    const jobs = api.get<JobsService<TestPayloads>>(JobsService);
    const first = await jobs.enqueue('test.slow', { key: 'dedupe', ms: 200 }, { jobId: `dedupe-${PREFIX}` });
    const second = await jobs.enqueue('test.slow', { key: 'dedupe', ms: 200 }, { jobId: `dedupe-${PREFIX}` });
    expect(second.id).toBe(first.id);
    await waitForJob(inspect.test!, first.id, ['completed']);
    expect(calls.get('dedupe:started')).toBe(1);
  });

  it('retries a processor that fails twice, and the job ends completed', async () => {
    const jobs = api.get<JobsService<TestPayloads>>(JobsService);
    const { id } = await jobs.enqueue('test.flaky', { key: 'flaky', failures: 2 });
    const job = await waitForJob(inspect.test!, id, ['completed', 'failed']);
    expect(job.returnvalue).toBe('ok on attempt 3');
    expect(calls.get('flaky')).toBe(3);
    expect(await inspect.test!.getJobState(id)).toBe('completed');
  });

  it('fails a processor that always throws after its attempts', async () => {
    const jobs = api.get<JobsService<TestPayloads>>(JobsService);
    const { id } = await jobs.enqueue('test.always-fails', { key: 'broken' });
    const job = await waitForJob(inspect.test!, id, ['completed', 'failed']);
    expect(await inspect.test!.getJobState(id)).toBe('failed');
    expect(job.failedReason).toBe('always fails');
    expect(job.attemptsMade).toBe(3);
    expect(calls.get('broken')).toBe(3);
  });

  it('installs the hourly clean-up scheduler and removes schedulers no longer in the registry', async () => {
    // Left by an older release; starts in an hour so the worker above never sees one of its jobs.
    await inspect.maintenance!.upsertJobScheduler('obsolete.job', { every: 60_000, startDate: Date.now() + 3600_000 }, { name: 'obsolete.job', data: {} });
    const scheduler = await startContext(
      testConfig('bullmq', root),
      storage,
      JobsModule.forRoot({ processors: false, schedules: true, registry }),
    );
    try {
      const schedulers = await inspect.maintenance!.getJobSchedulers();
      expect(schedulers.map((s) => ({ key: s.key, name: s.name, every: s.every }))).toEqual([
        { key: 'storage.cleanup-abandoned-uploads', name: 'storage.cleanup-abandoned-uploads', every: 3600 * 1000 },
      ]);
      expect(schedulers[0]!.template?.data).toEqual({ olderThanSeconds: DAY });
    } finally {
      await scheduler.close();
    }
  });

  it('lets the running job finish when the worker shuts down', async () => {
    const jobs = api.get<JobsService<TestPayloads>>(JobsService);
    const { id } = await jobs.enqueue('test.slow', { key: 'shutdown', ms: 500 });
    await waitForJob(inspect.test!, id, ['active']);
    await worker.close();
    expect(calls.get('shutdown:finished')).toBe(1);
    expect(await inspect.test!.getJobState(id)).toBe('completed');
  });
});

describe('the same processors on the inline driver', () => {
  let root: string;
  let app: TestingModule;
  let storage: FsObjectStorage;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    root = await mkdtemp(path.join(tmpdir(), 'lms-jobs-inline-'));
    storage = await createStorage(root);
    // processors: false, as in the api: with the inline driver they run in process anyway.
    app = await startContext(testConfig('inline', root), storage, JobsModule.forRoot({ processors: false, schedules: false, registry }));
  });

  afterAll(async () => {
    await app?.close();
    if (root) await rm(root, { recursive: true, force: true });
    Logger.overrideLogger(false);
  });

  it('runs the clean-up job in process', async () => {
    await putAged(storage, root, `${UPLOAD_STAGING_PREFIX}abandoned.mp4`, 2 * DAY);
    await putAged(storage, root, `${UPLOAD_STAGING_PREFIX}fresh.mp4`, 10);
    await putAged(storage, root, 'certificates/old.pdf', 9 * DAY);
    const jobs = app.get<JobsService<TestPayloads>>(JobsService);
    expect(jobs.driverName).toBe('inline');
    await jobs.enqueue('storage.cleanup-abandoned-uploads', { olderThanSeconds: DAY });
    await jobs.drain();
    expect(await keysOf(storage)).toEqual(['certificates/old.pdf', `${UPLOAD_STAGING_PREFIX}fresh.mp4`]);
  });

  it('retries with the same attempts: fails twice then completes; always failing stops after 3', async () => {
    const jobs = app.get<JobsService<TestPayloads>>(JobsService);
    await jobs.enqueue('test.flaky', { key: 'inline-flaky', failures: 2 });
    await jobs.enqueue('test.always-fails', { key: 'inline-broken' });
    await jobs.drain();
    expect(calls.get('inline-flaky')).toBe(3);
    expect(calls.get('inline-broken')).toBe(3);
  });
});
