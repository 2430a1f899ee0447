import type { BackoffOptions, KeepJobs } from 'bullmq';

/**
 * The one place that names every queue and job, with its payload type and options (immich's
 * job.repository pattern). Names are stable strings stored in Redis: never rename one that has
 * shipped, add a new name instead. Every job must be idempotent: it may run twice (retries, stalled
 * jobs, a re-enqueue at start-up) and must give the same end state.
 */

// ---------------------------------------------------------------------------------------------
// Payloads (plain JSON: BullMQ stores them with JSON.stringify)
// ---------------------------------------------------------------------------------------------

/** Deletes staged upload objects nobody finished (dọn tệp tải lên bị bỏ dở). */
export interface CleanupAbandonedUploadsPayload {
  /** Objects whose lastModified is older than this are deleted. At least 60. */
  olderThanSeconds: number;
  /** Narrower prefix inside the upload staging prefix; defaults to the whole staging prefix. */
  prefix?: string;
}

/** Imports one uploaded roster file (nhập danh sách học sinh / cán bộ) recorded in roster_import. */
export interface RosterImportPayload {
  importId: string;
}

/** Turns one uploaded, verified media asset into what it is served as (xử lý tệp media). */
export interface MediaProcessPayload {
  assetId: string;
}

/**
 * A learner completed a course (hoàn thành khoá học): enqueued once per completion, after it is
 * committed. The certificate issue hooks its rendering onto this job.
 */
export interface CourseCompletedPayload {
  userId: string;
  courseId: string;
  revision: number;
  completedAt: string;
}

/** Maps every job name to its payload type; `JobsService.enqueue` is checked against it. */
export interface JobPayloads {
  'storage.cleanup-abandoned-uploads': CleanupAbandonedUploadsPayload;
  'roster.import': RosterImportPayload;
  'media.process': MediaProcessPayload;
  'learning.course-completed': CourseCompletedPayload;
}

export type JobName = keyof JobPayloads & string;

// ---------------------------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------------------------

/** Options applied to every job of one name; the subset of BullMQ's JobsOptions we rely on. */
export interface JobDefinitionOptions {
  /** Total tries including the first (BullMQ semantics). */
  attempts: number;
  backoff?: number | BackoffOptions;
  removeOnComplete?: boolean | number | KeepJobs;
  removeOnFail?: boolean | number | KeepJobs;
  priority?: number;
}

/** A repeating job: the worker upserts one BullMQ job scheduler per scheduled job at start-up. */
export interface JobSchedule<P> {
  /** Interval in milliseconds. */
  every: number;
  payload: P;
}

export interface JobDefinition<P = unknown> {
  queue: string;
  options: JobDefinitionOptions;
  schedule?: JobSchedule<P>;
}

export interface QueueDefinition {
  /** Jobs one worker process runs at once on this queue. */
  concurrency: number;
}

/** A registry: the production one below, or a test's own (see `JobsModule.forRoot({ registry })`). */
export interface JobRegistry {
  queues: Readonly<Record<string, QueueDefinition>>;
  jobs: Readonly<Record<string, JobDefinition>>;
}

/** Builds the typed shape a registry must satisfy for a payload map `P`. */
export type JobDefinitionsFor<P> = { readonly [N in keyof P]: JobDefinition<P[N]> };

const DAY_SECONDS = 24 * 3600;

/** Finished jobs kept for inspection: enough to debug, bounded so Redis does not grow forever. */
const KEEP_COMPLETED: KeepJobs = { count: 1000, age: DAY_SECONDS };
const KEEP_FAILED: KeepJobs = { count: 5000, age: 7 * DAY_SECONDS };

export const QUEUES = {
  /** Housekeeping: clean-ups, re-derivations. Low volume, one at a time per worker. */
  maintenance: { concurrency: 1 },
  /** User-facing background work (certificates, exports, notifications). */
  default: { concurrency: 5 },
  /** ffmpeg, LibreOffice and poppler: each job uses every core, so one at a time per worker. */
  media: { concurrency: 1 },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;

export const JOBS = {
  'storage.cleanup-abandoned-uploads': {
    queue: 'maintenance',
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
    schedule: { every: 3600 * 1000, payload: { olderThanSeconds: DAY_SECONDS } },
  },
  'roster.import': {
    queue: 'default',
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  },
  'media.process': {
    queue: 'media',
    options: {
      // Failures of the file itself (unreadable, conversion, timeout) end the job without a retry;
      // the second attempt is for the infrastructure (storage, database) failing once.
      attempts: 2,
      backoff: { type: 'fixed', delay: 30_000 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  },
  'learning.course-completed': {
    queue: 'default',
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  },
} as const satisfies JobDefinitionsFor<JobPayloads> & Record<string, JobDefinition & { queue: QueueName }>;

/** The registry the api and the worker run with. */
export const JOB_REGISTRY_DEFAULT: JobRegistry = { queues: QUEUES, jobs: JOBS };
