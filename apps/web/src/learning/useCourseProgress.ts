import { useCallback, useEffect, useState } from 'react';
import { learningApi } from './api';
import { flushProgress, onProgressAnswer } from './progress';
import type { CourseProgress, LessonOutcome } from './types';

export type CourseProgressState =
  | { state: 'off' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; progress: CourseProgress; completedNow: boolean };

/** A lesson's row updated from a heartbeat answer. */
function withOutcome(progress: CourseProgress, outcome: LessonOutcome): CourseProgress {
  let changed = false;
  const lessons = progress.lessons.map((lesson) => {
    if (lesson.lessonId !== outcome.lessonId) return lesson;
    changed = true;
    return {
      ...lesson,
      percent: outcome.percent,
      status: outcome.completed ? ('completed' as const) : outcome.percent > 0 ? ('in_progress' as const) : lesson.status,
      completedAt: outcome.completedAt ?? lesson.completedAt,
    };
  });
  if (!changed) return progress;
  const required = lessons.filter((l) => l.required);
  const requiredDone = required.filter((l) => l.status === 'completed').length;
  return { ...progress, lessons, requiredDone, percent: required.length ? Math.max(progress.percent, Math.floor((requiredDone / required.length) * 100)) : progress.percent };
}

/**
 * The signed-in learner's progress in a course (GET /me/learning/courses/{courseId}), kept up to date
 * by the heartbeat's answers: a lesson turning complete, the course being completed.
 */
export function useCourseProgress(courseId: string, enabled: boolean): { current: CourseProgressState; reload(): void } {
  const [current, setCurrent] = useState<CourseProgressState>(enabled ? { state: 'loading' } : { state: 'off' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!enabled || !courseId) {
      setCurrent({ state: 'off' });
      return;
    }
    let live = true;
    setCurrent((now) => (now.state === 'ready' && now.progress.courseId === courseId ? now : { state: 'loading' }));
    // Events still on their way (the lesson just left) are counted first.
    void flushProgress()
      .then(() => learningApi.courseProgress(courseId))
      .then((result) => {
        if (!live) return;
        setCurrent(result.ok ? { state: 'ready', progress: result.data, completedNow: false } : { state: 'error', message: result.message });
      });
    return () => {
      live = false;
    };
  }, [courseId, enabled, round]);

  useEffect(() => {
    if (!enabled) return;
    return onProgressAnswer((answer) => {
      setCurrent((now) => {
        if (now.state !== 'ready') return now;
        let progress = now.progress;
        for (const outcome of answer.lessons) progress = withOutcome(progress, outcome);
        const completedNow = answer.completedCourses.includes(progress.courseId);
        if (completedNow && !progress.completedAt) progress = { ...progress, completedAt: new Date().toISOString(), percent: 100 };
        if (progress === now.progress && !completedNow) return now;
        return { state: 'ready', progress, completedNow: now.completedNow || completedNow };
      });
    });
  }, [enabled]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { current, reload };
}
