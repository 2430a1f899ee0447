import type { EnqueueRequest, JobDriver } from './drivers/job-driver';
import { JOBS, type JobRegistry } from './job-registry';
import { JobsService } from './jobs.service';

function serviceWithRecorder(registry: JobRegistry = { queues: { maintenance: { concurrency: 1 } }, jobs: JOBS }) {
  const requests: EnqueueRequest[] = [];
  const driver: JobDriver = {
    name: 'inline',
    enqueue: async (r) => {
      requests.push(r);
      return { id: r.options.jobId ?? 'generated', name: r.name, queue: r.queue };
    },
    startConsumers: async () => undefined,
    applySchedules: async () => undefined,
    stopConsumers: async () => undefined,
    close: async () => undefined,
    drain: async () => undefined,
  };
  return { service: new JobsService(driver, registry), requests };
}

describe('JobsService.enqueue', () => {
  it('sends the registry queue and options, plus the caller jobId', async () => {
    const { service, requests } = serviceWithRecorder();
    const job = await service.enqueue('storage.cleanup-abandoned-uploads', { olderThanSeconds: 86400 }, { jobId: 'cleanup-once' });
    expect(job).toEqual({ id: 'cleanup-once', name: 'storage.cleanup-abandoned-uploads', queue: 'maintenance' });
    expect(requests[0]).toEqual({
      name: 'storage.cleanup-abandoned-uploads',
      queue: 'maintenance',
      payload: { olderThanSeconds: 86400 },
      options: { ...JOBS['storage.cleanup-abandoned-uploads'].options, jobId: 'cleanup-once' },
    });
  });

  it('type-checks names and payloads against JobPayloads', async () => {
    const { service } = serviceWithRecorder();
    // @ts-expect-error unknown job name
    await expect(service.enqueue('storage.nope', { olderThanSeconds: 1 })).rejects.toThrow(/Unknown job "storage.nope"/);
    // @ts-expect-error wrong payload shape
    await service.enqueue('storage.cleanup-abandoned-uploads', { olderThan: 1 });
  });

  it.each([
    ['', /must not be empty/],
    ['42', /must not be an integer/],
    ['a:b', /must not contain ":"/],
  ])('rejects jobId %j', async (jobId, message) => {
    const { service, requests } = serviceWithRecorder();
    await expect(service.enqueue('storage.cleanup-abandoned-uploads', { olderThanSeconds: 86400 }, { jobId })).rejects.toThrow(message);
    expect(requests).toEqual([]);
  });
});
