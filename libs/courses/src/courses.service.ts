import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, commonError, foldVietnamese } from '@lms/core';
import { IdentityRepository } from '@lms/identity';
import { MediaService } from '@lms/media';
import { AccessService } from '@lms/org';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogService } from './catalog.service';
import { type Reason, competencyProblems, gradeRangeProblems, lessonContent, publishProblems } from './course-rules';
import {
  type Audience,
  type CollaboratorRole,
  type CompetencyTagValue,
  Course,
  CourseCollaborator,
  CourseRevision,
  CourseSection,
  Lesson,
  type LessonKind,
} from './course.entity';
import { CourseInvalidException, CourseItemNotFoundException, CourseNotFoundException, CourseWorkflowException } from './courses.exceptions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The purposes of upload each kind of lesson may use. */
const PURPOSES_OF_KIND: Partial<Record<LessonKind, readonly string[]>> = {
  video: ['video'],
  audio: ['audio'],
  slides: ['slides', 'document'],
  file: ['file', 'document', 'slides', 'image', 'audio', 'video'],
  gallery: ['image'],
};

/** Every media asset a course uses: its cover and its lessons' files and images. */
export function assetsOf(coverAssetId: string | null, lessons: Array<{ content: Record<string, unknown> }>): string[] {
  const ids = new Set<string>();
  if (coverAssetId) ids.add(coverAssetId);
  for (const l of lessons) {
    if (typeof l.content.assetId === 'string') ids.add(l.content.assetId);
    if (Array.isArray(l.content.assetIds)) for (const id of l.content.assetIds) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

export interface CourseInput {
  titleVi: string;
  titleEn?: string | null;
  summaryVi: string;
  summaryEn?: string | null;
  audiences: Audience[];
  gradeMin?: number | null;
  gradeMax?: number | null;
  estimatedMinutes?: number | null;
  coverAssetId?: string | null;
  ownerUnitId?: string | null;
  licence?: string;
}

export interface LessonInput {
  kind: LessonKind;
  titleVi: string;
  titleEn?: string | null;
  required?: boolean;
  estimatedMinutes?: number | null;
  content?: Record<string, unknown>;
  competencies?: CompetencyTagValue[];
}

export interface OutlineLesson {
  id: string;
  kind: LessonKind;
  titleVi: string;
  titleEn: string | null;
  required: boolean;
  estimatedMinutes: number | null;
  content: Record<string, unknown>;
  bodyHtml: string | null;
  competencies: CompetencyTagValue[];
}

export interface Outline {
  course: Course;
  sections: Array<{ id: string; titleVi: string; titleEn: string | null; lessons: OutlineLesson[] }>;
  collaborators: Array<{ userId: string; displayName: string; username: string; role: CollaboratorRole }>;
  revisions: Array<{ id: string; number: number; createdAt: string }>;
  /** What the caller may do with it. */
  can: { edit: boolean; review: boolean };
}

/**
 * Authoring: courses, their sections and lessons, collaborators, and the workflow draft → in review
 * → published → archived. Publishing freezes the outline into an immutable revision and writes the
 * catalogue entry from it. Who may do what:
 *  - create: `course.author` held on the owning unit or above (no unit: installation-wide only);
 *  - edit: the course's owner and editors, and anyone with `course.review` over the owning unit;
 *  - publish or send back: reviewers of the course and anyone with `course.review` over the owning unit
 *    (an author who is not one of them sends it for review instead);
 *  - see a course that is not published: all of the above; others get 404.
 */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly identity: IdentityRepository,
    private readonly catalog: CatalogService,
    private readonly media: MediaService,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Courses
  // ---------------------------------------------------------------------------------------------

  async create(principal: Principal, input: CourseInput): Promise<Outline> {
    const ownerUnitId = input.ownerUnitId ?? null;
    if (ownerUnitId) {
      if (!(await this.access.unitInReach(principal, 'course.author', ownerUnitId))) throw commonError('NOT_FOUND');
    } else if (!(await this.access.reach(principal, 'course.author')).everywhere) {
      throw new CourseInvalidException([{ vi: 'cần chọn đơn vị sở hữu khoá học (ownerUnitId)', en: 'an owning unit (ownerUnitId) is required' }]);
    }
    this.assertValid(gradeRangeProblems(input.gradeMin ?? null, input.gradeMax ?? null));
    if (input.coverAssetId) await this.assertAssets(principal, [input.coverAssetId], ['image']);
    const id = await this.dataSource.transaction(async (em) => {
      const course = em.getRepository(Course).create({
        titleVi: input.titleVi,
        titleEn: input.titleEn ?? null,
        summaryVi: input.summaryVi,
        summaryEn: input.summaryEn ?? null,
        audiences: [...new Set(input.audiences)],
        gradeMin: input.gradeMin ?? null,
        gradeMax: input.gradeMax ?? null,
        estimatedMinutes: input.estimatedMinutes ?? null,
        coverAssetId: input.coverAssetId ?? null,
        ownerUnitId,
        licence: input.licence ?? 'CC BY 4.0',
        status: 'draft',
        publishedRevisionId: null,
        publishedAt: null,
        createdBy: principal.userId,
      });
      const saved = await em.getRepository(Course).save(course);
      await em.getRepository(CourseCollaborator).insert({ courseId: saved.id, userId: principal.userId, role: 'owner' });
      return saved.id;
    });
    await this.identity.audit({ action: 'course.created', userId: principal.userId, details: { courseId: id } });
    return this.outline(principal, id);
  }

  /** The courses the caller works on (as a collaborator) or reviews, newest first. */
  async mine(principal: Principal): Promise<Course[]> {
    const reach = await this.access.reach(principal, 'course.review');
    const params: unknown[] = [principal.userId];
    let reviewed = 'FALSE';
    if (reach.everywhere) reviewed = 'TRUE';
    else if (reach.paths.length > 0) reviewed = `EXISTS (SELECT 1 FROM org_unit u WHERE u.id = c.owner_unit_id AND u.path LIKE ANY($${params.push(reach.paths.map((p) => `${p}%`))}::text[]))`;
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT c.id FROM course c
        WHERE EXISTS (SELECT 1 FROM course_collaborator cc WHERE cc.course_id = c.id AND cc.user_id = $1) OR ${reviewed}
        ORDER BY c.updated_at DESC LIMIT 200`,
      params,
    );
    if (rows.length === 0) return [];
    return this.dataSource.getRepository(Course).createQueryBuilder('c').where('c.id = ANY(:ids)', { ids: rows.map((r) => r.id) }).orderBy('c.updated_at', 'DESC').getMany();
  }

  async outline(principal: Principal, courseId: string): Promise<Outline> {
    const { course, can } = await this.load(principal, courseId, 'view');
    const sections = await this.sectionsOf(this.dataSource.manager, course.id);
    const collaborators = await this.dataSource.query<Outline['collaborators']>(
      `SELECT cc.user_id AS "userId", a.display_name AS "displayName", a.username, cc.role
         FROM course_collaborator cc JOIN user_account a ON a.id = cc.user_id WHERE cc.course_id = $1 ORDER BY cc.created_at`,
      [course.id],
    );
    const revisions = await this.dataSource.query<Array<{ id: string; number: number; createdAt: Date }>>(
      'SELECT id, number, created_at AS "createdAt" FROM course_revision WHERE course_id = $1 ORDER BY number DESC',
      [course.id],
    );
    return { course, sections, collaborators, revisions: revisions.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })), can };
  }

  async update(principal: Principal, courseId: string, change: Partial<CourseInput>): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    if (change.ownerUnitId !== undefined && change.ownerUnitId !== course.ownerUnitId) {
      if (change.ownerUnitId === null ? !(await this.access.reach(principal, 'course.author')).everywhere : !(await this.access.unitInReach(principal, 'course.author', change.ownerUnitId))) {
        throw commonError('NOT_FOUND');
      }
    }
    if (change.coverAssetId && change.coverAssetId !== course.coverAssetId) await this.assertAssets(principal, [change.coverAssetId], ['image']);
    const next = { ...course, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as Course;
    this.assertValid(gradeRangeProblems(next.gradeMin, next.gradeMax));
    await this.dataSource.getRepository(Course).update(
      { id: course.id },
      {
        titleVi: next.titleVi,
        titleEn: next.titleEn,
        summaryVi: next.summaryVi,
        summaryEn: next.summaryEn,
        audiences: [...new Set(next.audiences)],
        gradeMin: next.gradeMin,
        gradeMax: next.gradeMax,
        estimatedMinutes: next.estimatedMinutes,
        coverAssetId: next.coverAssetId,
        ownerUnitId: next.ownerUnitId,
        licence: next.licence,
        ...this.editedStatus(course),
      },
    );
    return this.outline(principal, course.id);
  }

  // ---------------------------------------------------------------------------------------------
  // Sections and lessons
  // ---------------------------------------------------------------------------------------------

  async addSection(principal: Principal, courseId: string, input: { titleVi: string; titleEn?: string | null }): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    await this.dataSource.transaction(async (em) => {
      const [{ next }] = await em.query<Array<{ next: number }>>('SELECT COALESCE(max(position), 0) + 1 AS next FROM course_section WHERE course_id = $1', [course.id]);
      await em.getRepository(CourseSection).insert({ courseId: course.id, position: next, titleVi: input.titleVi, titleEn: input.titleEn ?? null });
      await this.touch(em, course);
    });
    return this.outline(principal, course.id);
  }

  async updateSection(principal: Principal, courseId: string, sectionId: string, change: { titleVi?: string; titleEn?: string | null }): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    await this.section(course.id, sectionId);
    await this.dataSource.transaction(async (em) => {
      const values = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      if (Object.keys(values).length > 0) await em.getRepository(CourseSection).update({ id: sectionId }, values);
      await this.touch(em, course);
    });
    return this.outline(principal, course.id);
  }

  /** Removes a section with its lessons (they stay in earlier revisions, so learners' history is kept). */
  async deleteSection(principal: Principal, courseId: string, sectionId: string): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    await this.section(course.id, sectionId);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(CourseSection).delete({ id: sectionId });
      await this.renumber(em, 'course_section', 'course_id', course.id);
      await this.touch(em, course);
    });
    return this.outline(principal, course.id);
  }

  /** Sets the order of the sections: every section of the course, once. */
  async orderSections(principal: Principal, courseId: string, sectionIds: string[]): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    await this.dataSource.transaction(async (em) => {
      const existing = (await em.query<Array<{ id: string }>>('SELECT id FROM course_section WHERE course_id = $1', [course.id])).map((r) => r.id);
      this.assertPermutation(existing, sectionIds, { vi: 'thứ tự chương phải liệt kê đủ mỗi chương một lần', en: 'the order must list every section exactly once' });
      await em.query('UPDATE course_section s SET position = t.p FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, p) WHERE s.id = t.id', [sectionIds]);
      await this.touch(em, course);
    });
    return this.outline(principal, course.id);
  }

  async addLesson(principal: Principal, courseId: string, sectionId: string, input: LessonInput): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    await this.section(course.id, sectionId);
    const checked = await this.checkLesson(principal, input.kind, input.content, input.competencies ?? []);
    await this.dataSource.transaction(async (em) => {
      const [{ next }] = await em.query<Array<{ next: number }>>('SELECT COALESCE(max(position), 0) + 1 AS next FROM lesson WHERE section_id = $1', [sectionId]);
      await em.getRepository(Lesson).insert({
        courseId: course.id,
        sectionId,
        position: next,
        kind: input.kind,
        titleVi: input.titleVi,
        titleEn: input.titleEn ?? null,
        required: input.required ?? true,
        estimatedMinutes: input.estimatedMinutes ?? null,
        content: checked.content as never,
        bodyHtml: checked.bodyHtml,
        competencies: input.competencies ?? [],
      });
      await this.touch(em, course);
    });
    return this.outline(principal, course.id);
  }

  async updateLesson(principal: Principal, courseId: string, lessonId: string, change: Partial<LessonInput>): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    const lesson = await this.lesson(course.id, lessonId);
    const kind = change.kind ?? lesson.kind;
    const contentGiven = change.content !== undefined || change.kind !== undefined;
    const checked = contentGiven ? await this.checkLesson(principal, kind, change.content ?? lesson.content, change.competencies ?? lesson.competencies) : null;
    if (!checked && change.competencies) this.assertValid(competencyProblems(change.competencies));
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(Lesson).update(
        { id: lesson.id },
        {
          kind,
          titleVi: change.titleVi ?? lesson.titleVi,
          titleEn: change.titleEn !== undefined ? change.titleEn : lesson.titleEn,
          required: change.required ?? lesson.required,
          estimatedMinutes: change.estimatedMinutes !== undefined ? change.estimatedMinutes : lesson.estimatedMinutes,
          content: (checked ? checked.content : lesson.content) as never,
          bodyHtml: checked ? checked.bodyHtml : lesson.bodyHtml,
          competencies: change.competencies ?? lesson.competencies,
        },
      );
      await this.touch(em, course);
    });
    return this.outline(principal, course.id);
  }

  async deleteLesson(principal: Principal, courseId: string, lessonId: string): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    const lesson = await this.lesson(course.id, lessonId);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(Lesson).delete({ id: lesson.id });
      await this.renumber(em, 'lesson', 'section_id', lesson.sectionId);
      await this.touch(em, course);
    });
    return this.outline(principal, course.id);
  }

  /** Sets the lessons of a section, in order — lessons may come from other sections of the same course (drag and drop). */
  async orderLessons(principal: Principal, courseId: string, sectionId: string, lessonIds: string[]): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    await this.section(course.id, sectionId);
    await this.dataSource.transaction(async (em) => {
      const rows = await em.query<Array<{ id: string; section_id: string }>>('SELECT id, section_id FROM lesson WHERE course_id = $1', [course.id]);
      const inCourse = new Map(rows.map((r) => [r.id, r.section_id]));
      const current = rows.filter((r) => r.section_id === sectionId).map((r) => r.id);
      if (new Set(lessonIds).size !== lessonIds.length || lessonIds.some((id) => !inCourse.has(id)) || current.some((id) => !lessonIds.includes(id))) {
        throw new CourseInvalidException([{ vi: 'thứ tự bài phải gồm mọi bài của chương (và có thể thêm bài từ chương khác), mỗi bài một lần', en: 'the order must list every lesson of the section (and may add lessons of other sections), each once' }]);
      }
      const movedFrom = new Set(lessonIds.map((id) => inCourse.get(id)!).filter((s) => s !== sectionId));
      await em.query('UPDATE lesson l SET section_id = $2, position = t.p FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, p) WHERE l.id = t.id', [lessonIds, sectionId]);
      for (const from of movedFrom) await this.renumber(em, 'lesson', 'section_id', from);
      await this.touch(em, course);
    });
    return this.outline(principal, course.id);
  }

  // ---------------------------------------------------------------------------------------------
  // Collaborators
  // ---------------------------------------------------------------------------------------------

  async setCollaborator(principal: Principal, courseId: string, userId: string, role: CollaboratorRole): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    if (!UUID.test(userId) || (await this.dataSource.query<unknown[]>('SELECT 1 FROM user_account WHERE id = $1', [userId])).length === 0) throw new CourseItemNotFoundException('collaborator');
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO course_collaborator (course_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (course_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
        [course.id, userId, role],
      );
      await this.assertHasOwner(em, course.id);
    });
    await this.identity.audit({ action: 'course.collaborator.set', userId: principal.userId, details: { courseId: course.id, target: userId, role } });
    return this.outline(principal, course.id);
  }

  async removeCollaborator(principal: Principal, courseId: string, userId: string): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    if (!UUID.test(userId)) throw new CourseItemNotFoundException('collaborator');
    await this.dataSource.transaction(async (em) => {
      const removed = await em.getRepository(CourseCollaborator).delete({ courseId: course.id, userId });
      if (!removed.affected) throw new CourseItemNotFoundException('collaborator');
      await this.assertHasOwner(em, course.id);
    });
    return this.outline(principal, course.id);
  }

  // ---------------------------------------------------------------------------------------------
  // Workflow
  // ---------------------------------------------------------------------------------------------

  async submit(principal: Principal, courseId: string): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'edit');
    if (course.status !== 'draft') throw new CourseWorkflowException(course.status, 'submit');
    this.assertValid(publishProblems({ ...course, sections: await this.sectionsOf(this.dataSource.manager, course.id) }));
    await this.dataSource.getRepository(Course).update({ id: course.id }, { status: 'in_review' });
    await this.identity.audit({ action: 'course.submitted', userId: principal.userId, details: { courseId: course.id } });
    return this.outline(principal, course.id);
  }

  async returnToDraft(principal: Principal, courseId: string): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'review');
    if (course.status !== 'in_review') throw new CourseWorkflowException(course.status, 'return');
    await this.dataSource.getRepository(Course).update({ id: course.id }, { status: 'draft' });
    await this.identity.audit({ action: 'course.returned', userId: principal.userId, details: { courseId: course.id } });
    return this.outline(principal, course.id);
  }

  /**
   * Freezes the working copy into revision n+1 and writes the catalogue entry from it. Learners keep
   * their progress: lessons keep their ids, and a lesson that still exists keeps counting.
   */
  async publish(principal: Principal, courseId: string): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'review');
    if (course.status === 'archived' || course.status === 'published') throw new CourseWorkflowException(course.status, 'publish');
    await this.dataSource.transaction(async (em) => {
      // One publisher at a time per course.
      const [locked] = await em.query<Course[]>('SELECT id FROM course WHERE id = $1 FOR UPDATE', [course.id]);
      if (!locked) throw new CourseNotFoundException();
      const sections = await this.sectionsOf(em, course.id);
      this.assertValid(publishProblems({ ...course, sections }));
      const [{ next }] = await em.query<Array<{ next: number }>>('SELECT COALESCE(max(number), 0) + 1 AS next FROM course_revision WHERE course_id = $1', [course.id]);
      const snapshot = {
        course: {
          id: course.id,
          titleVi: course.titleVi,
          titleEn: course.titleEn,
          summaryVi: course.summaryVi,
          summaryEn: course.summaryEn,
          audiences: course.audiences,
          gradeMin: course.gradeMin,
          gradeMax: course.gradeMax,
          estimatedMinutes: course.estimatedMinutes,
          coverAssetId: course.coverAssetId,
          ownerUnitId: course.ownerUnitId,
          licence: course.licence,
        },
        sections,
      };
      const revision = await em.getRepository(CourseRevision).save(em.getRepository(CourseRevision).create({ courseId: course.id, number: next, snapshot, publishedBy: principal.userId }));
      const now = new Date();
      await em.getRepository(Course).update({ id: course.id }, { status: 'published', publishedRevisionId: revision.id, publishedAt: now });
      const lessons = sections.flatMap((s) => s.lessons);
      const tags = lessons.flatMap((l) => l.competencies);
      const searchText = foldVietnamese([course.titleVi, course.summaryVi, course.titleEn ?? '', course.summaryEn ?? '', ...lessons.map((l) => l.titleVi)].join(' '));
      await em.query(
        `INSERT INTO course_catalog_entry (course_id, revision_id, title_vi, title_en, summary_vi, summary_en, audiences, grade_min, grade_max, estimated_minutes,
                                           cover_asset_id, owner_unit_id, owner_unit_path, competency_codes, competency_levels, lesson_count, asset_ids, search_text, search, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, (SELECT path FROM org_unit WHERE id = $12), $13, $14, $15, $18, $16, to_tsvector('simple', $16), $17)
         ON CONFLICT (course_id) DO UPDATE SET revision_id = EXCLUDED.revision_id, title_vi = EXCLUDED.title_vi, title_en = EXCLUDED.title_en,
           summary_vi = EXCLUDED.summary_vi, summary_en = EXCLUDED.summary_en, audiences = EXCLUDED.audiences, grade_min = EXCLUDED.grade_min,
           grade_max = EXCLUDED.grade_max, estimated_minutes = EXCLUDED.estimated_minutes, cover_asset_id = EXCLUDED.cover_asset_id,
           owner_unit_id = EXCLUDED.owner_unit_id, owner_unit_path = EXCLUDED.owner_unit_path, competency_codes = EXCLUDED.competency_codes,
           competency_levels = EXCLUDED.competency_levels, lesson_count = EXCLUDED.lesson_count, asset_ids = EXCLUDED.asset_ids, search_text = EXCLUDED.search_text,
           search = EXCLUDED.search, published_at = EXCLUDED.published_at`,
        [
          course.id,
          revision.id,
          course.titleVi,
          course.titleEn,
          course.summaryVi,
          course.summaryEn,
          course.audiences,
          course.gradeMin,
          course.gradeMax,
          course.estimatedMinutes,
          course.coverAssetId,
          course.ownerUnitId,
          [...new Set(tags.map((t) => t.code))],
          [...new Set(tags.map((t) => `${t.code}:${t.level}`))],
          lessons.length,
          searchText,
          now,
          assetsOf(course.coverAssetId, lessons),
        ],
      );
    });
    this.catalog.invalidate();
    await this.identity.audit({ action: 'course.published', userId: principal.userId, details: { courseId: course.id } });
    return this.outline(principal, course.id);
  }

  /** Takes the course out of the catalogue; its revisions (and learners' history) stay. */
  async archive(principal: Principal, courseId: string): Promise<Outline> {
    const { course } = await this.load(principal, courseId, 'review');
    if (course.status === 'archived') throw new CourseWorkflowException(course.status, 'archive');
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(Course).update({ id: course.id }, { status: 'archived' });
      await em.query('DELETE FROM course_catalog_entry WHERE course_id = $1', [course.id]);
    });
    this.catalog.invalidate();
    await this.identity.audit({ action: 'course.archived', userId: principal.userId, details: { courseId: course.id } });
    return this.outline(principal, course.id);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** The course and what the caller may do with it; 404 when they may not even see it. */
  async load(principal: Principal, courseId: string, need: 'view' | 'edit' | 'review'): Promise<{ course: Course; can: Outline['can'] }> {
    if (!UUID.test(courseId)) throw new CourseNotFoundException();
    const course = await this.dataSource.getRepository(Course).findOneBy({ id: courseId });
    if (!course) throw new CourseNotFoundException();
    const [collab] = await this.dataSource.query<Array<{ role: CollaboratorRole }>>('SELECT role FROM course_collaborator WHERE course_id = $1 AND user_id = $2', [course.id, principal.userId]);
    const reviewsUnit = course.ownerUnitId
      ? await this.access.unitInReach(principal, 'course.review', course.ownerUnitId)
      : (await this.access.reach(principal, 'course.review')).everywhere;
    const can = { edit: reviewsUnit || collab?.role === 'owner' || collab?.role === 'editor', review: reviewsUnit || collab?.role === 'reviewer' };
    const sees = can.edit || can.review || !!collab;
    if (!sees) throw new CourseNotFoundException();
    if (need === 'edit' && !can.edit) throw commonError('FORBIDDEN');
    if (need === 'review' && !can.review) throw commonError('FORBIDDEN');
    if (need === 'edit' && course.status === 'archived') throw new CourseWorkflowException(course.status, 'edit');
    return { course, can };
  }

  private async sectionsOf(em: EntityManager, courseId: string): Promise<Outline['sections']> {
    const sections = await em.getRepository(CourseSection).find({ where: { courseId }, order: { position: 'ASC' } });
    const lessons = await em.getRepository(Lesson).find({ where: { courseId }, order: { position: 'ASC' } });
    return sections.map((s) => ({
      id: s.id,
      titleVi: s.titleVi,
      titleEn: s.titleEn,
      lessons: lessons
        .filter((l) => l.sectionId === s.id)
        .map((l) => ({ id: l.id, kind: l.kind, titleVi: l.titleVi, titleEn: l.titleEn, required: l.required, estimatedMinutes: l.estimatedMinutes, content: l.content, bodyHtml: l.bodyHtml, competencies: l.competencies })),
    }));
  }

  private async section(courseId: string, sectionId: string): Promise<CourseSection> {
    if (!UUID.test(sectionId)) throw new CourseItemNotFoundException('section');
    const section = await this.dataSource.getRepository(CourseSection).findOneBy({ id: sectionId, courseId });
    if (!section) throw new CourseItemNotFoundException('section');
    return section;
  }

  private async lesson(courseId: string, lessonId: string): Promise<Lesson> {
    if (!UUID.test(lessonId)) throw new CourseItemNotFoundException('lesson');
    const lesson = await this.dataSource.getRepository(Lesson).findOneBy({ id: lessonId, courseId });
    if (!lesson) throw new CourseItemNotFoundException('lesson');
    return lesson;
  }

  private async checkLesson(principal: Principal, kind: LessonKind, content: Record<string, unknown> | undefined, competencies: CompetencyTagValue[]): Promise<{ content: Record<string, unknown>; bodyHtml: string | null }> {
    const checked = lessonContent(kind, content);
    const problems = [...('problems' in checked ? checked.problems : []), ...competencyProblems(competencies)];
    this.assertValid(problems);
    const valid = checked as { content: Record<string, unknown>; bodyHtml: string | null };
    await this.assertAssets(principal, assetsOf(null, [valid]), PURPOSES_OF_KIND[kind] ?? []);
    return valid;
  }

  /**
   * A course may use only files the author may see (their own uploads, or ones already in courses
   * they work on), of a purpose that fits, that did not fail: otherwise publishing would open
   * someone else's file to every learner.
   */
  private async assertAssets(principal: Principal, ids: string[], purposes: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.dataSource.query<Array<{ id: string; purpose: string; status: string }>>('SELECT id, purpose, status FROM media_asset WHERE id = ANY($1::uuid[])', [ids]);
    const viewable = await this.media.viewableIds(principal, ids);
    const problems: Reason[] = [];
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row || !viewable.has(id)) problems.push({ vi: `không tìm thấy tệp ${id}`, en: `file ${id} was not found` });
      else if (!purposes.includes(row.purpose)) problems.push({ vi: `tệp ${row.purpose} không dùng được cho loại bài học này`, en: `a ${row.purpose} file does not fit this kind of lesson` });
      else if (row.status === 'failed') problems.push({ vi: 'tệp đã xử lý lỗi, cần tải lên lại', en: 'the file failed processing; upload it again' });
    }
    this.assertValid(problems);
  }

  private assertValid(problems: Reason[]): void {
    if (problems.length > 0) throw new CourseInvalidException(problems);
  }

  private assertPermutation(existing: string[], given: string[], reason: Reason): void {
    if (given.length !== existing.length || new Set(given).size !== given.length || !existing.every((id) => given.includes(id))) throw new CourseInvalidException([reason]);
  }

  /** Inside the transaction of a change: refuses (and so rolls back) a change that leaves no owner. */
  private async assertHasOwner(em: EntityManager, courseId: string): Promise<void> {
    const [{ owners }] = await em.query<Array<{ owners: string }>>("SELECT count(*) AS owners FROM course_collaborator WHERE course_id = $1 AND role = 'owner'", [courseId]);
    if (Number(owners) === 0) throw new CourseInvalidException([{ vi: 'khoá học cần ít nhất một chủ sở hữu', en: 'a course needs at least one owner' }]);
  }

  /** An edit of a published or in-review course makes the working copy a draft again (the published revision stays live). */
  private editedStatus(course: Course): Partial<Course> {
    return course.status === 'published' || course.status === 'in_review' ? { status: 'draft' } : {};
  }

  private async touch(em: EntityManager, course: Course): Promise<void> {
    await em.getRepository(Course).update({ id: course.id }, { ...this.editedStatus(course), updatedAt: new Date() });
  }

  private async renumber(em: EntityManager, table: 'course_section' | 'lesson', column: 'course_id' | 'section_id', id: string): Promise<void> {
    await em.query(
      `UPDATE ${table} t SET position = r.n FROM (SELECT id, row_number() OVER (ORDER BY position) AS n FROM ${table} WHERE ${column} = $1) r WHERE t.id = r.id`,
      [id],
    );
  }
}
