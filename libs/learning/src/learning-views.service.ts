import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bandOfGrade } from '@lms/competency';
import type { Principal } from '@lms/core';
import { CourseNotFoundException, type LessonKind } from '@lms/courses';
import { UserNotFoundException } from '@lms/identity';
import { AccessService, OrgUnitNotFoundException } from '@lms/org';
import type { DataSource } from 'typeorm';
import { type Coverage, EnrolmentService } from './enrolment.service';
import type { AssignmentAudience, EnrolmentSource, EvidenceStatus } from './learning.entity';
import { type CourseInfo, LessonDirectory } from './lesson-directory';
import { type CandidateLesson, type CompletedLesson, type DomainStanding, type ProfileSummary, audiencesOfRoles, buildProfile } from './profile.rules';

export type LessonStatus = 'not_started' | 'in_progress' | 'completed';

export interface DashboardCourse {
  courseId: string;
  titleVi: string;
  titleEn: string | null;
  coverAssetId: string | null;
  source: EnrolmentSource;
  enrolledAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
  requiredTotal: number;
  requiredDone: number;
  percent: number;
  nextLessonId: string | null;
  lastActivityAt: string | null;
}

export interface Dashboard {
  resume: {
    courseId: string;
    courseTitleVi: string;
    courseTitleEn: string | null;
    lessonId: string;
    lessonTitleVi: string;
    lessonTitleEn: string | null;
    kind: LessonKind;
    positionSeconds: number | null;
    updatedAt: string;
  } | null;
  courses: DashboardCourse[];
}

export interface LessonProgressView {
  lessonId: string;
  kind: LessonKind;
  required: boolean;
  status: LessonStatus;
  percent: number;
  positionSeconds: number | null;
  timeSpentSeconds: number;
  completedAt: string | null;
  evidence: { id: string; status: EvidenceStatus; note: string | null } | null;
}

export interface CourseProgress {
  courseId: string;
  enrolled: boolean;
  source: EnrolmentSource | null;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
  requiredTotal: number;
  requiredDone: number;
  percent: number;
  lessons: LessonProgressView[];
}

export interface CompetencyProfile {
  userId: string;
  displayName: string;
  grade: number | null;
  band: string | null;
  summary: ProfileSummary;
  domains: DomainStanding[];
}

export interface MatrixCell {
  courseId: string;
  enrolled: boolean;
  percent: number;
  requiredDone: number;
  requiredTotal: number;
  completedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  lessons: Array<{ lessonId: string; status: LessonStatus; percent: number }>;
}

export interface ProgressMatrix {
  unitId: string;
  unitName: string;
  generatedAt: string;
  courses: Array<{ courseId: string; titleVi: string; titleEn: string | null; dueAt: string | null; lessons: Array<{ lessonId: string; titleVi: string; titleEn: string | null; kind: LessonKind; required: boolean }> }>;
  learners: Array<{ userId: string; displayName: string; username: string; personCode: string | null; className: string | null; cells: MatrixCell[] }>;
}

interface ProgressRow {
  userId: string;
  courseId: string;
  lessonId: string;
  percent: number;
  position: number | null;
  timeSpentSeconds: number;
  updatedAt: Date;
  completedAt: Date | null;
}

/** Learners a class matrix lists at most (a whole school is better read by class). */
export const MATRIX_MAX_LEARNERS = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Where a learner stands in one course, from their progress rows. */
function standing(course: CourseInfo, rows: ReadonlyMap<string, ProgressRow>, coverage: Coverage | undefined, completedAt: Date | null) {
  const required = course.lessons.filter((l) => l.required);
  const requiredDone = required.filter((l) => rows.get(l.id)?.completedAt).length;
  const percent = completedAt ? 100 : required.length === 0 ? 0 : Math.floor(required.reduce((sum, l) => sum + (rows.get(l.id)?.completedAt ? 100 : (rows.get(l.id)?.percent ?? 0)), 0) / required.length);
  const dueAt = coverage?.dueAt ?? null;
  const overdue = !completedAt && dueAt !== null && new Date(dueAt).getTime() < Date.now();
  const next = course.lessons.find((l) => !rows.get(l.id)?.completedAt) ?? null;
  return { requiredTotal: required.length, requiredDone, percent: Math.min(100, percent), dueAt: iso(dueAt), overdue, nextLessonId: next?.id ?? null };
}

function statusOf(row: ProgressRow | undefined): LessonStatus {
  if (!row) return 'not_started';
  return row.completedAt ? 'completed' : 'in_progress';
}

/**
 * What learners, parents and teachers read: a learner's dashboard and course progress, the
 * competency profile, and a unit's matrix of learners × courses (with its CSV/XLSX export).
 */
@Injectable()
export class LearningViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: LessonDirectory,
    private readonly enrolment: EnrolmentService,
    private readonly access: AccessService,
  ) {}

  /** A parent's child (404 if not linked) or a learner within a teacher's reach (404 outside). */
  async assertCanRead(principal: Principal, userId: string, permission: 'child.read' | 'progress.read'): Promise<void> {
    if (!UUID.test(userId) || !(await this.access.userInReach(principal, permission, userId))) throw new UserNotFoundException();
  }

  private async progressRows(userIds: readonly string[], courseIds?: readonly string[]): Promise<ProgressRow[]> {
    if (userIds.length === 0) return [];
    return this.dataSource.query<ProgressRow[]>(
      `SELECT user_id AS "userId", course_id AS "courseId", lesson_id AS "lessonId", percent, position, time_spent_seconds AS "timeSpentSeconds", updated_at AS "updatedAt", completed_at AS "completedAt"
         FROM lesson_progress WHERE user_id = ANY($1::uuid[]) ${courseIds ? 'AND course_id = ANY($2::uuid[])' : ''}`,
      courseIds ? [userIds, courseIds] : [userIds],
    );
  }

  private async completions(userIds: readonly string[]): Promise<Map<string, Date>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ userId: string; courseId: string; completedAt: Date }>>(
      'SELECT user_id AS "userId", course_id AS "courseId", completed_at AS "completedAt" FROM course_completion WHERE user_id = ANY($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((r) => [`${r.userId}/${r.courseId}`, new Date(r.completedAt)]));
  }

  async dashboard(userId: string): Promise<Dashboard> {
    const [coverage, rows, done] = await Promise.all([this.enrolment.coverageOf(userId), this.progressRows([userId]), this.completions([userId])]);
    const byCourse = new Map<string, Map<string, ProgressRow>>();
    for (const row of rows) {
      if (!byCourse.has(row.courseId)) byCourse.set(row.courseId, new Map());
      byCourse.get(row.courseId)!.set(row.lessonId, row);
    }
    const courses: DashboardCourse[] = [];
    for (const cover of coverage.values()) {
      const course = await this.directory.course(cover.courseId);
      if (!course) continue;
      const progress = byCourse.get(course.courseId) ?? new Map<string, ProgressRow>();
      const completedAt = done.get(`${userId}/${course.courseId}`) ?? null;
      const last = [...progress.values()].reduce<Date | null>((max, r) => (!max || r.updatedAt > max ? r.updatedAt : max), null);
      courses.push({
        courseId: course.courseId,
        titleVi: course.titleVi,
        titleEn: course.titleEn,
        coverAssetId: course.coverAssetId,
        source: cover.source,
        enrolledAt: iso(cover.enrolledAt),
        completedAt: iso(completedAt),
        lastActivityAt: iso(last),
        ...standing(course, progress, cover, completedAt),
      });
    }
    courses.sort((a, b) => {
      if (!a.completedAt !== !b.completedAt) return a.completedAt ? 1 : -1;
      if (a.dueAt !== b.dueAt) return a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt.localeCompare(b.dueAt);
      return (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? '');
    });
    // Continue where I left off: the most recent lesson of an unfinished course (its next lesson once it is done).
    let resume: Dashboard['resume'] = null;
    for (const row of [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())) {
      const entry = courses.find((c) => c.courseId === row.courseId);
      if (!entry || entry.completedAt) continue;
      const course = (await this.directory.course(row.courseId))!;
      const lessonId = row.completedAt ? entry.nextLessonId : row.lessonId;
      const lesson = course.lessons.find((l) => l.id === lessonId);
      if (!lesson) continue;
      resume = {
        courseId: course.courseId,
        courseTitleVi: course.titleVi,
        courseTitleEn: course.titleEn,
        lessonId: lesson.id,
        lessonTitleVi: lesson.titleVi,
        lessonTitleEn: lesson.titleEn,
        kind: lesson.kind,
        positionSeconds: row.completedAt ? null : row.position,
        updatedAt: row.updatedAt.toISOString(),
      };
      break;
    }
    return { resume, courses };
  }

  async courseProgress(userId: string, courseId: string): Promise<CourseProgress> {
    const course = UUID.test(courseId) ? await this.directory.course(courseId) : undefined;
    if (!course) throw new CourseNotFoundException();
    const [coverage, rows, done, evidence] = await Promise.all([
      this.enrolment.coverageOf(userId),
      this.progressRows([userId], [courseId]),
      this.completions([userId]),
      this.dataSource.query<Array<{ id: string; lessonId: string; status: EvidenceStatus; note: string | null }>>(
        `SELECT DISTINCT ON (lesson_id) id, lesson_id AS "lessonId", status, note FROM lesson_evidence WHERE user_id = $1 AND course_id = $2 ORDER BY lesson_id, submitted_at DESC`,
        [userId, courseId],
      ),
    ]);
    const cover = coverage.get(courseId);
    const progress = new Map(rows.map((r) => [r.lessonId, r]));
    const completedAt = done.get(`${userId}/${courseId}`) ?? null;
    const s = standing(course, progress, cover, completedAt);
    const evidenceOf = new Map(evidence.map((e) => [e.lessonId, { id: e.id, status: e.status, note: e.note }]));
    return {
      courseId,
      enrolled: cover !== undefined,
      source: cover?.source ?? null,
      dueAt: s.dueAt,
      overdue: s.overdue,
      completedAt: iso(completedAt),
      requiredTotal: s.requiredTotal,
      requiredDone: s.requiredDone,
      percent: s.percent,
      lessons: course.lessons.map((l) => {
        const row = progress.get(l.id);
        return {
          lessonId: l.id,
          kind: l.kind,
          required: l.required,
          status: statusOf(row),
          percent: row?.completedAt ? 100 : (row?.percent ?? 0),
          positionSeconds: row?.position ?? null,
          timeSpentSeconds: row?.timeSpentSeconds ?? 0,
          completedAt: iso(row?.completedAt),
          evidence: evidenceOf.get(l.id) ?? null,
        };
      }),
    };
  }

  /** One learner's TT 02/2025 profile: one statement of indexed reads (person, grade, roles, completed lessons), the rest in memory. */
  async profile(userId: string): Promise<CompetencyProfile> {
    // One round trip: the person, their grade and roles, and their completed lessons.
    const [person] = await this.dataSource.query<Array<{ displayName: string; grade: number | null; roles: string[]; done: Array<{ courseId: string; lessonId: string; completedAt: string }> }>>(
      `SELECT a.display_name AS "displayName",
              (SELECT u.grade FROM role_assignment ra JOIN org_unit u ON u.id = ra.unit_id WHERE ra.user_id = a.id AND ra.role = 'student' AND u.grade IS NOT NULL AND u.archived_at IS NULL ORDER BY ra.created_at DESC LIMIT 1) AS grade,
              ARRAY(SELECT DISTINCT role FROM role_assignment WHERE user_id = a.id)::text[] AS roles,
              COALESCE((SELECT json_agg(json_build_object('courseId', lp.course_id, 'lessonId', lp.lesson_id, 'completedAt', lp.completed_at))
                          FROM lesson_progress lp WHERE lp.user_id = a.id AND lp.completed_at IS NOT NULL), '[]'::json) AS done
         FROM user_account a WHERE a.id = $1`,
      [userId],
    );
    if (!person) throw new UserNotFoundException();
    const rows = person.done;
    const completed: CompletedLesson[] = [];
    for (const row of rows) {
      const course = await this.directory.course(row.courseId);
      const lesson = course?.lessons.find((l) => l.id === row.lessonId);
      if (!course || !lesson || lesson.competencies.length === 0) continue;
      completed.push({ courseId: course.courseId, courseTitleVi: course.titleVi, lessonId: lesson.id, lessonTitleVi: lesson.titleVi, kind: lesson.kind, competencies: lesson.competencies, completedAt: new Date(row.completedAt) });
    }
    const candidates = await this.candidates();
    const { domains, summary } = buildProfile(person.grade, audiencesOfRoles(person.roles), completed, candidates);
    const band = person.grade === null ? null : bandOfGrade(person.grade);
    return { userId, displayName: person.displayName, grade: person.grade, band, summary, domains };
  }

  private candidateCache: { at: CourseInfo[]; list: CandidateLesson[] } | null = null;

  /** Every tagged published lesson, flattened once per directory generation. */
  private async candidates(): Promise<CandidateLesson[]> {
    const all = await this.directory.all();
    if (this.candidateCache && this.candidateCache.at.length === all.length && this.candidateCache.at.every((c, i) => c === all[i])) return this.candidateCache.list;
    const list = all.flatMap((course) =>
      course.lessons
        .filter((l) => l.competencies.length > 0)
        .map((l) => ({ courseId: course.courseId, courseTitleVi: course.titleVi, lessonId: l.id, lessonTitleVi: l.titleVi, lessonTitleEn: l.titleEn, competencies: l.competencies, gradeMin: course.gradeMin, gradeMax: course.gradeMax, audiences: course.audiences })),
    );
    this.candidateCache = { at: all, list };
    return list;
  }

  /** Learners × courses of a unit's subtree: who holds the audience's role there, and every course assigned to or taken by them. */
  async matrix(principal: Principal, unitId: string, audience: AssignmentAudience = 'student'): Promise<ProgressMatrix> {
    if (!UUID.test(unitId) || !(await this.access.unitInReach(principal, 'progress.read', unitId))) throw new OrgUnitNotFoundException();
    const [unit] = await this.dataSource.query<Array<{ name: string; path: string }>>('SELECT name, path FROM org_unit WHERE id = $1', [unitId]);
    if (!unit) throw new OrgUnitNotFoundException();
    const learners = await this.dataSource.query<Array<{ userId: string; displayName: string; username: string; personCode: string | null; className: string | null }>>(
      audience === 'parent'
        ? `SELECT DISTINCT ON (a.display_name, a.id) a.id AS "userId", a.display_name AS "displayName", a.username, a.person_code AS "personCode", cu.name AS "className"
             FROM parent_link pl JOIN role_assignment ra ON ra.user_id = pl.child_id AND ra.role = 'student' JOIN org_unit cu ON cu.id = ra.unit_id
             JOIN user_account a ON a.id = pl.parent_id
            WHERE starts_with(cu.path, $1) AND a.status <> 'disabled' ORDER BY a.display_name, a.id LIMIT ${MATRIX_MAX_LEARNERS}`
        : `SELECT DISTINCT ON (cu.name, a.display_name, a.id) a.id AS "userId", a.display_name AS "displayName", a.username, a.person_code AS "personCode",
                  CASE WHEN cu.type = 'class' THEN cu.name END AS "className"
             FROM role_assignment ra JOIN org_unit cu ON cu.id = ra.unit_id JOIN user_account a ON a.id = ra.user_id
            WHERE starts_with(cu.path, $1) AND ra.role = ANY($2::text[]) AND a.status <> 'disabled' AND cu.archived_at IS NULL
            ORDER BY cu.name, a.display_name, a.id LIMIT ${MATRIX_MAX_LEARNERS}`,
      audience === 'parent' ? [unit.path] : [unit.path, audience === 'student' ? ['student'] : audience === 'teacher' ? ['teacher'] : ['teacher', 'institution_manager']],
    );
    const ids = learners.map((l) => l.userId);
    const [coverage, rows, done] = await Promise.all([this.enrolment.coverage(ids), this.progressRows(ids), this.completions(ids)]);
    const courseIds = new Set<string>();
    for (const cover of coverage.values()) for (const id of cover.keys()) courseIds.add(id);
    // Courses assigned on this unit, above it or below it, even before anyone started them.
    const assigned = await this.dataSource.query<Array<{ courseId: string; dueAt: Date | null }>>(
      `SELECT a.course_id AS "courseId", min(a.due_at) AS "dueAt" FROM course_assignment a JOIN org_unit au ON au.id = a.unit_id
        WHERE a.revoked_at IS NULL AND a.audience = $2 AND (starts_with($1, au.path) OR starts_with(au.path, $1)) GROUP BY a.course_id`,
      [unit.path, audience],
    );
    for (const a of assigned) courseIds.add(a.courseId);
    const courses: CourseInfo[] = [];
    for (const id of courseIds) {
      const course = await this.directory.course(id);
      if (course) courses.push(course);
    }
    const dueOf = new Map(assigned.map((a) => [a.courseId, a.dueAt]));
    courses.sort((a, b) => {
      const da = dueOf.get(a.courseId);
      const db = dueOf.get(b.courseId);
      if (Boolean(da) !== Boolean(db)) return da ? -1 : 1;
      if (da && db && da.getTime() !== db.getTime()) return da.getTime() - db.getTime();
      return a.titleVi.localeCompare(b.titleVi, 'vi');
    });
    const progress = new Map<string, Map<string, ProgressRow>>();
    for (const row of rows) {
      const key = `${row.userId}/${row.courseId}`;
      if (!progress.has(key)) progress.set(key, new Map());
      progress.get(key)!.set(row.lessonId, row);
    }
    return {
      unitId,
      unitName: unit.name,
      generatedAt: new Date().toISOString(),
      courses: courses.map((c) => ({
        courseId: c.courseId,
        titleVi: c.titleVi,
        titleEn: c.titleEn,
        dueAt: iso(dueOf.get(c.courseId) ?? null),
        lessons: c.lessons.map((l) => ({ lessonId: l.id, titleVi: l.titleVi, titleEn: l.titleEn, kind: l.kind, required: l.required })),
      })),
      learners: learners.map((learner) => ({
        ...learner,
        cells: courses.map((course) => {
          const cover = coverage.get(learner.userId)?.get(course.courseId);
          const lessonRows = progress.get(`${learner.userId}/${course.courseId}`) ?? new Map<string, ProgressRow>();
          const completedAt = done.get(`${learner.userId}/${course.courseId}`) ?? null;
          const s = standing(course, lessonRows, cover, completedAt);
          return {
            courseId: course.courseId,
            enrolled: cover !== undefined,
            percent: s.percent,
            requiredDone: s.requiredDone,
            requiredTotal: s.requiredTotal,
            completedAt: iso(completedAt),
            dueAt: s.dueAt,
            overdue: s.overdue,
            lessons: course.lessons.map((l) => {
              const row = lessonRows.get(l.id);
              return { lessonId: l.id, status: statusOf(row), percent: row?.completedAt ? 100 : (row?.percent ?? 0) };
            }),
          };
        }),
      })),
    };
  }
}
