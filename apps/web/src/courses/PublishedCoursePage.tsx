import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { EnrolmentPanel } from '../learning/EnrolmentPanel';
import { LessonStatusBadge } from '../learning/LessonState';
import { useCourseProgress } from '../learning/useCourseProgress';
import { usePermissions } from '../session/permissions';
import { useSession } from '../session/session';
import { CompetencyChips } from './CompetencyChips';
import { KindIcon } from './KindIcon';
import { formatDate, gradesText, isAudience, summaryOf, titleOf, type PublishedCourse } from './model';

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'error'; message: string } | { state: 'ready'; course: PublishedCourse };

/** /khoa-hoc/:courseId: a published course as anyone sees it: what it is, and its outline (lessons without bodies). */
export function PublishedCoursePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { courseId = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const perms = usePermissions();
  const learns = session.status === 'signed-in' && perms.has('course.learn');
  const { current: progressState, reload: reloadProgress } = useCourseProgress(courseId, learns && loaded.state === 'ready');

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    void call(api.GET('/api/v1/catalog/courses/{courseId}', { params: { path: { courseId } } })).then((result) => {
      if (!live) return;
      if (result.ok) setLoaded({ state: 'ready', course: result.data });
      else if (result.status === 404) setLoaded({ state: 'missing' });
      else setLoaded({ state: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [courseId, attempt]);

  const back = (
    <p className="breadcrumb">
      <Link to="/khoa-hoc">{t('coursePage.back')}</Link>
    </p>
  );

  if (loaded.state === 'loading') {
    return (
      <>
        <PageTitle page={t('coursePage.title')} />
        {back}
        <h1 tabIndex={-1}>{t('coursePage.title')}</h1>
        <p role="status" className="loading">
          {t('common.loading')}
        </p>
      </>
    );
  }
  if (loaded.state !== 'ready') {
    return (
      <>
        <PageTitle page={t('coursePage.title')} />
        {back}
        <h1 tabIndex={-1}>{loaded.state === 'missing' ? t('coursePage.notFoundHeading') : t('coursePage.title')}</h1>
        {loaded.state === 'missing' ? (
          <p>{t('coursePage.notFound')}</p>
        ) : (
          <div className="form-error" role="alert">
            <p>{loaded.message}</p>
            <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </div>
        )}
      </>
    );
  }

  const course = loaded.course;
  const title = titleOf(course, language);
  const signedIn = session.status === 'signed-in';
  const progress = progressState.state === 'ready' && progressState.progress.enrolled ? progressState.progress : null;
  const lessonState = new Map((progress?.lessons ?? []).map((l) => [l.lessonId, l]));
  const lessonOrder = course.sections.flatMap((s) => s.lessons.map((l) => l.id));
  return (
    <>
      <PageTitle page={title} />
      {back}
      <h1 tabIndex={-1}>{title}</h1>
      <p className="hero__lead">{summaryOf(course, language)}</p>
      <dl className="details course-facts">
        {course.ownerUnitName && (
          <div className="details__row">
            <dt>{t('courseFacts.owner')}</dt>
            <dd>{course.ownerUnitName}</dd>
          </div>
        )}
        <div className="details__row">
          <dt>{t('courseFacts.audiences')}</dt>
          <dd>{course.audiences.map((a) => (isAudience(a) ? t(`audiences.${a}`) : a)).join(', ')}</dd>
        </div>
        <div className="details__row">
          <dt>{t('courseFacts.grades')}</dt>
          <dd>{gradesText(course.gradeMin, course.gradeMax, t)}</dd>
        </div>
        {course.estimatedMinutes !== null && (
          <div className="details__row">
            <dt>{t('courseFacts.minutes')}</dt>
            <dd>{t('courseFacts.minutesValue', { count: course.estimatedMinutes })}</dd>
          </div>
        )}
        <div className="details__row">
          <dt>{t('courseFacts.lessons')}</dt>
          <dd>{t('courseFacts.lessonsValue', { count: course.lessonCount })}</dd>
        </div>
        <div className="details__row">
          <dt>{t('courseFacts.published')}</dt>
          <dd>{t('courseFacts.publishedValue', { date: formatDate(course.publishedAt, language), revision: course.revision })}</dd>
        </div>
        <div className="details__row">
          <dt>{t('courseFacts.licence')}</dt>
          <dd>{course.licence}</dd>
        </div>
      </dl>
      {course.competencyCodes.length > 0 && (
        <>
          <h2>{t('courseFacts.competencies')}</h2>
          <CompetencyChips items={course.competencyCodes} label={t('courseFacts.competencies')} />
        </>
      )}
      {learns && <EnrolmentPanel courseId={course.id} courseTitle={title} current={progressState} lessonOrder={lessonOrder} reload={reloadProgress} />}
      <h2>{t('coursePage.outline')}</h2>
      {signedIn ? null : (
        <p className="notice">
          {t('coursePage.signInToLearn')}{' '}
          <Link to="/dang-nhap" state={{ from: location.pathname }}>
            {t('coursePage.signIn')}
          </Link>
        </p>
      )}
      <ol className="published-outline">
        {course.sections.map((section, index) => (
          <li key={section.id} className="published-outline__section">
            <h3>{t('coursePage.section', { n: index + 1, title: titleOf(section, language) })}</h3>
            <ol className="lesson-list">
              {section.lessons.map((lesson) => {
                const lessonTitle = titleOf(lesson, language);
                const state = lessonState.get(lesson.id);
                return (
                  <li key={lesson.id} className="lesson-list__item" data-testid="published-lesson">
                    <span className="lesson-list__kind">
                      <KindIcon kind={lesson.kind} />
                      <span>{t(`lessonKinds.${lesson.kind}`)}</span>
                    </span>
                    <span className="lesson-list__title">
                      {signedIn ? <Link to={`/hoc/${course.id}/${lesson.id}`}>{lessonTitle}</Link> : <strong>{lessonTitle}</strong>}
                    </span>
                    <span className="lesson-list__meta">
                      {lesson.estimatedMinutes !== null && t('courseFacts.minutesValue', { count: lesson.estimatedMinutes })}
                      {!lesson.required && <span className="badge badge--plain">{t('coursePage.optional')}</span>}
                    </span>
                    {state && (
                      <span className="lesson-list__state" data-testid="lesson-status" data-status={state.status}>
                        <LessonStatusBadge status={state.status} percent={state.percent} />
                      </span>
                    )}
                    <CompetencyChips items={lesson.competencies} label={t('courseFacts.competenciesOf', { title: lessonTitle })} />
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </>
  );
}
