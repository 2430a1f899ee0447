import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LessonProgress, LessonStatus } from './types';

/** "Đã hoàn thành", "Đang học 40%", "Chưa học": a lesson's state in words (the colour only repeats them). */
export function LessonStatusBadge({ status, percent }: { status: LessonStatus; percent: number }) {
  const { t } = useTranslation();
  if (status === 'completed') return <span className="badge badge--done">✓ {t('learning.lesson.completed')}</span>;
  if (status === 'in_progress') return <span className="badge badge--progress">{t('learning.lesson.inProgress', { percent })}</span>;
  return <span className="badge badge--plain-state">{t('learning.lesson.notStarted')}</span>;
}

/**
 * The open lesson's state, a live region present from the start: the change to "Đã hoàn thành" is
 * announced when the heartbeat's answer says so.
 */
export function LessonStateLine({ progress, external = false }: { progress: LessonProgress | null; external?: boolean }) {
  const { t } = useTranslation();
  const status = progress?.status ?? 'not_started';
  return (
    <p role="status" className="lesson-state" data-testid="lesson-state" data-status={status}>
      {status === 'completed' ? (
        <span className="badge badge--done">✓ {t('learning.lesson.completed')}</span>
      ) : progress && progress.percent > 0 ? (
        <span className="badge badge--progress">{t('learning.lesson.inProgress', { percent: progress.percent })}</span>
      ) : (
        <span className="lesson-state__hint">{external ? t('learning.lesson.recordedExternal') : t('learning.lesson.recorded')}</span>
      )}
    </p>
  );
}

/** The course is complete: congratulations, and where to see it (a live region, filled when it happens). */
export function CourseCompleted({ done, courseTitle, justNow }: { done: boolean; courseTitle: string; justNow: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="course-complete-region" data-testid="course-completed">
      {done && (
        <div className="course-complete">
          <p className="course-complete__title">{justNow ? t('learning.courseDone.justNow', { course: courseTitle }) : t('learning.courseDone.already', { course: courseTitle })}</p>
          <p className="actions">
            <Link to="/hoc-tap" className="button button--secondary">
              {t('learning.courseDone.toDashboard')}
            </Link>
            <Link to="/nang-luc" className="button button--secondary">
              {t('learning.courseDone.toProfile')}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

/** A signed-in learner not enrolled: what they do is not recorded until they enrol on the course page. */
export function NotEnrolledNotice({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice not-enrolled" data-testid="not-enrolled">
      <p>{t('learning.lesson.notEnrolled')}</p>
      <p>
        <Link to={`/khoa-hoc/${courseId}`} className="button button--secondary">
          {t('learning.lesson.toEnrol')}
        </Link>
      </p>
    </div>
  );
}
