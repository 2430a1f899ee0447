import { Global, Injectable, Logger, Module, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, buildAppConfig, validateEnvironment } from '@lms/core';
import { JobProcessor, type JobContext, type JobHandler } from './job-processor';
import { checkJobProcessors, JobsConfigurationError, type DiscoveredProcessor } from './job-processor.explorer';
import type { JobRegistry } from './job-registry';
import { JobsModule } from './jobs.module';
import { JobsService } from './jobs.service';

interface TestPayloads {
  'test.alpha': { n: number };
  'test.beta': { s: string };
}

const registry: JobRegistry = {
  queues: { main: { concurrency: 1 } },
  jobs: {
    'test.alpha': { queue: 'main', options: { attempts: 1 } },
    'test.beta': { queue: 'main', options: { attempts: 1 } },
  },
};

const found = (jobName: string, className = `${jobName}Processor`, extra: Partial<DiscoveredProcessor> = {}): DiscoveredProcessor => ({
  jobName,
  className,
  moduleName: 'TestModule',
  instance: { handle: async () => undefined },
  isSingleton: true,
  ...extra,
});

describe('checkJobProcessors (the start-up rule)', () => {
  it('accepts exactly one processor per registered job', () => {
    expect(checkJobProcessors(registry, [found('test.alpha'), found('test.beta')], { requireAll: true })).toEqual([]);
  });

  it('reports a registered job without a processor where processors run', () => {
    expect(checkJobProcessors(registry, [found('test.alpha')], { requireAll: true })).toEqual([
      `Job "test.beta" has no processor: provide a @JobProcessor('test.beta') class in a module this process imports`,
    ]);
  });

  it('does not require processors in a producer-only process', () => {
    expect(checkJobProcessors(registry, [], { requireAll: false })).toEqual([]);
  });

  it('reports two processors claiming one name, naming both', () => {
    const problems = checkJobProcessors(registry, [found('test.alpha', 'A'), found('test.alpha', 'B'), found('test.beta')], { requireAll: true });
    expect(problems).toEqual(['Job "test.alpha" has 2 processors: A (in TestModule), B (in TestModule); exactly one is allowed']);
  });

  it('reports a processor naming an unknown job, even in a producer-only process', () => {
    expect(checkJobProcessors(registry, [found('test.gamma', 'Gamma')], { requireAll: false })).toEqual([
      'Processor Gamma (in TestModule) handles "test.gamma", which is not a registered job name',
    ]);
  });

  it('reports a job on an unknown queue, a scoped processor and one without handle()', () => {
    const bad: JobRegistry = { queues: registry.queues, jobs: { ...registry.jobs, 'test.gamma': { queue: 'nope', options: { attempts: 1 } } } };
    const problems = checkJobProcessors(
      bad,
      [found('test.alpha', 'A', { isSingleton: false }), found('test.beta', 'B', { instance: {} }), found('test.gamma')],
      { requireAll: true },
    );
    expect(problems).toEqual([
      'Job "test.gamma" uses queue "nope", which is not a registered queue (main)',
      'Processor A (in TestModule) for "test.alpha" must be a singleton provider (no request or transient scope)',
      'Processor B (in TestModule) for "test.beta" has no handle(payload, context) method',
    ]);
  });
});

@JobProcessor<TestPayloads>('test.alpha')
class AlphaProcessor implements JobHandler<'test.alpha', TestPayloads> {
  readonly seen: number[] = [];
  async handle(payload: { n: number }, _context: JobContext): Promise<number> {
    this.seen.push(payload.n);
    return payload.n;
  }
}

@JobProcessor<TestPayloads>('test.beta')
class BetaProcessor implements JobHandler<'test.beta', TestPayloads> {
  async handle(): Promise<void> {}
}

@JobProcessor<TestPayloads>('test.beta')
class OtherBetaProcessor implements JobHandler<'test.beta', TestPayloads> {
  async handle(): Promise<void> {}
}

@Injectable()
@JobProcessor<{ 'test.gamma': object }>('test.gamma')
class GammaProcessor {
  async handle(): Promise<void> {}
}

function configModule(driver: 'inline' | 'bullmq'): Type {
  const config = buildAppConfig(
    validateEnvironment({
      DATABASE_URL: 'postgres://lms@127.0.0.1:5432/lms',
      STORAGE_SIGNING_SECRET: 'x'.repeat(32),
      JOBS_DRIVER: driver,
      REDIS_URL: 'redis://127.0.0.1:6379',
    }),
  );
  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
  class TestConfigModule {}
  return TestConfigModule;
}

async function boot(processors: Type[], options: { driver?: 'inline' | 'bullmq'; processors?: boolean } = {}) {
  @Module({ providers: processors })
  class DomainModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [configModule(options.driver ?? 'inline'), JobsModule.forRoot({ processors: options.processors ?? true, registry }), DomainModule],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

describe('JobsModule start-up', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('starts when every job has one processor, and runs them inline', async () => {
    const app = await boot([AlphaProcessor, BetaProcessor]);
    const jobs = app.get<JobsService<TestPayloads>>(JobsService);
    await jobs.enqueue('test.alpha', { n: 7 });
    await jobs.drain();
    expect(app.get(AlphaProcessor).seen).toEqual([7]);
    await app.close();
  });

  it('finds a processor provided by a factory, once even when aliased', async () => {
    const app = await boot([
      AlphaProcessor,
      { provide: 'beta', useFactory: () => new BetaProcessor() },
      { provide: 'beta-alias', useExisting: 'beta' },
    ] as Type[]);
    await app.close();
  });

  it('fails when a registered job has no processor', async () => {
    await expect(boot([AlphaProcessor])).rejects.toThrow(JobsConfigurationError);
    await expect(boot([AlphaProcessor])).rejects.toThrow(/Job "test.beta" has no processor/);
  });

  it('fails when two processors claim one name', async () => {
    await expect(boot([AlphaProcessor, BetaProcessor, OtherBetaProcessor])).rejects.toThrow(
      /Job "test.beta" has 2 processors: BetaProcessor \(in DomainModule\), OtherBetaProcessor \(in DomainModule\)/,
    );
  });

  it('fails when a processor names an unknown job', async () => {
    await expect(boot([AlphaProcessor, BetaProcessor, GammaProcessor])).rejects.toThrow(
      /Processor GammaProcessor \(in DomainModule\) handles "test.gamma", which is not a registered job name/,
    );
  });

  it('runs processors with the inline driver even when asked for producers only', async () => {
    await expect(boot([AlphaProcessor], { processors: false })).rejects.toThrow(/Job "test.beta" has no processor/);
  });

  it('does not require processors in a BullMQ producer (the api)', async () => {
    const app = await boot([], { driver: 'bullmq', processors: false });
    expect(app.get(JobsService).driverName).toBe('bullmq');
    await app.close();
  });
});
