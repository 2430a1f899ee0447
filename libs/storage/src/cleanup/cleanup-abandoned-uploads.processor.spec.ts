import { Logger } from '@nestjs/common';
import type { JobContext } from '@lms/jobs';
import type { ObjectStat, ObjectStorage } from '../object-storage';
import { CleanupAbandonedUploadsProcessor, UPLOAD_STAGING_PREFIX } from './cleanup-abandoned-uploads.processor';

/** Just enough of ObjectStorage for list + delete. */
class MemoryStorage {
  readonly objects = new Map<string, Date>();
  failOn = new Set<string>();
  put(key: string, ageSeconds: number): void {
    this.objects.set(key, new Date(Date.now() - ageSeconds * 1000));
  }
  async *list(prefix: string): AsyncIterable<ObjectStat> {
    for (const [key, lastModified] of [...this.objects].sort()) {
      if (key.startsWith(prefix)) yield { key, size: 1, contentType: null, etag: null, lastModified };
    }
  }
  abortedBefore: Array<[Date, string]> = [];
  async abortStaleMultipartUploads(olderThan: Date, prefix = ''): Promise<number> {
    this.abortedBefore.push([olderThan, prefix]);
    return 1;
  }
  async delete(key: string): Promise<void> {
    if (this.failOn.has(key)) throw new Error('disk says no');
    this.objects.delete(key);
  }
}

const context: JobContext = { id: 'j1', name: 'storage.cleanup-abandoned-uploads', queue: 'maintenance', attempt: 1, maxAttempts: 5, driver: 'inline' };
const HOUR = 3600;

describe('CleanupAbandonedUploadsProcessor', () => {
  let storage: MemoryStorage;
  let processor: CleanupAbandonedUploadsProcessor;
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    storage = new MemoryStorage();
    processor = new CleanupAbandonedUploadsProcessor(storage as unknown as ObjectStorage);
    storage.put(`${UPLOAD_STAGING_PREFIX}old-1.mp4`, 48 * HOUR);
    storage.put(`${UPLOAD_STAGING_PREFIX}a/old-2.pdf`, 25 * HOUR);
    storage.put(`${UPLOAD_STAGING_PREFIX}fresh.mp4`, HOUR);
    storage.put('courses/c1/old-but-published.mp4', 100 * HOUR);
  });
  afterEach(() => jest.restoreAllMocks());

  it('deletes staged objects older than the cut-off only, and is safe to run twice', async () => {
    await expect(processor.handle({ olderThanSeconds: 24 * HOUR }, context)).resolves.toEqual({ prefix: UPLOAD_STAGING_PREFIX, scanned: 3, deleted: 2, abortedUploads: 1 });
    expect([...storage.objects.keys()].sort()).toEqual(['courses/c1/old-but-published.mp4', `${UPLOAD_STAGING_PREFIX}fresh.mp4`]);
    await expect(processor.handle({ olderThanSeconds: 24 * HOUR }, context)).resolves.toMatchObject({ scanned: 1, deleted: 0 });
    // Stale multipart uploads are aborted everywhere (they target final keys), older than the cut-off.
    const [cutoff, prefix] = storage.abortedBefore[0]!;
    expect(prefix).toBe('');
    expect(Math.abs(cutoff.getTime() - (Date.now() - 24 * HOUR * 1000))).toBeLessThan(5_000);
  });

  it('measures age with its clock', async () => {
    const inAMonth = Date.now() + 30 * 24 * HOUR * 1000;
    processor.now = () => inAMonth;
    await expect(processor.handle({ olderThanSeconds: 24 * HOUR }, context)).resolves.toMatchObject({ scanned: 3, deleted: 3 });
  });

  it('limits itself to a narrower prefix when given one', async () => {
    await processor.handle({ olderThanSeconds: 24 * HOUR, prefix: `${UPLOAD_STAGING_PREFIX}a/` }, context);
    expect(storage.objects.has(`${UPLOAD_STAGING_PREFIX}a/old-2.pdf`)).toBe(false);
    expect(storage.objects.has(`${UPLOAD_STAGING_PREFIX}old-1.mp4`)).toBe(true);
  });

  it.each([
    [{ olderThanSeconds: 0 }, /olderThanSeconds must be a number >= 60/],
    [{ olderThanSeconds: Number.NaN }, /olderThanSeconds must be a number >= 60/],
    [{ olderThanSeconds: 86400, prefix: 'courses/' }, /prefix must be inside staging\//],
  ])('refuses %j without retry (UnrecoverableError)', async (payload, message) => {
    const error = await processor.handle(payload, context).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnrecoverableError', message: expect.stringMatching(message) });
    expect(storage.objects.size).toBe(4);
  });

  it('rethrows when a delete fails, after deleting the rest, so the job is retried', async () => {
    storage.failOn.add(`${UPLOAD_STAGING_PREFIX}old-1.mp4`);
    await expect(processor.handle({ olderThanSeconds: 24 * HOUR }, context)).rejects.toThrow(/Deleted 1 of 2 abandoned uploads .* 1 failed: staging\/old-1.mp4: disk says no/);
    expect(storage.objects.has(`${UPLOAD_STAGING_PREFIX}a/old-2.pdf`)).toBe(false);
  });
});
