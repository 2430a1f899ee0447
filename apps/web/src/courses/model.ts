import type { TFunction } from 'i18next';
import type { components } from '../api/schema';
import type { Language } from '../i18n';

export type Outline = components['schemas']['OutlineDto'];
export type Course = components['schemas']['CourseDto'];
export type OutlineSection = components['schemas']['OutlineSectionDto'];
export type OutlineLesson = components['schemas']['OutlineLessonDto'];
export type CatalogItem = components['schemas']['CatalogItemDto'];
export type PublishedCourse = components['schemas']['PublishedCourseDto'];
export type PublishedLesson = components['schemas']['PublishedLessonDto'];
export type CompetencyTag = components['schemas']['CompetencyTagDto'];
export type Framework = components['schemas']['FrameworkDto'];
export type FrameworkLevel = components['schemas']['LevelDto'];
export type CompetencyDetail = components['schemas']['CompetencyDetailDto'];
export type Collaborator = components['schemas']['CollaboratorViewDto'];
export type CollaboratorRole = Collaborator['role'];
export type MediaAsset = components['schemas']['MediaAssetDto'];
export type MediaPurpose = MediaAsset['purpose'];

export type LessonKind = OutlineLesson['kind'];
export type Audience = Course['audiences'][number];
export type CourseStatus = Course['status'];
export type WorkflowAction = 'submit' | 'publish' | 'return' | 'archive';

export const LESSON_KINDS: readonly LessonKind[] = ['text', 'video', 'audio', 'slides', 'gallery', 'file', 'external', 'quiz'];
export const AUDIENCES: readonly Audience[] = ['student', 'parent', 'teacher', 'staff', 'community'];
export const COLLABORATOR_ROLES: readonly CollaboratorRole[] = ['owner', 'editor', 'reviewer'];
export const GRADES: readonly number[] = Array.from({ length: 12 }, (_, i) => i + 1);

/** The lesson kinds whose content is one uploaded file, and what the upload is for. */
export const FILE_PURPOSE: Partial<Record<LessonKind, MediaPurpose>> = { video: 'video', audio: 'audio', slides: 'slides', file: 'file' };

export function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/** A title in the reader's language: the English one when reading English and there is one. */
export function titleOf(item: { titleVi: string; titleEn: string | null }, language: Language): string {
  return language === 'en' && item.titleEn ? item.titleEn : item.titleVi;
}

export function summaryOf(item: { summaryVi: string; summaryEn: string | null }, language: Language): string {
  return language === 'en' && item.summaryEn ? item.summaryEn : item.summaryVi;
}

/** "Lớp 3–5", "Từ lớp 6", "Mọi lớp". */
export function gradesText(gradeMin: number | null, gradeMax: number | null, t: TFunction): string {
  if (gradeMin !== null && gradeMax !== null) return gradeMin === gradeMax ? t('courseFacts.gradeOne', { grade: gradeMin }) : t('courseFacts.gradeRange', { min: gradeMin, max: gradeMax });
  if (gradeMin !== null) return t('courseFacts.gradeFrom', { grade: gradeMin });
  if (gradeMax !== null) return t('courseFacts.gradeTo', { grade: gradeMax });
  return t('courseFacts.allGrades');
}

/** "1:05", "1:02:03": a position in a video or a recording. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** "3,2 MB" (Vietnamese decimal comma) or "3.2 MB". */
export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** What the workflow offers now, by the course's status and what the caller may do (the api decides). */
export function workflowActions(status: CourseStatus, can: { edit: boolean; review: boolean }): WorkflowAction[] {
  const actions: WorkflowAction[] = [];
  if (status === 'draft' && can.edit) actions.push('submit');
  if ((status === 'draft' || status === 'in_review') && can.review) actions.push('publish');
  if (status === 'in_review' && can.review) actions.push('return');
  if (status !== 'archived' && can.review) actions.push('archive');
  return actions;
}

/** The address of a file of a media asset (the api answers with a redirect to a short-lived URL). */
export function mediaFileUrl(assetId: string, variant?: string): string {
  const base = `/api/v1/media/${encodeURIComponent(assetId)}/file`;
  return variant ? `${base}?variant=${encodeURIComponent(variant)}` : base;
}

export function hlsMasterUrl(assetId: string): string {
  return `/api/v1/media/${encodeURIComponent(assetId)}/hls/master.m3u8`;
}

/** The asset ids a lesson's content refers to. */
export function lessonAssetIds(kind: LessonKind, content: Record<string, unknown>): string[] {
  if (kind === 'gallery') return Array.isArray(content.assetIds) ? content.assetIds.filter((id): id is string => typeof id === 'string') : [];
  if (FILE_PURPOSE[kind]) return typeof content.assetId === 'string' ? [content.assetId] : [];
  return [];
}

export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const STORAGE_OBJECTS_PATH = '/api/v1/storage/objects/';

/**
 * A URL signed by the filesystem storage driver is a route of this very api, written with the host
 * the api was configured with (PUBLIC_URL). Reached under another name (a school's LAN address,
 * 127.0.0.1 rather than localhost), it would be another origin: refused without CORS, and its ETag
 * unreadable. The signature covers the path and the query only, so such a URL is sent to the origin
 * the app was loaded from. Other URLs (S3 presigned ones) are left as they are.
 */
export function toAppOrigin(url: string): string {
  try {
    const parsed = new URL(url, window.location.href);
    if (parsed.origin !== window.location.origin && parsed.pathname.startsWith(STORAGE_OBJECTS_PATH)) return `${parsed.pathname}${parsed.search}`;
  } catch {
    // not a URL: left alone
  }
  return url;
}

/**
 * The api's sanitised lesson HTML with its headings moved `by` levels down (h1 → h2 …, at most h6),
 * so a lesson's "# Title" sits under the page's own h1 rather than beside it. Only tag names change:
 * the HTML is parsed in an inert <template> (nothing in it runs or loads) and written back.
 */
export function demoteHeadings(html: string, by: number): string {
  if (by <= 0 || !/<h[1-6][\s>]/i.test(html)) return html;
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const heading of [...template.content.querySelectorAll('h1, h2, h3, h4, h5, h6')].reverse()) {
    const level = Math.min(6, Number(heading.tagName.slice(1)) + by);
    const replacement = document.createElement(`h${level}`);
    for (const attribute of [...heading.attributes]) replacement.setAttribute(attribute.name, attribute.value);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
  return template.innerHTML;
}
