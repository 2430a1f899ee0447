import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@lms/core';
import { CourseNotFoundException, CoursesService } from '@lms/courses';
import { hashPassword, verifyPassword } from '@lms/identity';
import { AccessService, OrgUnitNotFoundException } from '@lms/org';
import type { DataSource } from 'typeorm';
import type { AssignmentAudience, EnrolmentMode, EnrolmentSource } from './learning.entity';
import {
  AssignmentDueException,
  AssignmentGradeException,
  AssignmentNotFoundException,
  EnrolmentAssignedOnlyException,
  EnrolmentByAssignmentException,
  EnrolmentKeyInvalidException,
  EnrolmentKeyMissingException,
  EnrolmentKeyRequiredException,
  EnrolmentNotFoundException,
  EnrolmentRequiredException,
} from './learning.exceptions';
import { LessonDirectory } from './lesson-directory';

export interface Coverage {
  courseId: string;
  source: EnrolmentSource;
  enrolledAt: Date | null;
  dueAt: Date | null;
}

export interface AssignmentView {
  id: string;
  courseId: string;
  courseTitleVi: string;
  unitId: string;
  unitName: string;
  audience: AssignmentAudience;
  grade: number | null;
  dueAt: string | null;
  createdAt: string;
  createdBy: string | null;
  learnerCount: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CACHE_TTL_MS = 30_000;
/** A "not enrolled" answer from the cache is re-checked once it is this old (an assignment just made). */
const NEGATIVE_RECHECK_MS = 2_000;
const CACHE_MAX = 100_000;

/**
 * Who the roles of each person are held on, with the units' ancestors (the ids of their paths), so
 * an assignment on any ancestor covers them. Parents count through their children's classes.
 */
const HOLDS_SQL = `
  holds AS (
    SELECT ra.user_id, ra.role, u.grade, string_to_array(rtrim(u.path, '/'), '/')::uuid[] AS ancestors
      FROM role_assignment ra JOIN org_unit u ON u.id = ra.unit_id
     WHERE ra.user_id = ANY($1::uuid[]) AND ra.role IN ('student', 'teacher', 'institution_manager') AND u.archived_at IS NULL
    UNION ALL
    SELECT pl.parent_id, 'parent', u.grade, string_to_array(rtrim(u.path, '/'), '/')::uuid[]
      FROM parent_link pl JOIN role_assignment ra ON ra.user_id = pl.child_id AND ra.role = 'student'
      JOIN org_unit u ON u.id = ra.unit_id
     WHERE pl.parent_id = ANY($1::uuid[]) AND u.archived_at IS NULL)`;

/** An assignment `a` covers a hold `h`: audience and grade match. */
const COVERS_SQL = `a.revoked_at IS NULL AND a.unit_id = ANY(h.ancestors)
  AND (a.grade IS NULL OR a.grade = h.grade)
  AND ((a.audience = 'student' AND h.role = 'student') OR (a.audience = 'teacher' AND h.role = 'teacher')
       OR (a.audience = 'staff' AND h.role IN ('teacher', 'institution_manager')) OR (a.audience = 'parent' AND h.role = 'parent'))`;

/**
 * Enrolment: a learner's own (self or with a key) and assignments to subtrees, evaluated when asked
 * (one statement for any number of people), so whoever joins a class has its assignments at once.
 */
@Injectable()
export class EnrolmentService {
  private readonly cache = new Map<string, { at: number; courses: Set<string> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: LessonDirectory,
    private readonly courses: CoursesService,
    private readonly access: AccessService,
  ) {}

  /** The published courses each person is enrolled in, by person. */
  async coverage(userIds: readonly string[]): Promise<Map<string, Map<string, Coverage>>> {
    const ids = [...new Set(userIds.filter((id) => UUID.test(id)))];
    const result = new Map<string, Map<string, Coverage>>(ids.map((id) => [id, new Map()]));
    if (ids.length === 0) return result;
    const rows = await this.dataSource.query<Array<{ userId: string; courseId: string; source: EnrolmentSource; enrolledAt: Date | null; dueAt: Date | null }>>(
      `WITH ${HOLDS_SQL},
       assigned AS (
         SELECT h.user_id, a.course_id, min(a.due_at) AS due_at, min(a.created_at) AS since
           FROM holds h JOIN course_assignment a ON ${COVERS_SQL}
          GROUP BY h.user_id, a.course_id),
       own AS (SELECT user_id, course_id, source, enrolled_at FROM enrolment WHERE user_id = ANY($1::uuid[]) AND withdrawn_at IS NULL)
       SELECT COALESCE(s.user_id, o.user_id) AS "userId", COALESCE(s.course_id, o.course_id) AS "courseId",
              CASE WHEN s.course_id IS NOT NULL THEN 'assignment' ELSE o.source END AS source,
              COALESCE(o.enrolled_at, s.since) AS "enrolledAt", s.due_at AS "dueAt"
         FROM assigned s FULL JOIN own o ON o.user_id = s.user_id AND o.course_id = s.course_id
        WHERE EXISTS (SELECT 1 FROM course_catalog_entry e WHERE e.course_id = COALESCE(s.course_id, o.course_id))`,
      [ids],
    );
    for (const row of rows) result.get(row.userId)?.set(row.courseId, { courseId: row.courseId, source: row.source, enrolledAt: row.enrolledAt, dueAt: row.dueAt });
    return result;
  }

  async coverageOf(userId: string): Promise<Map<string, Coverage>> {
    return (await this.coverage([userId])).get(userId) ?? new Map();
  }

  /**
   * The heartbeat's question, from memory: is this person enrolled in this course? Kept 30 s; a
   * "no" older than 2 s is asked again, so a course assigned a moment ago counts at once.
   */
  async isEnrolled(userId: string, courseId: string): Promise<boolean> {
    const now = Date.now();
    const hit = this.cache.get(userId);
    if (hit && now - hit.at < CACHE_TTL_MS && (hit.courses.has(courseId) || now - hit.at < NEGATIVE_RECHECK_MS)) return hit.courses.has(courseId);
    const courses = new Set((await this.coverageOf(userId)).keys());
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(userId, { at: now, courses });
    return courses.has(courseId);
  }

  forget(userId?: string): void {
    if (userId) this.cache.delete(userId);
    else this.cache.clear();
  }

  // -------------------------------------------------------------------------------------------
  // Enrolment settings and self-enrolment
  // -------------------------------------------------------------------------------------------

  async settings(principal: Principal, courseId: string): Promise<{ mode: EnrolmentMode; hasKey: boolean }> {
    await this.courses.load(principal, courseId, 'edit');
    return this.settingsOf(courseId);
  }

  private async settingsOf(courseId: string): Promise<{ mode: EnrolmentMode; hasKey: boolean; keyHash: string | null }> {
    const [row] = await this.dataSource.query<Array<{ mode: EnrolmentMode; keyHash: string | null }>>('SELECT mode, key_hash AS "keyHash" FROM course_enrolment_setting WHERE course_id = $1', [courseId]);
    return { mode: row?.mode ?? 'open', hasKey: Boolean(row?.keyHash), keyHash: row?.keyHash ?? null };
  }

  async updateSettings(principal: Principal, courseId: string, mode: EnrolmentMode, key: string | undefined): Promise<{ mode: EnrolmentMode; hasKey: boolean }> {
    await this.courses.load(principal, courseId, 'edit');
    const current = await this.settingsOf(courseId);
    let keyHash: string | null = current.keyHash;
    if (key !== undefined) keyHash = await hashPassword(key);
    if (mode === 'key' && !keyHash) throw new EnrolmentKeyMissingException();
    await this.dataSource.query(
      `INSERT INTO course_enrolment_setting (course_id, mode, key_hash, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (course_id) DO UPDATE SET mode = EXCLUDED.mode, key_hash = EXCLUDED.key_hash, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [courseId, mode, keyHash, principal.userId],
    );
    return { mode, hasKey: Boolean(keyHash) };
  }

  async enrol(principal: Principal, courseId: string, key: string | undefined): Promise<{ courseId: string; source: EnrolmentSource; enrolledAt: string; dueAt: string | null }> {
    if (!UUID.test(courseId) || !(await this.directory.course(courseId))) throw new CourseNotFoundException();
    const covered = (await this.coverageOf(principal.userId)).get(courseId);
    if (covered) return { courseId, source: covered.source, enrolledAt: (covered.enrolledAt ?? new Date()).toISOString(), dueAt: covered.dueAt?.toISOString() ?? null };
    const settings = await this.settingsOf(courseId);
    let source: EnrolmentSource = 'self';
    if (settings.mode === 'assigned') throw new EnrolmentAssignedOnlyException();
    if (settings.mode === 'key') {
      if (!key) throw new EnrolmentKeyRequiredException();
      if (!(await verifyPassword(settings.keyHash, key))) throw new EnrolmentKeyInvalidException();
      source = 'key';
    }
    const [row] = await this.dataSource.query<Array<{ enrolledAt: Date }>>(
      `INSERT INTO enrolment (course_id, user_id, source) VALUES ($1, $2, $3)
       ON CONFLICT (course_id, user_id) DO UPDATE SET source = EXCLUDED.source, withdrawn_at = NULL, enrolled_at = CASE WHEN enrolment.withdrawn_at IS NULL THEN enrolment.enrolled_at ELSE now() END
       RETURNING enrolled_at AS "enrolledAt"`,
      [courseId, principal.userId, source],
    );
    this.forget(principal.userId);
    return { courseId, source, enrolledAt: new Date(row.enrolledAt).toISOString(), dueAt: null };
  }

  /**
   * Before a learner opens a lesson: enrolled already, or the course is open and opening it enrols
   * them (children need not find an "enrol" button first); courses with a key or only by
   * assignment answer ENROLMENT_REQUIRED.
   */
  async ensureEnrolled(principal: Principal, courseId: string): Promise<void> {
    if (!UUID.test(courseId) || !(await this.directory.course(courseId))) return; // the catalogue answers "not found"
    if ((await this.coverageOf(principal.userId)).has(courseId)) return;
    const settings = await this.settingsOf(courseId);
    if (settings.mode !== 'open') throw new EnrolmentRequiredException({ mode: settings.mode });
    await this.enrol(principal, courseId, undefined);
  }

  async withdraw(principal: Principal, courseId: string): Promise<void> {
    if (!UUID.test(courseId)) throw new EnrolmentNotFoundException();
    const covered = (await this.coverageOf(principal.userId)).get(courseId);
    if (!covered) throw new EnrolmentNotFoundException();
    if (covered.source === 'assignment') throw new EnrolmentByAssignmentException();
    await this.dataSource.query('UPDATE enrolment SET withdrawn_at = now() WHERE course_id = $1 AND user_id = $2 AND withdrawn_at IS NULL', [courseId, principal.userId]);
    this.forget(principal.userId);
  }

  // -------------------------------------------------------------------------------------------
  // Assignments
  // -------------------------------------------------------------------------------------------

  async assign(principal: Principal, courseId: string, input: { unitId: string; audience: AssignmentAudience; grade?: number; dueAt?: string }): Promise<AssignmentView> {
    if (!UUID.test(courseId) || !(await this.directory.course(courseId))) throw new CourseNotFoundException();
    if (!(await this.access.unitInReach(principal, 'course.assign', input.unitId))) throw new OrgUnitNotFoundException();
    if (input.grade !== undefined && !['student', 'parent'].includes(input.audience)) throw new AssignmentGradeException();
    const dueAt = input.dueAt ? new Date(input.dueAt) : null;
    if (dueAt && dueAt.getTime() <= Date.now()) throw new AssignmentDueException();
    const [row] = await this.dataSource.query<Array<{ id: string }>>(
      'INSERT INTO course_assignment (course_id, unit_id, audience, grade, due_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [courseId, input.unitId, input.audience, input.grade ?? null, dueAt, principal.userId],
    );
    this.forget();
    return (await this.views([row.id]))[0];
  }

  /** Active assignments made on this unit or above it (what covers its people), or below it. */
  async assignmentsOf(principal: Principal, unitId: string): Promise<AssignmentView[]> {
    if (!(await this.access.unitInReach(principal, 'course.assign', unitId)) && !(await this.access.unitInReach(principal, 'progress.read', unitId))) throw new OrgUnitNotFoundException();
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT a.id FROM course_assignment a JOIN org_unit au ON au.id = a.unit_id, org_unit u
        WHERE u.id = $1 AND a.revoked_at IS NULL AND (starts_with(u.path, au.path) OR starts_with(au.path, u.path))
        ORDER BY a.due_at NULLS LAST, a.created_at`,
      [unitId],
    );
    return this.views(rows.map((r) => r.id));
  }

  async revoke(principal: Principal, assignmentId: string): Promise<void> {
    if (!UUID.test(assignmentId)) throw new AssignmentNotFoundException();
    const [row] = await this.dataSource.query<Array<{ unitId: string }>>('SELECT unit_id AS "unitId" FROM course_assignment WHERE id = $1 AND revoked_at IS NULL', [assignmentId]);
    if (!row || !(await this.access.unitInReach(principal, 'course.assign', row.unitId))) throw new AssignmentNotFoundException();
    await this.dataSource.query('UPDATE course_assignment SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL', [assignmentId, principal.userId]);
    this.forget();
  }

  /** Assignments with their course and unit names and how many people they cover now. */
  private async views(ids: string[]): Promise<AssignmentView[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<Array<Omit<AssignmentView, 'learnerCount' | 'dueAt' | 'createdAt'> & { dueAt: Date | null; createdAt: Date; learnerCount: string }>>(
      `SELECT a.id, a.course_id AS "courseId", COALESCE(e.title_vi, c.title_vi) AS "courseTitleVi", a.unit_id AS "unitId", u.name AS "unitName",
              a.audience, a.grade, a.due_at AS "dueAt", a.created_at AS "createdAt", a.created_by AS "createdBy",
              (CASE a.audience
                 WHEN 'parent' THEN (SELECT count(DISTINCT pl.parent_id) FROM parent_link pl JOIN role_assignment ra ON ra.user_id = pl.child_id AND ra.role = 'student'
                                      JOIN org_unit cu ON cu.id = ra.unit_id WHERE starts_with(cu.path, u.path) AND (a.grade IS NULL OR cu.grade = a.grade))
                 ELSE (SELECT count(DISTINCT ra.user_id) FROM role_assignment ra JOIN org_unit cu ON cu.id = ra.unit_id
                        WHERE starts_with(cu.path, u.path) AND (a.grade IS NULL OR cu.grade = a.grade)
                          AND ra.role = ANY(CASE a.audience WHEN 'student' THEN ARRAY['student'] WHEN 'teacher' THEN ARRAY['teacher'] ELSE ARRAY['teacher', 'institution_manager'] END))
               END) AS "learnerCount"
         FROM course_assignment a JOIN org_unit u ON u.id = a.unit_id JOIN course c ON c.id = a.course_id
         LEFT JOIN course_catalog_entry e ON e.course_id = a.course_id
        WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .map((r) => ({ ...r, dueAt: r.dueAt ? new Date(r.dueAt).toISOString() : null, createdAt: new Date(r.createdAt).toISOString(), learnerCount: Number(r.learnerCount) }));
  }
}
