import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { KindIcon } from '../courses/KindIcon';
import { formatDate, formatClock, titleOf } from '../courses/model';
import { currentLanguage } from '../i18n';
import { DueLine, ProgressMeter } from './parts';
import type { DashboardCourse, LearningDashboard } from './types';

type Mode = 'self' | 'child';

function CourseCard({ course, mode }: { course: DashboardCourse; mode: Mode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = titleOf(course, language);
  const completed = course.completedAt !== null;
  return (
    <li className={`course-card learning-card${course.overdue && !completed ? ' learning-card--overdue' : ''}${completed ? ' learning-card--done' : ''}`} data-testid="learning-course" data-course-id={course.courseId}>
      <h3 className="course-card__title">
        <Link to={`/khoa-hoc/${course.courseId}`}>{title}</Link>
      </h3>
      <p className="course-card__meta">{course.source === 'assignment' ? t('learning.source.assignment') : course.source === 'key' ? t('learning.source.key') : t('learning.source.self')}</p>
      {completed && course.completedAt ? (
        <p className="learning-card__done" data-testid="course-done">
          <span className="badge badge--done">✓ {t('learning.completed')}</span> {t('learning.completedOn', { date: formatDate(course.completedAt, language) })}
        </p>
      ) : (
        <DueLine dueAt={course.dueAt} overdue={course.overdue} completed={false} />
      )}
      <ProgressMeter percent={course.percent} done={course.requiredDone} total={course.requiredTotal} label={t('learning.progressOf', { title })} />
      {mode === 'self' && !completed && course.nextLessonId && (
        <p>
          <Link to={`/hoc/${course.courseId}/${course.nextLessonId}`} className="button button--secondary">
            {course.percent > 0 ? t('learning.continue') : t('learning.start')}
            <span className="visually-hidden">{t('learning.courseSuffix', { title })}</span>
          </Link>
        </p>
      )}
    </li>
  );
}

/**
 * A learner's dashboard: the lesson to resume, the courses in progress (due dates, overdue ones
 * said in words) and the completed ones. `child`: as a parent sees their child's (no resume card,
 * nothing to play on the child's behalf).
 */
export function DashboardView({ data, mode, headingLevel = 2 }: { data: LearningDashboard; mode: Mode; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const open = data.courses.filter((c) => c.completedAt === null);
  const done = data.courses.filter((c) => c.completedAt !== null);
  const overdue = open.filter((c) => c.overdue).length;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const resume = mode === 'self' ? data.resume : null;
  const id = useId();

  return (
    <div className="dashboard">
      {resume && (
        <section className="resume-card" aria-labelledby={`${id}-resume`} data-testid="resume-card">
          <Heading id={`${id}-resume`} className="resume-card__heading">
            {t('learning.resume.heading', { lesson: titleOf({ titleVi: resume.lessonTitleVi, titleEn: resume.lessonTitleEn }, language) })}
          </Heading>
          <p className="resume-card__course">
            <KindIcon kind={resume.kind} /> {t(`lessonKinds.${resume.kind}`)} · {titleOf({ titleVi: resume.courseTitleVi, titleEn: resume.courseTitleEn }, language)}
            {resume.positionSeconds !== null && resume.positionSeconds > 0 && (resume.kind === 'video' || resume.kind === 'audio') && ` · ${t('learning.resume.at', { time: formatClock(resume.positionSeconds) })}`}
          </p>
          <p>
            <Link to={`/hoc/${resume.courseId}/${resume.lessonId}`} className="button" data-testid="resume-link">
              {t('learning.resume.button')}
            </Link>
          </p>
        </section>
      )}
      {data.courses.length === 0 && <p className="notice">{mode === 'self' ? t('learning.none') : t('learning.childNone')}</p>}
      {overdue > 0 && (
        <p className="notice notice--bad" data-testid="overdue-count">
          ⚠ {t('learning.overdueCount', { count: overdue })}
        </p>
      )}
      {open.length > 0 && (
        <section aria-labelledby={`${id}-open`}>
          <Heading id={`${id}-open`}>{t('learning.openHeading', { count: open.length })}</Heading>
          <ul className="course-cards" data-testid="learning-open">
            {open.map((course) => (
              <CourseCard key={course.courseId} course={course} mode={mode} />
            ))}
          </ul>
        </section>
      )}
      {done.length > 0 && (
        <section aria-labelledby={`${id}-done`}>
          <Heading id={`${id}-done`}>{t('learning.doneHeading', { count: done.length })}</Heading>
          <ul className="course-cards" data-testid="learning-done">
            {done.map((course) => (
              <CourseCard key={course.courseId} course={course} mode={mode} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
