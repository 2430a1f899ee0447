import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, type Principal } from '@lms/core';
import { type MediaAccess, MediaAccessRegistry } from '@lms/media';
import { AccessService } from '@lms/org';
import type { DataSource, EntityManager } from 'typeorm';
import { CompletionService } from './completion.service';
import { EnrolmentService } from './enrolment.service';
import type { EvidenceStatus } from './learning.entity';
import {
  EvidenceAssetException,
  EvidenceNotFoundException,
  EvidenceNoteRequiredException,
  EvidenceReviewedException,
  ProgressLessonNotFoundException,
  ProgressNotEnrolledException,
  ProgressNotExternalException,
} from './learning.exceptions';
import { type LessonInfo, LessonDirectory } from './lesson-directory';
import { completionStatement } from './xapi';

export interface EvidenceView {
  id: string;
  lessonId: string;
  courseId: string;
  assetId: string;
  status: EvidenceStatus;
  note: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  learner: { id: string; displayName: string };
  lessonTitleVi: string;
  courseTitleVi: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Completion by other means than heartbeats: evidence of an external course approved by a
 * teacher within reach, and quiz results (the assessment issue records attempts through
 * `recordQuizResult`). Reviewers may open the evidence files of learners they review.
 */
@Injectable()
export class EvidenceService implements MediaAccess, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: LessonDirectory,
    private readonly enrolment: EnrolmentService,
    private readonly completion: CompletionService,
    private readonly access: AccessService,
    private readonly registry: MediaAccessRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** Evidence files attached to submissions of learners the caller may review. */
  async viewableAssets(principal: Principal, assetIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (assetIds.length === 0 || !principal.permissions.has('evidence.review')) return new Set();
    const rows = await this.dataSource.query<Array<{ assetId: string; userId: string }>>('SELECT asset_id AS "assetId", user_id AS "userId" FROM lesson_evidence WHERE asset_id = ANY($1::uuid[])', [[...assetIds]]);
    const reachable = await this.access.usersInReach(principal, 'evidence.review', rows.map((r) => r.userId));
    return new Set(rows.filter((r) => reachable.has(r.userId)).map((r) => r.assetId));
  }

  async submit(principal: Principal, lessonId: string, assetId: string): Promise<EvidenceView> {
    const lesson = UUID.test(lessonId) ? await this.directory.lesson(lessonId) : undefined;
    if (!lesson) throw new ProgressLessonNotFoundException();
    if (lesson.kind !== 'external') throw new ProgressNotExternalException();
    if (!(await this.enrolment.isEnrolled(principal.userId, lesson.courseId))) throw new ProgressNotEnrolledException();
    const [asset] = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM media_asset WHERE id = $1 AND owner_user_id = $2 AND purpose = 'evidence' AND status IN ('uploaded', 'processing', 'ready')`,
      [UUID.test(assetId) ? assetId : '00000000-0000-0000-0000-000000000000', principal.userId],
    );
    if (!asset) throw new EvidenceAssetException();
    const [row] = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO lesson_evidence (user_id, lesson_id, course_id, asset_id, status) VALUES ($1, $2, $3, $4, 'pending') RETURNING id`,
      [principal.userId, lesson.id, lesson.courseId, assetId],
    );
    return (await this.views([row.id]))[0];
  }

  async list(principal: Principal, status: EvidenceStatus | undefined, unitId: string | undefined): Promise<EvidenceView[]> {
    const reach = await this.access.reach(principal, 'evidence.review');
    if (!reach.everywhere && reach.paths.length === 0) return [];
    let paths = reach.everywhere ? [''] : reach.paths;
    if (unitId) {
      const [unit] = UUID.test(unitId) ? await this.dataSource.query<Array<{ path: string }>>('SELECT path FROM org_unit WHERE id = $1', [unitId]) : [];
      if (!unit || !(reach.everywhere || reach.paths.some((p) => unit.path.startsWith(p)))) return [];
      paths = [unit.path];
    }
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT e.id FROM lesson_evidence e
        WHERE ($1::text IS NULL OR e.status = $1)
          AND EXISTS (SELECT 1 FROM role_assignment ra JOIN org_unit u ON u.id = ra.unit_id WHERE ra.user_id = e.user_id AND u.path LIKE ANY($2::text[]))
        ORDER BY e.submitted_at LIMIT 500`,
      [status ?? null, paths.map((p) => `${p}%`)],
    );
    return this.views(rows.map((r) => r.id));
  }

  async review(principal: Principal, evidenceId: string, decision: 'approved' | 'rejected', note: string | undefined): Promise<EvidenceView> {
    if (!UUID.test(evidenceId)) throw new EvidenceNotFoundException();
    const [evidence] = await this.dataSource.query<Array<{ userId: string; lessonId: string; status: EvidenceStatus }>>('SELECT user_id AS "userId", lesson_id AS "lessonId", status FROM lesson_evidence WHERE id = $1', [evidenceId]);
    if (!evidence || !(await this.access.userInReach(principal, 'evidence.review', evidence.userId))) throw new EvidenceNotFoundException();
    if (evidence.status !== 'pending') throw new EvidenceReviewedException();
    if (decision === 'rejected' && !note?.trim()) throw new EvidenceNoteRequiredException();
    const lesson = await this.directory.lesson(evidence.lessonId);
    const completed = await this.dataSource.transaction(async (em) => {
      const [updated] = await em.query<Array<{ id: string }>>(
        `UPDATE lesson_evidence SET status = $2, note = $3, reviewed_by = $4, reviewed_at = now() WHERE id = $1 AND status = 'pending' RETURNING id`,
        [evidenceId, decision, note?.trim() || null, principal.userId],
      );
      if (!updated) throw new EvidenceReviewedException();
      if (decision !== 'approved' || !lesson) return [];
      return this.complete(em, evidence.userId, lesson, null);
    });
    await this.completion.announce(completed);
    return (await this.views([evidenceId]))[0];
  }

  /**
   * A quiz attempt's score (percent), recorded by the assessment issue's attempts: keeps the best
   * score, and completes the lesson (a `passed` statement) once it reaches the pass mark.
   */
  async recordQuizResult(userId: string, lessonId: string, scorePercent: number): Promise<{ passed: boolean; completedCourses: string[] }> {
    const lesson = await this.directory.lesson(lessonId);
    if (!lesson || lesson.kind !== 'quiz') throw new ProgressLessonNotFoundException();
    const passed = scorePercent >= lesson.passPercent;
    const completed = await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO lesson_progress (user_id, lesson_id, course_id, kind, best_score) VALUES ($1, $2, $3, 'quiz', $4)
         ON CONFLICT (user_id, lesson_id) DO UPDATE SET best_score = GREATEST(lesson_progress.best_score, EXCLUDED.best_score), updated_at = now()`,
        [userId, lesson.id, lesson.courseId, scorePercent],
      );
      return passed ? this.complete(em, userId, lesson, scorePercent) : [];
    });
    await this.completion.announce(completed);
    return { passed, completedCourses: completed.map((c) => c.courseId) };
  }

  /** Marks a lesson complete (once) with its xAPI statement, and settles its course. */
  private async complete(em: EntityManager, userId: string, lesson: LessonInfo, score: number | null) {
    const rows = await em.query<Array<{ userId: string }>>(
      `INSERT INTO lesson_progress (user_id, lesson_id, course_id, kind, percent, completed_at) VALUES ($1, $2, $3, $4, 100, now())
       ON CONFLICT (user_id, lesson_id) DO UPDATE SET percent = 100, completed_at = now(), updated_at = now() WHERE lesson_progress.completed_at IS NULL
       RETURNING user_id AS "userId"`,
      [userId, lesson.id, lesson.courseId, lesson.kind],
    );
    if (rows.length === 0) return [];
    const id = randomUUID();
    const verb = score === null ? 'completed' : 'passed';
    await em.query(
      'INSERT INTO xapi_statement (id, user_id, lesson_id, course_id, verb, statement, timestamp) VALUES ($1, $2, $3, $4, $5, $6, now())',
      [id, userId, lesson.id, lesson.courseId, verb, JSON.stringify(completionStatement(this.config.http.publicUrl, id, userId, verb, { kind: 'lesson', id: lesson.id, courseId: lesson.courseId }, new Date(), score ?? undefined))],
    );
    return this.completion.settle(em, [{ userId, courseId: lesson.courseId }]);
  }

  private async views(ids: string[]): Promise<EvidenceView[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<Array<{ id: string; lessonId: string; courseId: string; assetId: string; status: EvidenceStatus; note: string | null; submittedAt: Date; reviewedAt: Date | null; userId: string; displayName: string }>>(
      `SELECT e.id, e.lesson_id AS "lessonId", e.course_id AS "courseId", e.asset_id AS "assetId", e.status, e.note, e.submitted_at AS "submittedAt", e.reviewed_at AS "reviewedAt",
              a.id AS "userId", a.display_name AS "displayName"
         FROM lesson_evidence e JOIN user_account a ON a.id = e.user_id WHERE e.id = ANY($1::uuid[]) ORDER BY e.submitted_at`,
      [ids],
    );
    const out: EvidenceView[] = [];
    for (const r of rows) {
      const lesson = await this.directory.lesson(r.lessonId);
      const course = await this.directory.course(r.courseId);
      out.push({
        id: r.id,
        lessonId: r.lessonId,
        courseId: r.courseId,
        assetId: r.assetId,
        status: r.status,
        note: r.note,
        submittedAt: new Date(r.submittedAt).toISOString(),
        reviewedAt: r.reviewedAt ? new Date(r.reviewedAt).toISOString() : null,
        learner: { id: r.userId, displayName: r.displayName },
        lessonTitleVi: lesson?.titleVi ?? '',
        courseTitleVi: course?.titleVi ?? '',
      });
    }
    return out;
  }
}
