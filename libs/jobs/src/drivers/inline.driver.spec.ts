import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { JobContext } from '../job-processor';
import { JobDispatcher } from '../job-processor.explorer';
import { InlineJobDriver } from './inline.driver';

type Handle = (payload: unknown, context: JobContext) => Promise<unknown>;

function driverWith(handlers: Record<string, Handle>): InlineJobDriver {
  const driver = new InlineJobDriver();
  void driver.startConsumers(new JobDispatcher(new Map(Object.entries(handlers))));
  return driver;
}

const request = (name: string, attempts: number, extra: Record<string, unknown> = {}) => ({
  name,
  queue: 'main',
  payload: { x: 1 },
  options: { attempts, backoff: { type: 'exponential', delay: 20 }, ...extra },
});

describe('InlineJobDriver', () => {
  let errors: string[];
  let warnings: string[];
  beforeEach(() => {
    errors = [];
    warnings = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((m: unknown) => void warnings.push(String(m)));
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('runs the job after enqueue returns', async () => {
    const calls: string[] = [];
    const driver = driverWith({ 'test.ok': async () => void calls.push('ran') });
    await driver.enqueue(request('test.ok', 1));
    expect(calls).toEqual([]);
    await driver.drain();
    expect(calls).toEqual(['ran']);
  });

  it('retries with exponential backoff until it succeeds', async () => {
    const contexts: JobContext[] = [];
    const times: number[] = [];
    const driver = driverWith({
      'test.flaky': async (_p, context) => {
        contexts.push(context);
        times.push(Date.now());
        if (context.attempt < 3) throw new Error(`boom ${context.attempt}`);
        return 'ok';
      },
    });
    const job = await driver.enqueue(request('test.flaky', 5));
    await driver.drain();
    expect(contexts.map((c) => [c.attempt, c.maxAttempts, c.id, c.driver])).toEqual([
      [1, 5, job.id, 'inline'],
      [2, 5, job.id, 'inline'],
      [3, 5, job.id, 'inline'],
    ]);
    // 20 ms then 40 ms (2^(n-1) * delay), as BullMQ would wait.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(18);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(38);
    expect(warnings).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('gives up after its attempts, logs, and neither throws nor rejects', async () => {
    let tries = 0;
    const driver = driverWith({ 'test.broken': async () => { tries++; throw new Error('always'); } });
    await expect(driver.enqueue(request('test.broken', 3))).resolves.toMatchObject({ name: 'test.broken' });
    await driver.drain();
    expect(tries).toBe(3);
    expect(errors).toEqual([expect.stringMatching(/Job test\.broken \(inline-\d+\) failed after 3 attempt\(s\): always/)]);
  });

  it('does not retry an UnrecoverableError', async () => {
    let tries = 0;
    const driver = driverWith({ 'test.bad': async () => { tries++; throw new UnrecoverableError('bad payload'); } });
    await driver.enqueue(request('test.bad', 5));
    await driver.drain();
    expect(tries).toBe(1);
    expect(errors[0]).toMatch(/failed after 1 attempt\(s\): bad payload/);
  });

  it('drops a second job with the id of one still pending (BullMQ jobId dedupe)', async () => {
    let runs = 0;
    const driver = driverWith({ 'test.ok': async () => void runs++ });
    const a = await driver.enqueue(request('test.ok', 1, { jobId: 'same' }));
    const b = await driver.enqueue(request('test.ok', 1, { jobId: 'same' }));
    await driver.drain();
    expect([a.id, b.id, runs]).toEqual(['same', 'same', 1]);
  });

  it('drains jobs enqueued by jobs', async () => {
    const seen: string[] = [];
    const driver: InlineJobDriver = driverWith({
      'test.parent': async () => {
        seen.push('parent');
        await driver.enqueue(request('test.child', 1));
      },
      'test.child': async () => void seen.push('child'),
    });
    await driver.enqueue(request('test.parent', 1));
    await driver.drain();
    expect(seen).toEqual(['parent', 'child']);
  });

  it('waits for the running job on shutdown, drops its pending retries, refuses new jobs', async () => {
    let finished = false;
    let tries = 0;
    const driver = driverWith({
      'test.slow': async () => {
        tries++;
        await new Promise((r) => setTimeout(r, 50));
        finished = true;
        throw new Error('fails, would retry');
      },
    });
    await driver.enqueue(request('test.slow', 5, { backoff: 10_000 }));
    await new Promise((r) => setTimeout(r, 10));
    await driver.stopConsumers(5_000);
    expect(finished).toBe(true);
    expect(tries).toBe(1);
    await expect(driver.enqueue(request('test.slow', 1))).rejects.toThrow(/shutting down/);
  });

  it('fails a job with no processor at once', async () => {
    const driver = driverWith({});
    await driver.enqueue(request('test.nobody', 5));
    await driver.drain();
    expect(errors[0]).toMatch(/failed after 1 attempt\(s\): No processor for job "test.nobody"/);
  });
});
