import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import { JobsService } from '@lms/jobs';
import type { EntityManager } from 'typeorm';
import { type CourseInfo, LessonDirectory } from './lesson-directory';
import { completionStatement } from './xapi';

export interface CompletedCourse {
  userId: string;
  courseId: string;
  revision: number;
  completedAt: Date;
}

/** Course completion: every required lesson complete, and every required quiz's best score at least its pass mark. */
export function courseComplete(course: CourseInfo, done: ReadonlyMap<string, { bestScore: number | null }>): boolean {
  const required = course.lessons.filter((l) => l.required);
  if (required.length === 0) return false;
  return required.every((l) => {
    const progress = done.get(l.id);
    if (!progress) return false;
    return l.kind !== 'quiz' || (progress.bestScore ?? 0) >= l.passPercent;
  });
}

/**
 * Decides, inside the transaction that completed some lessons, which courses those completions
 * finish; stores each course completion once, with its xAPI statement; and, after the commit,
 * enqueues `learning.course-completed` (what certificates hook onto).
 */
@Injectable()
export class CompletionService {
  private readonly logger = new Logger(CompletionService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: LessonDirectory,
    private readonly jobs: JobsService,
  ) {}

  /** For (user, course) pairs where a lesson was just completed: the courses now complete. */
  async settle(em: EntityManager, pairs: ReadonlyArray<{ userId: string; courseId: string }>): Promise<CompletedCourse[]> {
    const unique = [...new Map(pairs.map((p) => [`${p.userId}/${p.courseId}`, p])).values()];
    if (unique.length === 0) return [];
    const rows = await em.query<Array<{ userId: string; courseId: string; lessonId: string; bestScore: number | null }>>(
      `SELECT lp.user_id AS "userId", lp.course_id AS "courseId", lp.lesson_id AS "lessonId", lp.best_score AS "bestScore"
         FROM lesson_progress lp JOIN unnest($1::uuid[], $2::uuid[]) AS p(user_id, course_id) ON lp.user_id = p.user_id AND lp.course_id = p.course_id
        WHERE lp.completed_at IS NOT NULL`,
      [unique.map((p) => p.userId), unique.map((p) => p.courseId)],
    );
    const done = new Map<string, Map<string, { bestScore: number | null }>>();
    for (const row of rows) {
      const key = `${row.userId}/${row.courseId}`;
      if (!done.has(key)) done.set(key, new Map());
      done.get(key)!.set(row.lessonId, { bestScore: row.bestScore });
    }
    const finished: Array<{ userId: string; courseId: string; revision: number }> = [];
    for (const pair of unique) {
      const course = await this.directory.course(pair.courseId);
      if (course && courseComplete(course, done.get(`${pair.userId}/${pair.courseId}`) ?? new Map())) finished.push({ ...pair, revision: course.revision });
    }
    if (finished.length === 0) return [];
    const inserted = await em.query<Array<{ userId: string; courseId: string; revision: number; completedAt: Date }>>(
      `INSERT INTO course_completion (user_id, course_id, revision, completed_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS c(user_id, course_id, revision), LATERAL (SELECT now()) AS t(completed_at)
       ORDER BY 1, 2
       ON CONFLICT (user_id, course_id) DO NOTHING
       RETURNING user_id AS "userId", course_id AS "courseId", revision, completed_at AS "completedAt"`,
      [finished.map((f) => f.userId), finished.map((f) => f.courseId), finished.map((f) => f.revision)],
    );
    if (inserted.length > 0) {
      const statements = inserted.map((c) => {
        const id = randomUUID();
        return { id, userId: c.userId, courseId: c.courseId, statement: completionStatement(this.config.http.publicUrl, id, c.userId, 'completed', { kind: 'course', id: c.courseId }, new Date(c.completedAt)) };
      });
      await em.query(
        `INSERT INTO xapi_statement (id, user_id, lesson_id, course_id, verb, statement, timestamp)
         SELECT x.id, x.user_id, NULL, x.course_id, 'completed', x.statement, now() FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, user_id uuid, course_id uuid, statement jsonb)`,
        [JSON.stringify(statements.map((s) => ({ id: s.id, user_id: s.userId, course_id: s.courseId, statement: s.statement })))],
      );
    }
    return inserted.map((c) => ({ ...c, completedAt: new Date(c.completedAt) }));
  }

  /** After the commit: the job certificates hook onto (one per completion; a retry of the same is a no-op). */
  async announce(completed: readonly CompletedCourse[]): Promise<void> {
    for (const c of completed) {
      try {
        await this.jobs.enqueue(
          'learning.course-completed',
          { userId: c.userId, courseId: c.courseId, revision: c.revision, completedAt: c.completedAt.toISOString() },
          { jobId: `course-completed.${c.userId}.${c.courseId}` },
        );
      } catch (error) {
        // The completion itself is committed; the job is what a later hook needs. Logged, not lost silently.
        this.logger.error(`Could not enqueue learning.course-completed for ${c.userId}/${c.courseId}: ${(error as Error).message}`);
      }
    }
  }
}
