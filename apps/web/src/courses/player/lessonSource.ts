import { api } from '../../api/client';
import { call, type Outcome } from '../../api/call';
import type { LessonKind } from '../model';

/** What the player needs of a lesson, whichever endpoint it came from. */
export type PlayableLesson = {
  id: string;
  kind: LessonKind;
  titleVi: string;
  titleEn: string | null;
  estimatedMinutes: number | null;
  /** By kind: { assetId } | { markdown } | { assetIds } | { url, provider?, instructions? } | {}. */
  content: Record<string, unknown>;
  /** The api's sanitised HTML: a text lesson's body, an external lesson's instructions. */
  bodyHtml: string | null;
};

export type LessonRef = { id: string; titleVi: string; titleEn: string | null };

export type PlayerData = {
  course: { id: string; titleVi: string; titleEn: string | null };
  section: { titleVi: string; titleEn: string | null; number: number };
  lesson: PlayableLesson;
  previous: LessonRef | null;
  next: LessonRef | null;
  /** Where "back" goes: the editor for collaborators previewing; later the learner's course page. */
  backTo: 'editor' | 'course';
};

/**
 * Loads a lesson for the player: a published lesson as learners open it (GET
 * /catalog/courses/{courseId}/lessons/{lessonId}, with the published outline for the neighbours'
 * titles); for a course not published (or not this lesson yet), the authoring outline its
 * collaborators preview (GET /courses/{courseId}). `preview` asks for the working copy first.
 */
export async function loadLesson(courseId: string, lessonId: string, preview = false): Promise<Outcome<PlayerData>> {
  if (!preview) {
    const published = await loadPublished(courseId, lessonId);
    if (published.ok || published.status !== 404) return published;
  }
  return loadFromOutline(courseId, lessonId);
}

async function loadPublished(courseId: string, lessonId: string): Promise<Outcome<PlayerData>> {
  const [opened, outline] = await Promise.all([
    call(api.GET('/api/v1/catalog/courses/{courseId}/lessons/{lessonId}', { params: { path: { courseId, lessonId } } })),
    call(api.GET('/api/v1/catalog/courses/{courseId}', { params: { path: { courseId } } })),
  ]);
  if (!opened.ok) return opened;
  if (!outline.ok) return outline;
  const order = outline.data.sections.flatMap((section, index) => section.lessons.map((lesson) => ({ section, number: index + 1, lesson })));
  const titleOf = (id: string | null): LessonRef | null => {
    const entry = id ? order.find((e) => e.lesson.id === id) : undefined;
    return entry ? { id: entry.lesson.id, titleVi: entry.lesson.titleVi, titleEn: entry.lesson.titleEn } : null;
  };
  const here = order.find((e) => e.lesson.id === lessonId);
  const l = opened.data.lesson;
  return {
    ok: true,
    data: {
      course: { id: courseId, titleVi: opened.data.courseTitleVi, titleEn: opened.data.courseTitleEn },
      section: { titleVi: opened.data.sectionTitleVi, titleEn: here?.section.titleEn ?? null, number: here?.number ?? 1 },
      lesson: { id: l.id, kind: l.kind, titleVi: l.titleVi, titleEn: l.titleEn, estimatedMinutes: l.estimatedMinutes, content: l.content, bodyHtml: l.bodyHtml },
      previous: titleOf(opened.data.previousLessonId),
      next: titleOf(opened.data.nextLessonId),
      backTo: 'course',
    },
  };
}

async function loadFromOutline(courseId: string, lessonId: string): Promise<Outcome<PlayerData>> {
  const outline = await call(api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } }));
  if (!outline.ok) return outline;
  const order = outline.data.sections.flatMap((section, index) => section.lessons.map((lesson) => ({ section, number: index + 1, lesson })));
  const at = order.findIndex((entry) => entry.lesson.id === lessonId);
  if (at === -1) return { ok: false, status: 404, code: 'COURSE_LESSON_NOT_FOUND', message: '', fields: [] };
  const { section, number, lesson } = order[at];
  const ref = (i: number): LessonRef | null => (i >= 0 && i < order.length ? { id: order[i].lesson.id, titleVi: order[i].lesson.titleVi, titleEn: order[i].lesson.titleEn } : null);
  return {
    ok: true,
    data: {
      course: { id: outline.data.course.id, titleVi: outline.data.course.titleVi, titleEn: outline.data.course.titleEn },
      section: { titleVi: section.titleVi, titleEn: section.titleEn, number },
      lesson: {
        id: lesson.id,
        kind: lesson.kind,
        titleVi: lesson.titleVi,
        titleEn: lesson.titleEn,
        estimatedMinutes: lesson.estimatedMinutes,
        content: lesson.content,
        bodyHtml: lesson.bodyHtml,
      },
      previous: ref(at - 1),
      next: ref(at + 1),
      backTo: 'editor',
    },
  };
}
