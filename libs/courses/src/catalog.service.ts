import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { foldVietnamese } from '@lms/core';
import type { DataSource } from 'typeorm';
import type { Audience, CompetencyTagValue, LessonKind } from './course.entity';
import { CourseItemNotFoundException, CourseNotFoundException } from './courses.exceptions';

export interface CatalogQuery {
  q?: string;
  audience?: Audience;
  grade?: number;
  competency?: string;
  level?: number;
  /** Courses owned by this unit or any unit beneath it. */
  unitId?: string;
  page: number;
  pageSize: number;
}

export interface CatalogItem {
  id: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string;
  summaryEn: string | null;
  audiences: string[];
  gradeMin: number | null;
  gradeMax: number | null;
  estimatedMinutes: number | null;
  coverAssetId: string | null;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  competencyCodes: string[];
  lessonCount: number;
  publishedAt: string;
}

export interface PublishedCourse extends CatalogItem {
  revision: number;
  licence: string;
  sections: Array<{ id: string; titleVi: string; titleEn: string | null; lessons: Array<{ id: string; kind: LessonKind; titleVi: string; titleEn: string | null; required: boolean; estimatedMinutes: number | null; competencies: CompetencyTagValue[] }> }>;
}

export const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 2000;
export interface PublishedLesson {
  courseId: string;
  courseTitleVi: string;
  courseTitleEn: string | null;
  revision: number;
  sectionId: string;
  sectionTitleVi: string;
  lesson: { id: string; kind: LessonKind; titleVi: string; titleEn: string | null; required: boolean; estimatedMinutes: number | null; content: Record<string, unknown>; bodyHtml: string | null; competencies: CompetencyTagValue[] };
  previousLessonId: string | null;
  nextLessonId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Words of a query as a prefix tsquery over the folded text: "an toan thong" → 'an':* & 'toan':* & 'thong':*. */
export function catalogTsQuery(q: string): string | null {
  const words = foldVietnamese(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `'${w.replace(/'/g, "''")}':*`).join(' & ');
}

/**
 * The catalogue of published courses: one indexed query over `course_catalog_entry` (written from
 * the published revision), full-text over the folded titles and summaries — so "an toan thong tin"
 * finds "An toàn thông tin" — with filters by audience, grade, competency (at a level), owning
 * unit subtree, and paging. Public: anyone may browse what is published.
 */
@Injectable()
export class CatalogService {
  /**
   * Answers by query, kept `CACHE_TTL_MS` (the catalogue changes when a course is published or
   * archived, rarely; on a campaign day very many people run the same few searches). Publishing
   * or archiving in this process clears it at once; other replicas catch up within the TTL.
   */
  private readonly cache = new Map<string, { at: number; value: Promise<{ items: CatalogItem[]; total: number }> }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialised answers by request URL, served before Nest's pipeline (see the api's catalogue cache hook). */
  private readonly bodies = new Map<string, { at: number; body: string }>();

  private readonly listeners: Array<() => void> = [];

  /** Forgets every cached answer (after a publish or an archive) and tells whoever listens. */
  invalidate(): void {
    this.cache.clear();
    this.bodies.clear();
    for (const listener of this.listeners) listener();
  }

  /** Called after every publish or archive in this process (the learning lib's lesson directory). */
  onInvalidate(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** A fresh serialised answer for exactly this URL, if there is one. */
  cachedBody(url: string): string | null {
    const hit = this.bodies.get(url);
    return hit && Date.now() - hit.at < CACHE_TTL_MS ? hit.body : null;
  }

  rememberBody(url: string, body: string): void {
    if (this.bodies.size >= CACHE_MAX_ENTRIES) this.bodies.delete(this.bodies.keys().next().value as string);
    this.bodies.set(url, { at: Date.now(), body });
  }

  search(query: CatalogQuery): Promise<{ items: CatalogItem[]; total: number }> {
    const key = JSON.stringify([query.q ? foldVietnamese(query.q).trim() : '', query.audience, query.grade, query.competency, query.level, query.unitId, query.page, query.pageSize]);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_TTL_MS) return hit.value;
    const value = this.searchNow(query);
    // Failures are not cached.
    value.catch(() => this.cache.delete(key));
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { at: now, value });
    return value;
  }

  private async searchNow(query: CatalogQuery): Promise<{ items: CatalogItem[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const tsquery = query.q ? catalogTsQuery(query.q) : null;
    let rank = 'e.published_at DESC';
    if (tsquery) {
      const i = params.push(tsquery);
      where.push(`e.search @@ to_tsquery('simple', $${i})`);
      rank = `ts_rank(e.search, to_tsquery('simple', $${i})) DESC, e.published_at DESC`;
    }
    if (query.audience) where.push(`e.audiences @> ARRAY[$${params.push(query.audience)}]::varchar[]`);
    if (query.grade !== undefined) {
      const g = params.push(query.grade);
      where.push(`(e.grade_min IS NULL OR e.grade_min <= $${g}) AND (e.grade_max IS NULL OR e.grade_max >= $${g})`);
    }
    if (query.competency && query.level !== undefined) where.push(`e.competency_levels @> ARRAY[$${params.push(`${query.competency}:${query.level}`)}]::varchar[]`);
    else if (query.competency) where.push(`e.competency_codes @> ARRAY[$${params.push(query.competency)}]::varchar[]`);
    else if (query.level !== undefined) where.push(`EXISTS (SELECT 1 FROM unnest(e.competency_levels) AS cl WHERE cl LIKE $${params.push(`%:${query.level}`)})`);
    if (query.unitId) {
      if (!UUID.test(query.unitId)) return { items: [], total: 0 };
      where.push(`e.owner_unit_path LIKE (SELECT path FROM org_unit WHERE id = $${params.push(query.unitId)}) || '%'`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = params.push(query.pageSize);
    const offset = params.push((query.page - 1) * query.pageSize);
    const rows = await this.dataSource.query<Array<CatalogItem & { total: string }>>(
      `SELECT e.course_id AS id, e.title_vi AS "titleVi", e.title_en AS "titleEn", e.summary_vi AS "summaryVi", e.summary_en AS "summaryEn",
              e.audiences, e.grade_min AS "gradeMin", e.grade_max AS "gradeMax", e.estimated_minutes AS "estimatedMinutes",
              e.cover_asset_id AS "coverAssetId", e.owner_unit_id AS "ownerUnitId", u.name AS "ownerUnitName",
              e.competency_codes AS "competencyCodes", e.lesson_count AS "lessonCount", e.published_at AS "publishedAt",
              count(*) OVER () AS total
         FROM course_catalog_entry e LEFT JOIN org_unit u ON u.id = e.owner_unit_id
         ${whereSql}
         ORDER BY ${rank}, e.course_id
         LIMIT $${limit} OFFSET $${offset}`,
      params,
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && query.page > 1) {
      const [row] = await this.dataSource.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM course_catalog_entry e ${whereSql}`, params.slice(0, -2));
      total = Number(row.n);
    }
    return { items: rows.map(({ total: _t, ...item }) => ({ ...item, publishedAt: new Date(item.publishedAt).toISOString() })), total };
  }

  /** A published course as learners see it before enrolling: the outline of its live revision (no lesson bodies). */
  async published(courseId: string): Promise<PublishedCourse> {
    if (!UUID.test(courseId)) throw new CourseNotFoundException();
    const [row] = await this.dataSource.query<Array<{ snapshot: { course: { licence: string }; sections: PublishedCourse['sections'] }; number: number }>>(
      `SELECT r.snapshot, r.number FROM course_catalog_entry e JOIN course_revision r ON r.id = e.revision_id WHERE e.course_id = $1`,
      [courseId],
    );
    if (!row) throw new CourseNotFoundException();
    const { items } = await this.searchOne(courseId);
    return {
      ...items,
      revision: row.number,
      licence: row.snapshot.course.licence,
      sections: row.snapshot.sections.map((s) => ({
        id: s.id,
        titleVi: s.titleVi,
        titleEn: s.titleEn,
        lessons: s.lessons.map((l) => ({ id: l.id, kind: l.kind, titleVi: l.titleVi, titleEn: l.titleEn, required: l.required, estimatedMinutes: l.estimatedMinutes, competencies: l.competencies })),
      })),
    };
  }

  /**
   * One lesson of a published course as a learner opens it: its content (asset ids, sanitised HTML,
   * link) from the live revision, with its neighbours for "previous / next".
   */
  async lesson(courseId: string, lessonId: string): Promise<PublishedLesson> {
    if (!UUID.test(courseId) || !UUID.test(lessonId)) throw new CourseNotFoundException();
    const [row] = await this.dataSource.query<Array<{ snapshot: { course: { titleVi: string; titleEn: string | null }; sections: Array<{ id: string; titleVi: string; lessons: Array<PublishedLesson['lesson']> }> }; number: number }>>(
      `SELECT r.snapshot, r.number FROM course_catalog_entry e JOIN course_revision r ON r.id = e.revision_id WHERE e.course_id = $1`,
      [courseId],
    );
    if (!row) throw new CourseNotFoundException();
    const flat = row.snapshot.sections.flatMap((s) => s.lessons.map((l) => ({ section: s, lesson: l })));
    const at = flat.findIndex((x) => x.lesson.id === lessonId);
    if (at < 0) throw new CourseItemNotFoundException('lesson');
    const { section, lesson } = flat[at];
    return {
      courseId,
      courseTitleVi: row.snapshot.course.titleVi,
      courseTitleEn: row.snapshot.course.titleEn,
      revision: row.number,
      sectionId: section.id,
      sectionTitleVi: section.titleVi,
      lesson: { id: lesson.id, kind: lesson.kind, titleVi: lesson.titleVi, titleEn: lesson.titleEn, required: lesson.required, estimatedMinutes: lesson.estimatedMinutes, content: lesson.content, bodyHtml: lesson.bodyHtml, competencies: lesson.competencies },
      previousLessonId: at > 0 ? flat[at - 1].lesson.id : null,
      nextLessonId: at < flat.length - 1 ? flat[at + 1].lesson.id : null,
    };
  }

  private async searchOne(courseId: string): Promise<{ items: CatalogItem }> {
    const [item] = await this.dataSource.query<CatalogItem[]>(
      `SELECT e.course_id AS id, e.title_vi AS "titleVi", e.title_en AS "titleEn", e.summary_vi AS "summaryVi", e.summary_en AS "summaryEn",
              e.audiences, e.grade_min AS "gradeMin", e.grade_max AS "gradeMax", e.estimated_minutes AS "estimatedMinutes",
              e.cover_asset_id AS "coverAssetId", e.owner_unit_id AS "ownerUnitId", u.name AS "ownerUnitName",
              e.competency_codes AS "competencyCodes", e.lesson_count AS "lessonCount", e.published_at AS "publishedAt"
         FROM course_catalog_entry e LEFT JOIN org_unit u ON u.id = e.owner_unit_id WHERE e.course_id = $1`,
      [courseId],
    );
    if (!item) throw new CourseNotFoundException();
    return { items: { ...item, publishedAt: new Date(item.publishedAt).toISOString() } };
  }
}
