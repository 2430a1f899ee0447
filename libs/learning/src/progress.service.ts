import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { type CompletedCourse, CompletionService } from './completion.service';
import { EnrolmentService } from './enrolment.service';
import {
  ProgressBatchTooLargeException,
  ProgressLessonNotFoundException,
  ProgressMediaNotReadyException,
  ProgressNotEnrolledException,
  ProgressOutOfRangeException,
} from './learning.exceptions';
import { type LessonInfo, LessonDirectory } from './lesson-directory';
import { type ProgressEvent, completionStatement, progressStatement } from './xapi';
import { randomUUID } from 'node:crypto';

export const MAX_EVENTS_PER_BATCH = 100;
/** Events a single flush writes at most; the rest wait for the next one. */
const MAX_EVENTS_PER_FLUSH = 4000;
/**
 * Flushes in flight at once, each on its own connection: while one waits for its commit (and the
 * disk), the next is written — the database's own group commit then merges their WAL flushes.
 */
const FLUSH_LANES = 2;
const KNOWN_ROWS_MAX = 200_000;
/** A device clock further off than this is not believed: the server's time is used instead. */
const MAX_CLOCK_SKEW_MS = 24 * 3600 * 1000;
/** Seconds of slack on a media position (players report a little past the last whole second). */
const POSITION_SLACK = 1.5;

export interface LessonState {
  lessonId: string;
  percent: number;
  completed: boolean;
  completedAt: string | null;
}

export interface ProgressAnswer {
  accepted: number;
  duplicates: number;
  lessons: LessonState[];
  completedCourses: string[];
}

/** One accepted event, checked and ready to write. */
interface Item {
  event: ProgressEvent;
  userId: string;
  lesson: LessonInfo;
  target: number | null;
  timestamp: Date;
}

interface Lane {
  queue: Pending[];
  flushing: Promise<void> | null;
}

interface Pending {
  items: Item[];
  resolve: (answer: ProgressAnswer) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs a statement as a named prepared statement on the transaction's own connection: the hot
 * statements are parsed and planned once per connection instead of once per flush.
 */
async function prepared<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const client = (await em.queryRunner!.connect()) as { query: (q: { name: string; text: string; values: unknown[] }) => Promise<{ rows: T[] }> };
  return (await client.query({ name, text, values })).rows;
}

/** The driver's connection (node-postgres), as TypeORM's query runner holds it. */
interface PgClient {
  query(text: string): Promise<unknown>;
}

/** The key of a (learner, lesson) pair. */
const pairOf = (it: Item): string => `${it.userId}/${it.lesson.id}`;

/** One item per (learner, lesson) pair among these. */
function distinctPairs(items: readonly Item[]): Item[] {
  return [...new Map(items.map((it) => [pairOf(it), it])).values()];
}

/** A learner's lane: a cheap, stable hash of the id. */
function laneOf(userId: string): number {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) | 0;
  return Math.abs(h) % FLUSH_LANES;
}

function fail(index: number, Exception: new (details?: Record<string, unknown>) => Error): never {
  throw new Exception({ index });
}

/**
 * The heartbeat (`POST /api/v1/progress`): checks a batch against the lesson directory and the
 * enrolment cache (both in memory), then hands it to a group commit — every batch that arrives
 * while a flush is being written joins the next flush, so a flush writes tens to hundreds of
 * events in one transaction of one statement (xAPI statements, merge, progress update; see
 * MERGE_SQL), two when new rows are needed, more only when lessons complete — and answers only once
 * its flush committed: an acknowledged event is never lost. A replayed event id is
 * skipped by the xAPI statement's primary key, so duplicates never count twice; merged ranges
 * make order irrelevant.
 */
@Injectable()
export class ProgressService implements OnApplicationShutdown {
  private readonly logger = new Logger(ProgressService.name);
  /** One queue per lane; a learner always uses the same lane, so two flushes in flight never touch the same row. */
  private readonly lanes: Lane[] = Array.from({ length: FLUSH_LANES }, () => ({ queue: [], flushing: null }));
  /** (learner, lesson) rows known to exist: their flush skips the insert of missing rows. */
  private readonly knownRows = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: LessonDirectory,
    private readonly enrolment: EnrolmentService,
    private readonly completion: CompletionService,
  ) {}

  async record(userId: string, events: readonly ProgressEvent[]): Promise<ProgressAnswer> {
    if (events.length > MAX_EVENTS_PER_BATCH) throw new ProgressBatchTooLargeException({ max: MAX_EVENTS_PER_BATCH });
    const now = Date.now();
    const items: Item[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const lesson = await this.directory.lesson(event.lessonId);
      if (!lesson) fail(i, ProgressLessonNotFoundException);
      if (!(await this.enrolment.isEnrolled(userId, lesson.courseId))) fail(i, ProgressNotEnrolledException);
      const target = LessonDirectory.targetOf(lesson);
      this.check(i, event, lesson, target);
      const at = Date.parse(event.at);
      items.push({ event, userId, lesson, target, timestamp: new Date(Math.abs(at - now) <= MAX_CLOCK_SKEW_MS ? at : now) });
    }
    const lane = this.lanes[laneOf(userId)];
    return new Promise<ProgressAnswer>((resolve, reject) => {
      lane.queue.push({ items, resolve, reject });
      lane.flushing ??= new Promise<void>((done) => setImmediate(done)).then(() => this.drain(lane));
    });
  }

  /** Whether an event fits its lesson: the right kind, and within the media's length or the page count. */
  private check(index: number, event: ProgressEvent, lesson: LessonInfo, target: number | null): void {
    const media = lesson.kind === 'video' || lesson.kind === 'audio';
    if (event.type === 'played') {
      if (!media) fail(index, ProgressOutOfRangeException);
      if (target === null) fail(index, ProgressMediaNotReadyException);
      const from = event.from ?? 0;
      const to = event.to ?? 0;
      if (to < from || to - from > 60 || to > target + POSITION_SLACK) fail(index, ProgressOutOfRangeException);
    }
    if (event.type === 'page') {
      if (!['slides', 'gallery', 'file'].includes(lesson.kind)) fail(index, ProgressOutOfRangeException);
      if (target === null) fail(index, ProgressMediaNotReadyException);
      if ((event.page ?? 0) > target) fail(index, ProgressOutOfRangeException);
    }
    if (event.type === 'scroll' && lesson.kind !== 'text') fail(index, ProgressOutOfRangeException);
    if (event.position !== undefined) {
      if (media && target !== null && event.position > target + POSITION_SLACK) fail(index, ProgressOutOfRangeException);
      if (!media && target !== null && ['slides', 'gallery'].includes(lesson.kind) && event.position > target) fail(index, ProgressOutOfRangeException);
    }
  }

  /**
   * Writes the lane's queue flush after flush. The lane holds one connection while it has work
   * (no pool round trip per flush) and gives it back when its queue is empty.
   */
  private async drain(lane: Lane): Promise<void> {
    let runner: QueryRunner | null = null;
    try {
      while (lane.queue.length > 0) {
        const batch: Pending[] = [];
        let count = 0;
        while (lane.queue.length > 0 && (batch.length === 0 || count + lane.queue[0].items.length <= MAX_EVENTS_PER_FLUSH)) {
          const next = lane.queue.shift()!;
          batch.push(next);
          count += next.items.length;
        }
        runner ??= this.dataSource.createQueryRunner();
        try {
          const answers = await this.flushRetrying(runner, batch);
          batch.forEach((p, i) => p.resolve(answers[i]));
        } catch (error) {
          this.logger.error(`Progress flush of ${count} events failed: ${(error as Error).message}`);
          for (const p of batch) p.reject(error);
          // The connection may be the cause: the next flush takes a fresh one.
          await runner.release().catch(() => undefined);
          runner = null;
        }
      }
    } finally {
      lane.flushing = null;
      await runner?.release().catch(() => undefined);
    }
  }

  /** A deadlock or serialisation failure with another replica's flush: the whole flush is retried (it is atomic). */
  private async flushRetrying(runner: QueryRunner, batch: Pending[]): Promise<ProgressAnswer[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.flush(runner, batch);
      } catch (error) {
        const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
        if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error;
      }
    }
  }

  /** Waits for every queued event to be written (shutdown, tests). */
  async settled(): Promise<void> {
    for (let busy = this.lanes.filter((l) => l.flushing !== null); busy.length > 0; busy = this.lanes.filter((l) => l.flushing !== null)) {
      await Promise.all(busy.map((l) => l.flushing as Promise<void>));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async flush(runner: QueryRunner, batch: Pending[]): Promise<ProgressAnswer[]> {
    const items = batch.flatMap((p) => p.items);
    const stored = new Date();
    const publicUrl = this.config.http.publicUrl;
    let completed: CompletedCourse[] = [];
    const client = (await runner.connect()) as PgClient;
    const em = runner.manager;
    // BEGIN is not awaited on its own: the driver sends the next statement as soon as it is done,
    // so the transaction costs no extra turn of the event loop.
    const begun = client.query('BEGIN');
    begun.catch(() => undefined);
    const result = await (async () => {
      // 1. Rows of (learner, lesson) pairs not known to exist, created first so the merge sees them.
      const unknown = distinctPairs(items.filter((it) => !this.knownRows.has(pairOf(it))));
      const rowsCreated = unknown.length === 0 ? null : prepared(
        em,
        'lms_progress_rows',
        `INSERT INTO lesson_progress (user_id, lesson_id, course_id, kind, target)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[]) AS v(user_id, lesson_id, course_id, kind, target)
         ORDER BY 1, 2
         ON CONFLICT (user_id, lesson_id) DO NOTHING`,
        [unknown.map((it) => it.userId), unknown.map((it) => it.lesson.id), unknown.map((it) => it.lesson.courseId), unknown.map((it) => it.lesson.kind), unknown.map((it) => it.target)],
      );
      // 2. One statement: the xAPI statements (only ids not seen before count), the new events
      //    merged per (learner, lesson), and each progress row updated once.
      const events = items.map((it, ord) => {
        const e = it.event;
        return {
          ord,
          id: e.id,
          user_id: it.userId,
          lesson_id: it.lesson.id,
          course_id: it.lesson.courseId,
          target: it.target,
          verb: e.type,
          timestamp: it.timestamp.toISOString(),
          statement: progressStatement(publicUrl, it.userId, it.lesson.courseId, it.lesson.kind, e, it.timestamp, stored),
          from_s: e.type === 'played' ? Math.floor(e.from ?? 0) : null,
          to_s: e.type === 'played' ? Math.floor(e.to ?? 0) : null,
          page: e.type === 'page' ? (e.page ?? null) : null,
          ratio: e.type === 'scroll' ? (e.ratio ?? null) : null,
          spent: Math.round(e.spent ?? 0),
          position: e.position ?? null,
        };
      });
      // BEGIN, the rows and the merge go to the server back to back; all must succeed.
      const merged = prepared<{ fresh: string[]; states: Array<Omit<RowState, 'completedAt'> & { completedAt: string | null }> | null }>(em, 'lms_progress_merge', MERGE_SQL, [JSON.stringify(events)]);
      const [, , [answer]] = await Promise.all([begun, rowsCreated, merged]);
      // The first item carrying each new id is the event that counted (an id sent twice counts once).
      const fresh = new Set(answer.fresh);
      const counted = new Set<Item>();
      for (const it of items) {
        if (fresh.delete(it.event.id)) counted.add(it);
      }
      const states: RowState[] = (answer.states ?? []).map((s) => ({ ...s, completedAt: s.completedAt ? new Date(s.completedAt) : null }));
      // 3. Lessons just completed: their xAPI statements, and the courses they complete.
      const just = states.filter((s) => s.justCompleted);
      if (just.length > 0) {
        const completions = just.map((s) => {
          const id = randomUUID();
          return { id, user_id: s.userId, lesson_id: s.lessonId, course_id: s.courseId, statement: completionStatement(publicUrl, id, s.userId, 'completed', { kind: 'lesson', id: s.lessonId, courseId: s.courseId }, stored) };
        });
        await em.query(
          `INSERT INTO xapi_statement (id, user_id, lesson_id, course_id, verb, statement, timestamp)
           SELECT x.id, x.user_id, x.lesson_id, x.course_id, 'completed', x.statement, now() FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, user_id uuid, lesson_id uuid, course_id uuid, statement jsonb)`,
          [JSON.stringify(completions)],
        );
        completed = await this.completion.settle(em, just.map((s) => ({ userId: s.userId, courseId: s.courseId })));
      }
      // Lessons of batches whose events were all replays: their current state, for the answer.
      const known = new Set(states.map((s) => `${s.userId}/${s.lessonId}`));
      const missing = distinctPairs(items.filter((it) => !known.has(pairOf(it))));
      if (missing.length > 0) {
        const current = await em.query<Array<{ userId: string; lessonId: string; courseId: string; percent: number; completedAt: Date | null }>>(
          `SELECT lp.user_id AS "userId", lp.lesson_id AS "lessonId", lp.course_id AS "courseId", lp.percent, lp.completed_at AS "completedAt"
             FROM lesson_progress lp JOIN unnest($1::uuid[], $2::uuid[]) AS k(user_id, lesson_id) ON lp.user_id = k.user_id AND lp.lesson_id = k.lesson_id`,
          [missing.map((m) => m.userId), missing.map((m) => m.lesson.id)],
        );
        states.push(...current.map((c) => ({ ...c, justCompleted: false })));
      }
      await client.query('COMMIT');
      return { states, counted, created: unknown };
    })().catch(async (error: unknown) => {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    });
    // Known only once committed: a flush that rolled back created no row.
    for (const it of result.created) {
      if (this.knownRows.size >= KNOWN_ROWS_MAX) this.knownRows.clear();
      this.knownRows.add(pairOf(it));
    }
    if (completed.length > 0) await this.completion.announce(completed);
    const byKey = new Map(result.states.map((s) => [`${s.userId}/${s.lessonId}`, s]));
    return batch.map((p) => {
      const accepted = p.items.filter((it) => result.counted.has(it)).length;
      const lessons = new Map<string, LessonState>();
      for (const it of p.items) {
        const s = byKey.get(pairOf(it));
        if (s) lessons.set(s.lessonId, { lessonId: s.lessonId, percent: s.percent, completed: s.completedAt !== null, completedAt: s.completedAt ? new Date(s.completedAt).toISOString() : null });
      }
      const userId = p.items[0]?.userId;
      return {
        accepted,
        duplicates: p.items.length - accepted,
        lessons: [...lessons.values()],
        completedCourses: completed.filter((c) => c.userId === userId && p.items.some((it) => it.lesson.courseId === c.courseId)).map((c) => c.courseId),
      };
    });
  }
}

/** A progress row's state after the flush. */
interface RowState {
  userId: string;
  lessonId: string;
  courseId: string;
  percent: number;
  completedAt: Date | null;
  justCompleted: boolean;
}

/**
 * The heartbeat's one statement. `ev`: the flush's events; `ins`: their xAPI statements, inserted
 * unless the id was seen before (only those events count; an id twice in one flush counts once);
 * `v`: the counted events merged per (learner, lesson) — played seconds and pages shown as unions of
 * ranges, the furthest scroll, the time spent summed, the latest position by device time; then each
 * progress row is updated once. The merge is computed in the row's own SET, from the row as it is
 * when locked (after a concurrent update PostgreSQL re-reads it and recomputes), so no separate lock
 * is taken. Credited seconds and time spent are bounded by the real time since the learner started
 * the lesson (twice it, plus a minute): a client claiming more gets nothing for that claim. The rule
 * that turns the merged state into a percentage is `lesson_progress_percent`.
 */
const MERGE_SQL = `
WITH ev AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(ord int, id uuid, user_id uuid, lesson_id uuid, course_id uuid, target int, verb text,
                                                   "timestamp" timestamptz, statement jsonb, from_s int, to_s int, page int, ratio real, spent int, position real)),
ins AS (
  INSERT INTO xapi_statement (id, user_id, lesson_id, course_id, verb, statement, timestamp)
  SELECT id, user_id, lesson_id, course_id, verb, statement, "timestamp" FROM ev ORDER BY id
  ON CONFLICT (id) DO NOTHING RETURNING id),
fresh AS (
  SELECT DISTINCT ON (ev.id) ev.* FROM ev JOIN ins ON ins.id = ev.id ORDER BY ev.id, ev.ord),
v AS (
  SELECT user_id, lesson_id, max(target) AS target,
         COALESCE(range_agg(int4range(from_s, to_s)) FILTER (WHERE from_s IS NOT NULL), '{}') AS watched,
         COALESCE(range_agg(int4range(page, page + 1)) FILTER (WHERE page IS NOT NULL), '{}') AS pages,
         COALESCE(max(ratio), 0) AS ratio,
         sum(spent)::int AS spent,
         (array_agg(position ORDER BY "timestamp" DESC, ord DESC) FILTER (WHERE position IS NOT NULL))[1] AS position,
         max("timestamp") FILTER (WHERE position IS NOT NULL) AS position_at
    FROM fresh GROUP BY user_id, lesson_id),
up AS (
  UPDATE lesson_progress lp SET
    (target, watched, pages, time_spent_seconds, max_ratio, position, position_at, percent, completed_at, updated_at) = (
      SELECT v.target, w.watched, w.pages, w.spent, w.ratio,
             CASE WHEN w.moved THEN v.position ELSE lp.position END,
             CASE WHEN w.moved THEN v.position_at ELSE lp.position_at END,
             GREATEST(lp.percent, p.pct),
             COALESCE(lp.completed_at, CASE WHEN p.pct >= 100 THEN now() END),
             now()
        FROM (SELECT 2 * extract(epoch FROM now() - lp.started_at) + 60 AS budget, lp.watched + v.watched AS played) b,
             LATERAL (SELECT CASE WHEN int4multirange_length(b.played) <= b.budget THEN b.played ELSE lp.watched END AS watched,
                             lp.pages + v.pages AS pages,
                             LEAST(lp.time_spent_seconds + v.spent, floor(b.budget / 2)::int + 30) AS spent,
                             GREATEST(lp.max_ratio, v.ratio) AS ratio,
                             v.position IS NOT NULL AND (lp.position_at IS NULL OR v.position_at >= lp.position_at) AS moved) w,
             LATERAL (SELECT lesson_progress_percent(lp.kind, v.target, w.watched, w.pages, w.spent, w.ratio) AS pct) p)
    FROM v
   WHERE lp.user_id = v.user_id AND lp.lesson_id = v.lesson_id
   RETURNING lp.user_id AS "userId", lp.lesson_id AS "lessonId", lp.course_id AS "courseId", lp.percent, lp.completed_at AS "completedAt",
             (lp.completed_at = now()) AS "justCompleted")
SELECT ARRAY(SELECT id FROM ins) AS fresh, (SELECT json_agg(up) FROM up) AS states`;
