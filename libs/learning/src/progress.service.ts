import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import type { DataSource, EntityManager } from 'typeorm';
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

interface Pending {
  items: Item[];
  resolve: (answer: ProgressAnswer) => void;
  reject: (error: unknown) => void;
}

function fail(index: number, Exception: new (details?: Record<string, unknown>) => Error): never {
  throw new Exception({ index });
}

/** An integer multirange literal of whole seconds or pages: "{[0,10),[20,31)}". */
function multirange(ranges: Array<[number, number]>): string {
  return `{${ranges
    .filter(([a, b]) => b > a)
    .map(([a, b]) => `[${a},${b})`)
    .join(',')}}`;
}

/**
 * The heartbeat (`POST /api/v1/progress`): checks a batch against the lesson directory and the
 * enrolment cache (both in memory), then hands it to a group commit — every batch that arrives
 * while a flush is being written joins the next flush, so a flush writes hundreds of events in
 * four statements in one transaction (xAPI statements, progress upsert, completions) — and answers
 * only once its flush committed: an acknowledged event is never lost. A replayed event id is
 * skipped by the xAPI statement's primary key, so duplicates never count twice; merged ranges
 * make order irrelevant.
 */
@Injectable()
export class ProgressService implements OnApplicationShutdown {
  private readonly logger = new Logger(ProgressService.name);
  private queue: Pending[] = [];
  private flushing = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => undefined;

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
    return new Promise<ProgressAnswer>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.schedule();
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

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = true;
    this.idle = new Promise((resolve) => {
      this.markIdle = resolve;
    });
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch: Pending[] = [];
      let count = 0;
      while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0].items.length <= MAX_EVENTS_PER_FLUSH)) {
        const next = this.queue.shift()!;
        batch.push(next);
        count += next.items.length;
      }
      try {
        const answers = await this.flush(batch);
        batch.forEach((p, i) => p.resolve(answers[i]));
      } catch (error) {
        this.logger.error(`Progress flush of ${count} events failed: ${(error as Error).message}`);
        for (const p of batch) p.reject(error);
      }
    }
    this.flushing = false;
    this.markIdle();
  }

  /** Waits for every queued event to be written (shutdown, tests). */
  async settled(): Promise<void> {
    await this.idle;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async flush(batch: Pending[]): Promise<ProgressAnswer[]> {
    const items = batch.flatMap((p) => p.items);
    const stored = new Date();
    const publicUrl = this.config.http.publicUrl;
    let completed: CompletedCourse[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      // 1. The xAPI statements; the ids that were new are the events that count.
      const statements = items.map((it) => ({
        id: it.event.id,
        user_id: it.userId,
        lesson_id: it.lesson.id,
        course_id: it.lesson.courseId,
        verb: it.event.type,
        timestamp: it.timestamp.toISOString(),
        statement: progressStatement(publicUrl, it.userId, it.lesson.courseId, it.lesson.kind, it.event, it.timestamp, stored),
      }));
      const freshRows = await em.query<Array<{ id: string }>>(
        `INSERT INTO xapi_statement (id, user_id, lesson_id, course_id, verb, statement, timestamp)
         SELECT x.id, x.user_id, x.lesson_id, x.course_id, x.verb, x.statement, x.timestamp
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, user_id uuid, lesson_id uuid, course_id uuid, verb text, statement jsonb, timestamp timestamptz)
          ORDER BY x.id
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [JSON.stringify(statements)],
      );
      const fresh = new Set(freshRows.map((r) => r.id));
      const counted = new Set<Item>();
      for (const it of items) {
        if (fresh.delete(it.event.id)) counted.add(it);
      }
      // 2. Merge the new events per (learner, lesson) and write each progress row once.
      const merged = new Map<string, { userId: string; lesson: LessonInfo; target: number | null; watched: Array<[number, number]>; pages: Array<[number, number]>; ratio: number; spent: number; position: number | null; positionAt: Date | null }>();
      for (const it of counted) {
        const key = `${it.userId}/${it.lesson.id}`;
        let m = merged.get(key);
        if (!m) {
          m = { userId: it.userId, lesson: it.lesson, target: it.target, watched: [], pages: [], ratio: 0, spent: 0, position: null, positionAt: null };
          merged.set(key, m);
        }
        const e = it.event;
        if (e.type === 'played') m.watched.push([Math.floor(e.from ?? 0), Math.floor(e.to ?? 0)]);
        if (e.type === 'page' && e.page !== undefined) m.pages.push([e.page, e.page + 1]);
        if (e.type === 'scroll' && e.ratio !== undefined) m.ratio = Math.max(m.ratio, e.ratio);
        m.spent += Math.round(e.spent ?? 0);
        if (e.position !== undefined && (!m.positionAt || it.timestamp >= m.positionAt)) {
          m.position = e.position;
          m.positionAt = it.timestamp;
        }
      }
      const rows = [...merged.values()]
        .map((m) => ({
          user_id: m.userId,
          lesson_id: m.lesson.id,
          course_id: m.lesson.courseId,
          kind: m.lesson.kind,
          target: m.target,
          watched: multirange(m.watched),
          pages: multirange(m.pages),
          ratio: m.ratio,
          spent: m.spent,
          position: m.position,
          position_at: m.positionAt?.toISOString() ?? null,
        }))
        .sort((a, b) => (a.user_id === b.user_id ? (a.lesson_id < b.lesson_id ? -1 : 1) : a.user_id < b.user_id ? -1 : 1));
      let states: Array<{ userId: string; lessonId: string; courseId: string; percent: number; completedAt: Date | null; justCompleted: boolean }> = [];
      if (rows.length > 0) {
        states = await this.upsert(em, JSON.stringify(rows));
      }
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
      const missing = [...new Map(items.filter((it) => !known.has(`${it.userId}/${it.lesson.id}`)).map((it) => [`${it.userId}/${it.lesson.id}`, it])).values()];
      if (missing.length > 0) {
        const current = await em.query<Array<{ userId: string; lessonId: string; courseId: string; percent: number; completedAt: Date | null }>>(
          `SELECT lp.user_id AS "userId", lp.lesson_id AS "lessonId", lp.course_id AS "courseId", lp.percent, lp.completed_at AS "completedAt"
             FROM lesson_progress lp JOIN unnest($1::uuid[], $2::uuid[]) AS k(user_id, lesson_id) ON lp.user_id = k.user_id AND lp.lesson_id = k.lesson_id`,
          [missing.map((m) => m.userId), missing.map((m) => m.lesson.id)],
        );
        states.push(...current.map((c) => ({ ...c, justCompleted: false })));
      }
      return { states, counted };
    });
    if (completed.length > 0) await this.completion.announce(completed);
    const byKey = new Map(result.states.map((s) => [`${s.userId}/${s.lessonId}`, s]));
    return batch.map((p) => {
      const accepted = p.items.filter((it) => result.counted.has(it)).length;
      const lessons = new Map<string, LessonState>();
      for (const it of p.items) {
        const s = byKey.get(`${it.userId}/${it.lesson.id}`);
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

  /**
   * Creates missing rows, then merges into each row once. Credited seconds and time spent are
   * bounded by the real time since the learner started the lesson (twice it, plus a minute):
   * a client claiming more gets nothing for that claim.
   */
  private async upsert(em: EntityManager, rows: string): Promise<Array<{ userId: string; lessonId: string; courseId: string; percent: number; completedAt: Date | null; justCompleted: boolean }>> {
    await em.query(
      `INSERT INTO lesson_progress (user_id, lesson_id, course_id, kind, target)
       SELECT v.user_id, v.lesson_id, v.course_id, v.kind, v.target FROM jsonb_to_recordset($1::jsonb) AS v(user_id uuid, lesson_id uuid, course_id uuid, kind text, target int)
       ON CONFLICT (user_id, lesson_id) DO NOTHING`,
      [rows],
    );
    const budget = '(2 * extract(epoch FROM now() - lp.started_at) + 60)';
    const watched = `(CASE WHEN int4multirange_length(lp.watched + v.watched::int4multirange) <= ${budget} THEN lp.watched + v.watched::int4multirange ELSE lp.watched END)`;
    const pages = '(lp.pages + v.pages::int4multirange)';
    const spent = `LEAST(lp.time_spent_seconds + v.spent, floor(${budget} / 2)::int + 30)`;
    const ratio = 'GREATEST(lp.max_ratio, v.ratio)';
    const percent = `lesson_progress_percent(lp.kind, v.target, ${watched}, ${pages}, ${spent}, ${ratio})`;
    return em.query(
      `UPDATE lesson_progress lp SET
         target = v.target, watched = ${watched}, pages = ${pages}, time_spent_seconds = ${spent}, max_ratio = ${ratio},
         position = CASE WHEN v.position IS NOT NULL AND (lp.position_at IS NULL OR v.position_at >= lp.position_at) THEN v.position ELSE lp.position END,
         position_at = CASE WHEN v.position IS NOT NULL AND (lp.position_at IS NULL OR v.position_at >= lp.position_at) THEN v.position_at ELSE lp.position_at END,
         percent = GREATEST(lp.percent, ${percent}),
         completed_at = COALESCE(lp.completed_at, CASE WHEN ${percent} >= 100 THEN now() END),
         updated_at = now()
        FROM jsonb_to_recordset($1::jsonb) AS v(user_id uuid, lesson_id uuid, target int, watched text, pages text, ratio real, spent int, position real, position_at timestamptz)
       WHERE lp.user_id = v.user_id AND lp.lesson_id = v.lesson_id
       RETURNING lp.user_id AS "userId", lp.lesson_id AS "lessonId", lp.course_id AS "courseId", lp.percent, lp.completed_at AS "completedAt", (lp.completed_at = now()) AS "justCompleted"`,
      [rows],
    ).then((r: unknown) => (Array.isArray(r) && Array.isArray(r[0]) ? r[0] : r) as Array<{ userId: string; lessonId: string; courseId: string; percent: number; completedAt: Date | null; justCompleted: boolean }>);
  }
}
