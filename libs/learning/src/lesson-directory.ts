import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CompetencyTagValue, CatalogService, type LessonKind, type OutlineLesson } from '@lms/courses';
import type { DataSource } from 'typeorm';

/** One lesson of a published course, with what its progress rule measures against. */
export interface LessonInfo {
  id: string;
  courseId: string;
  sectionId: string;
  kind: LessonKind;
  titleVi: string;
  titleEn: string | null;
  required: boolean;
  competencies: CompetencyTagValue[];
  assetId: string | null;
  /** Whole seconds of a video or audio (null until processing found it). */
  durationSeconds: number | null;
  /** Pages of slides (null until processing counted them), images of a gallery, 1 for a file. */
  pageCount: number | null;
  /** Reading time of a text lesson. */
  readingSeconds: number | null;
  /** Pass mark of a quiz, in percent. */
  passPercent: number;
}

export interface CourseInfo {
  courseId: string;
  revisionId: string;
  revision: number;
  titleVi: string;
  titleEn: string | null;
  audiences: string[];
  gradeMin: number | null;
  gradeMax: number | null;
  coverAssetId: string | null;
  lessons: LessonInfo[];
}

const WORDS_PER_MINUTE = 200;
const MIN_READING_SECONDS = 30;
const DEFAULT_PASS_PERCENT = 80;
/** How long the published list is trusted before it is compared again (publishes in other replicas). */
const FRESH_MS = 10_000;
/** An unknown lesson id triggers at most one comparison per this interval (random ids cost little). */
const MISS_RECHECK_MS = 1_000;

/** A lesson as publishing wrote it into the revision's snapshot (older snapshots may lack competencies). */
type SnapshotLesson = Omit<OutlineLesson, 'competencies'> & { competencies: CompetencyTagValue[] | null };

interface Snapshot {
  course: { titleVi: string; titleEn?: string | null; audiences?: string[]; gradeMin?: number | null; gradeMax?: number | null; coverAssetId?: string | null };
  sections: Array<{ id: string; lessons: SnapshotLesson[] }>;
}

/** Reading time of a text lesson: its estimate, else its words at 200 a minute, at least 30 s. */
export function readingSecondsOf(estimatedMinutes: number | null, bodyHtml: string | null): number {
  if (estimatedMinutes && estimatedMinutes > 0) return estimatedMinutes * 60;
  const words = (bodyHtml ?? '').replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean).length;
  return Math.max(MIN_READING_SECONDS, Math.ceil((words / WORDS_PER_MINUTE) * 60));
}

/**
 * Every lesson of every published course, in memory: the heartbeat looks a lesson up on each event,
 * so this is a map read, not a query. Built from the catalogue's live revisions (the same source
 * learners open lessons from) and the media's durations and page counts; compared with the
 * catalogue every 10 s and at once after a publish or archive in this process, reloading only the
 * courses whose revision changed.
 */
@Injectable()
export class LessonDirectory implements OnModuleInit {
  private courses = new Map<string, CourseInfo>();
  private lessons = new Map<string, LessonInfo>();
  private checkedAt = 0;
  private missCheckedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  onModuleInit(): void {
    this.catalog.onInvalidate(() => {
      this.checkedAt = 0;
    });
  }

  /** A published lesson, or undefined (unknown, or its course is not published). */
  async lesson(lessonId: string): Promise<LessonInfo | undefined> {
    await this.fresh();
    let found = this.lessons.get(lessonId);
    if (!found && Date.now() - this.missCheckedAt > MISS_RECHECK_MS) {
      this.missCheckedAt = Date.now();
      this.checkedAt = 0;
      await this.fresh();
      found = this.lessons.get(lessonId);
    }
    if (found && found.assetId && ((found.kind === 'video' || found.kind === 'audio') ? found.durationSeconds === null : found.kind === 'slides' && found.pageCount === null)) {
      await this.reloadMedia(found);
    }
    return found;
  }

  async course(courseId: string): Promise<CourseInfo | undefined> {
    await this.fresh();
    return this.courses.get(courseId);
  }

  async all(): Promise<CourseInfo[]> {
    await this.fresh();
    return [...this.courses.values()];
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt < FRESH_MS) return;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
  }

  private async refresh(): Promise<void> {
    const started = Date.now();
    const live = await this.dataSource.query<Array<{ courseId: string; revisionId: string }>>('SELECT course_id AS "courseId", revision_id AS "revisionId" FROM course_catalog_entry');
    const changed = live.filter((row) => this.courses.get(row.courseId)?.revisionId !== row.revisionId).map((row) => row.revisionId);
    const next = new Map<string, CourseInfo>();
    const liveIds = new Set(live.map((row) => row.courseId));
    for (const [id, info] of this.courses) if (liveIds.has(id) && !changed.includes(info.revisionId)) next.set(id, info);
    for (let i = 0; i < changed.length; i += 500) {
      const rows = await this.dataSource.query<Array<{ courseId: string; revisionId: string; number: number; snapshot: Snapshot }>>(
        'SELECT course_id AS "courseId", id AS "revisionId", number, snapshot FROM course_revision WHERE id = ANY($1::uuid[])',
        [changed.slice(i, i + 500)],
      );
      const assetIds = rows.flatMap((r) => r.snapshot.sections.flatMap((s) => s.lessons.map((l) => (typeof l.content?.assetId === 'string' ? l.content.assetId : null)))).filter((id): id is string => id !== null);
      const media = await this.mediaOf(assetIds);
      for (const row of rows) next.set(row.courseId, this.courseOf(row, media));
    }
    this.courses = next;
    const lessons = new Map<string, LessonInfo>();
    for (const course of next.values()) for (const lesson of course.lessons) lessons.set(lesson.id, lesson);
    this.lessons = lessons;
    this.checkedAt = started;
  }

  private async mediaOf(assetIds: string[]): Promise<Map<string, { duration: number | null; pages: number | null }>> {
    const media = new Map<string, { duration: number | null; pages: number | null }>();
    if (assetIds.length === 0) return media;
    const rows = await this.dataSource.query<Array<{ id: string; duration: string | null; pages: string | null }>>(
      `SELECT id, derived->>'durationSeconds' AS duration, derived->>'pageCount' AS pages FROM media_asset WHERE id = ANY($1::uuid[]) AND status = 'ready'`,
      [assetIds],
    );
    for (const row of rows) media.set(row.id, { duration: row.duration === null ? null : Math.max(1, Math.floor(Number(row.duration))), pages: row.pages === null ? null : Number(row.pages) });
    return media;
  }

  /** Media still processing when the course was published: look again (cheap, one row). */
  private async reloadMedia(lesson: LessonInfo): Promise<void> {
    const media = (await this.mediaOf([lesson.assetId as string])).get(lesson.assetId as string);
    if (!media) return;
    lesson.durationSeconds = media.duration;
    if (lesson.kind === 'slides') lesson.pageCount = media.pages;
  }

  private courseOf(row: { courseId: string; revisionId: string; number: number; snapshot: Snapshot }, media: Map<string, { duration: number | null; pages: number | null }>): CourseInfo {
    const { course, sections } = row.snapshot;
    const lessons: LessonInfo[] = sections.flatMap((section) =>
      section.lessons.map((l) => {
        const assetId = typeof l.content?.assetId === 'string' ? l.content.assetId : null;
        const m = assetId ? media.get(assetId) : undefined;
        const gallery = Array.isArray(l.content?.assetIds) ? l.content.assetIds.length : 0;
        const pass = Number(l.content?.passPercent);
        return {
          id: l.id,
          courseId: row.courseId,
          sectionId: section.id,
          kind: l.kind,
          titleVi: l.titleVi,
          titleEn: l.titleEn ?? null,
          required: l.required !== false,
          competencies: l.competencies ?? [],
          assetId,
          durationSeconds: l.kind === 'video' || l.kind === 'audio' ? (m?.duration ?? null) : null,
          pageCount: l.kind === 'slides' ? (m?.pages ?? null) : l.kind === 'gallery' ? gallery : l.kind === 'file' ? 1 : null,
          readingSeconds: l.kind === 'text' ? readingSecondsOf(l.estimatedMinutes, l.bodyHtml) : null,
          passPercent: Number.isFinite(pass) && pass > 0 && pass <= 100 ? pass : DEFAULT_PASS_PERCENT,
        };
      }),
    );
    return {
      courseId: row.courseId,
      revisionId: row.revisionId,
      revision: row.number,
      titleVi: course.titleVi,
      titleEn: course.titleEn ?? null,
      audiences: course.audiences ?? [],
      gradeMin: course.gradeMin ?? null,
      gradeMax: course.gradeMax ?? null,
      coverAssetId: course.coverAssetId ?? null,
      lessons,
    };
  }

  /** What a lesson's progress is measured against (the `target` of lesson_progress). */
  static targetOf(lesson: LessonInfo): number | null {
    switch (lesson.kind) {
      case 'video':
      case 'audio':
        return lesson.durationSeconds;
      case 'slides':
      case 'gallery':
      case 'file':
        return lesson.pageCount;
      case 'text':
        return lesson.readingSeconds;
      default:
        return null;
    }
  }
}
