import { Inject, Logger } from '@nestjs/common';
import { JobProcessor, UnrecoverableError, type CleanupAbandonedUploadsPayload, type JobContext, type JobHandler } from '@lms/jobs';
import { OBJECT_STORAGE, type ObjectStorage } from '../object-storage';

/**
 * Where browsers put uploads before the domain takes them over (tệp đang chờ xử lý). An object
 * still here after a day belongs to an upload nobody finished. Same value as the storage lib's
 * upload flow uses.
 */
export const UPLOAD_STAGING_PREFIX = 'staging/';

/** Younger than this an object may be an upload in progress; never delete it. */
export const MIN_ABANDONED_AGE_SECONDS = 60;

const DELETE_CONCURRENCY = 8;

export interface CleanupAbandonedUploadsResult {
  prefix: string;
  scanned: number;
  deleted: number;
  /** Multipart uploads started before the cut-off and never completed (any key unless `prefix`). */
  abortedUploads: number;
}

/**
 * `storage.cleanup-abandoned-uploads`: deletes staged objects older than `olderThanSeconds`.
 * Idempotent: a second run finds nothing to delete, and an object already gone (another run, a
 * user finishing the upload) is not an error. Scheduled hourly by the registry.
 */
@JobProcessor('storage.cleanup-abandoned-uploads')
export class CleanupAbandonedUploadsProcessor implements JobHandler<'storage.cleanup-abandoned-uploads'> {
  private readonly logger = new Logger('StorageCleanup');

  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  /** The clock; a test may replace it. */
  now: () => number = Date.now;

  async handle(payload: CleanupAbandonedUploadsPayload, context: JobContext): Promise<CleanupAbandonedUploadsResult> {
    const { olderThanSeconds } = payload;
    const prefix = payload.prefix ?? UPLOAD_STAGING_PREFIX;
    // Bad payloads cannot get better by retrying.
    if (!Number.isFinite(olderThanSeconds) || olderThanSeconds < MIN_ABANDONED_AGE_SECONDS) {
      throw new UnrecoverableError(`olderThanSeconds must be a number >= ${MIN_ABANDONED_AGE_SECONDS}, got ${String(olderThanSeconds)}`);
    }
    if (!prefix.startsWith(UPLOAD_STAGING_PREFIX)) {
      throw new UnrecoverableError(`prefix must be inside ${UPLOAD_STAGING_PREFIX}, got "${prefix}"`);
    }

    const cutoff = this.now() - olderThanSeconds * 1000;
    // Collect first, delete after: deleting while a listing is open is undefined on some backends.
    let scanned = 0;
    const stale: string[] = [];
    for await (const object of this.storage.list(prefix)) {
      scanned++;
      if (object.lastModified.getTime() < cutoff) stale.push(object.key);
    }

    const failures: string[] = [];
    let deleted = 0;
    let next = 0;
    const deleteNext = async (): Promise<void> => {
      while (next < stale.length) {
        const key = stale[next++] as string;
        try {
          await this.storage.delete(key);
          deleted++;
        } catch (error) {
          failures.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(DELETE_CONCURRENCY, stale.length) }, deleteNext));

    if (failures.length > 0) {
      // Rethrow so the job is retried; the objects already deleted stay deleted.
      throw new Error(`Deleted ${deleted} of ${stale.length} abandoned uploads under ${prefix}; ${failures.length} failed: ${failures.slice(0, 5).join('; ')}`);
    }
    // Multipart uploads are invisible until completed, whatever key they target.
    const abortedUploads = await this.storage.abortStaleMultipartUploads(new Date(cutoff), payload.prefix ?? '');
    this.logger.log(
      `Deleted ${deleted} abandoned upload(s) older than ${olderThanSeconds} s under ${prefix} (scanned ${scanned}), aborted ${abortedUploads} multipart upload(s) (job ${context.id})`,
    );
    return { prefix, scanned, deleted, abortedUploads };
  }
}
