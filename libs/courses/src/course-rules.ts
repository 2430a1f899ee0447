import { competencyTagProblems } from '@lms/competency';
import type { CompetencyTagValue, LessonKind } from './course.entity';
import { renderMarkdown } from './markdown';

export type Reason = { vi: string; en: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_MARKDOWN = 200_000;

/**
 * A lesson's content, checked for its kind and reduced to the keys that kind uses; text lessons also
 * get their sanitised HTML. Returns the problems instead when there are any.
 */
export function lessonContent(kind: LessonKind, content: Record<string, unknown> | undefined): { content: Record<string, unknown>; bodyHtml: string | null } | { problems: Reason[] } {
  const c = content ?? {};
  switch (kind) {
    case 'video':
    case 'audio':
    case 'slides':
    case 'file': {
      if (typeof c.assetId !== 'string' || !UUID.test(c.assetId)) return { problems: [{ vi: 'bài học cần một tệp đã tải lên (assetId)', en: 'the lesson needs an uploaded file (assetId)' }] };
      return { content: { assetId: c.assetId }, bodyHtml: null };
    }
    case 'text': {
      if (typeof c.markdown !== 'string' || c.markdown.trim() === '') return { problems: [{ vi: 'bài đọc cần nội dung (markdown)', en: 'a text lesson needs its markdown' }] };
      if (c.markdown.length > MAX_MARKDOWN) return { problems: [{ vi: `nội dung dài quá ${MAX_MARKDOWN} ký tự`, en: `the text is over ${MAX_MARKDOWN} characters` }] };
      return { content: { markdown: c.markdown }, bodyHtml: renderMarkdown(c.markdown) };
    }
    case 'gallery': {
      const ids = c.assetIds;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 50 || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
        return { problems: [{ vi: 'bộ ảnh cần từ 1 đến 50 ảnh đã tải lên (assetIds)', en: 'a gallery needs 1 to 50 uploaded images (assetIds)' }] };
      }
      return { content: { assetIds: ids }, bodyHtml: null };
    }
    case 'external': {
      let url: URL | null;
      try {
        url = typeof c.url === 'string' ? new URL(c.url) : null;
      } catch {
        url = null;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return { problems: [{ vi: 'khoá học bên ngoài cần một địa chỉ http(s) hợp lệ (url)', en: 'an external course needs a valid http(s) url' }] };
      const provider = typeof c.provider === 'string' ? c.provider.trim().slice(0, 100) : null;
      const instructions = typeof c.instructions === 'string' ? c.instructions.trim().slice(0, 2000) : null;
      return { content: { url: url.toString(), provider, instructions }, bodyHtml: instructions ? renderMarkdown(instructions) : null };
    }
    case 'quiz':
      return { content: {}, bodyHtml: null };
    default: {
      const unknown: never = kind;
      return { problems: [{ vi: `loại bài học ${String(unknown)}`, en: `lesson kind ${String(unknown)}` }] };
    }
  }
}

export function competencyProblems(tags: CompetencyTagValue[]): Reason[] {
  return competencyTagProblems(tags);
}

export function gradeRangeProblems(gradeMin: number | null, gradeMax: number | null): Reason[] {
  if (gradeMin !== null && gradeMax !== null && gradeMin > gradeMax) return [{ vi: 'khối nhỏ nhất lớn hơn khối lớn nhất', en: 'gradeMin is above gradeMax' }];
  return [];
}

/** What a course must have before it can be published. */
export function publishProblems(outline: { titleVi: string; summaryVi: string; audiences: string[]; sections: Array<{ titleVi: string; lessons: unknown[] }> }): Reason[] {
  const problems: Reason[] = [];
  if (!outline.titleVi.trim()) problems.push({ vi: 'thiếu tên tiếng Việt', en: 'the Vietnamese title is missing' });
  if (!outline.summaryVi.trim()) problems.push({ vi: 'thiếu tóm tắt tiếng Việt', en: 'the Vietnamese summary is missing' });
  if (outline.audiences.length === 0) problems.push({ vi: 'chưa chọn đối tượng người học', en: 'no audience is chosen' });
  if (outline.sections.length === 0 || outline.sections.every((s) => s.lessons.length === 0)) problems.push({ vi: 'khoá học chưa có bài học nào', en: 'the course has no lesson' });
  for (const s of outline.sections) if (s.lessons.length === 0) problems.push({ vi: `chương "${s.titleVi}" chưa có bài học`, en: `section "${s.titleVi}" has no lesson` });
  return problems;
}
