import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Failed } from '../../api/call';
import { PageTitle } from '../../components/PageTitle';
import { currentLanguage } from '../../i18n';
import { EvidencePanel } from '../../learning/EvidencePanel';
import { CourseCompleted, LessonStateLine, NotEnrolledNotice } from '../../learning/LessonState';
import { onProgressRefused, setProgressUser } from '../../learning/progress';
import { LessonTrackingContext, useReadingProgress, type LessonTracking } from '../../learning/tracking';
import type { LessonProgress } from '../../learning/types';
import { useCourseProgress } from '../../learning/useCourseProgress';
import { usePermissions } from '../../session/permissions';
import { useSession } from '../../session/session';
import { KindIcon } from '../KindIcon';
import { demoteHeadings, stringOf, titleOf } from '../model';
import { AudioPlayer } from './AudioPlayer';
import { FileDownload } from './FileDownload';
import { Gallery } from './Gallery';
import { loadLesson, type PlayableLesson, type PlayerData } from './lessonSource';
import { SlidesViewer } from './SlidesViewer';

// hls.js is loaded with the video player only: a text or slides lesson does not download it.
const VideoPlayer = lazy(async () => ({ default: (await import('./VideoPlayer')).VideoPlayer }));

type Loaded = { state: 'loading' } | { state: 'failed'; failure: Failed } | { state: 'ready'; data: PlayerData };

/** A text lesson: the api's sanitised HTML, with a mark at its end (reaching it counts as reading to the end). */
function Reader({ html }: { html: string }) {
  const readerRef = useRef<HTMLDivElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const content = useMemo(() => ({ __html: demoteHeadings(html, 1) }), [html]);
  useReadingProgress(readerRef, endRef);
  return (
    <>
      {/* Only the api's sanitised HTML is ever put in the page as HTML. */}
      <div ref={readerRef} className="reader" data-testid="reader" dangerouslySetInnerHTML={content} />
      <div ref={endRef} className="reader__end" aria-hidden="true" />
    </>
  );
}

type BodyProps = {
  lesson: PlayableLesson;
  title: string;
  /** The learner's progress in this lesson (null: not recorded). */
  progress: LessonProgress | null;
  /** Whether the learner's progress is recorded (enrolled). */
  tracked: boolean;
  onEvidence(): void;
};

function LessonBody({ lesson, title, progress, tracked, onEvidence }: BodyProps) {
  const { t } = useTranslation();
  const assetId = typeof lesson.content.assetId === 'string' ? lesson.content.assetId : null;
  // Where to resume from the api (another device), unless the lesson is done.
  const startAt = progress && progress.status !== 'completed' && progress.positionSeconds !== null ? progress.positionSeconds : null;
  switch (lesson.kind) {
    case 'video':
      return assetId ? (
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <VideoPlayer assetId={assetId} lessonId={lesson.id} title={title} startAt={startAt} />
        </Suspense>
      ) : null;
    case 'audio':
      return assetId ? <AudioPlayer assetId={assetId} lessonId={lesson.id} title={title} startAt={startAt} /> : null;
    case 'slides':
      return assetId ? <SlidesViewer assetId={assetId} title={title} startPage={startAt !== null ? Math.max(1, Math.round(startAt)) : 1} /> : null;
    case 'file':
      return assetId ? <FileDownload assetId={assetId} /> : null;
    case 'gallery':
      return <Gallery assetIds={Array.isArray(lesson.content.assetIds) ? lesson.content.assetIds.filter((v): v is string => typeof v === 'string') : []} title={title} />;
    case 'text':
      return lesson.bodyHtml ? <Reader html={lesson.bodyHtml} /> : null;
    case 'external': {
      const provider = stringOf(lesson.content.provider);
      return (
        <div className="player player--external" data-testid="external-lesson">
          {lesson.bodyHtml && (
            <>
              <h2>{t('player.external.instructions')}</h2>
              <div className="reader" dangerouslySetInnerHTML={{ __html: demoteHeadings(lesson.bodyHtml, 2) }} />
            </>
          )}
          <p>
            <a className="button" href={stringOf(lesson.content.url)} target="_blank" rel="noopener noreferrer">
              {provider ? t('player.external.open', { provider }) : t('player.external.openPlain')}
              <span className="visually-hidden"> {t('player.external.newTab')}</span>
            </a>
          </p>
          {tracked ? <EvidencePanel lessonId={lesson.id} evidence={progress?.evidence ?? null} completed={progress?.status === 'completed'} onSubmitted={onEvidence} /> : <p className="notice">{t('player.external.evidence')}</p>}
        </div>
      );
    }
    case 'quiz':
      return <p className="notice">{t('player.quiz.soon')}</p>;
  }
}

/** /hoc/:courseId/:lessonId: one lesson, played or read, with the way back and to the next lesson. */
export function LessonPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { courseId = '', lessonId = '' } = useParams();
  // From the editor (?xem-thu=1): the working copy, not the published revision.
  const preview = useSearchParams()[0].get('xem-thu') === '1';
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const session = useSession();
  const perms = usePermissions();
  const userId = session.status === 'signed-in' ? session.profile.id : null;
  // The learner's progress, asked alongside the lesson (not for an author's preview of a working copy).
  const learns = !preview && userId !== null && perms.has('course.learn');
  const { current: progressState, reload: reloadProgress } = useCourseProgress(courseId, learns);

  useEffect(() => {
    setProgressUser(userId);
  }, [userId]);

  // The api refused this course's events for good (withdrawn meanwhile, say): show what it says now.
  useEffect(() => onProgressRefused(() => reloadProgress()), [reloadProgress]);

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    void loadLesson(courseId, lessonId, preview).then((result) => {
      if (live) setLoaded(result.ok ? { state: 'ready', data: result.data } : { state: 'failed', failure: result });
    });
    return () => {
      live = false;
    };
  }, [courseId, lessonId, attempt, preview]);

  const published = loaded.state === 'ready' && loaded.data.backTo === 'course';
  const progress = published && progressState.state === 'ready' ? progressState.progress : null;
  const enrolled = progress?.enrolled === true;
  const tracking = useMemo<LessonTracking>(() => ({ lessonId, enabled: enrolled }), [lessonId, enrolled]);

  if (loaded.state !== 'ready' || (published && progressState.state === 'loading')) {
    const failure = loaded.state === 'failed' ? loaded.failure : null;
    const unavailable = failure && (failure.status === 403 || failure.status === 404);
    return (
      <>
        <PageTitle page={t('player.title')} />
        <p className="breadcrumb">
          <Link to={`/khoa-hoc/${courseId}`}>{t('player.backToCourse')}</Link>
        </p>
        <h1 tabIndex={-1}>{t('player.title')}</h1>
        {(loaded.state === 'loading' || published) && (
          <p role="status" className="loading">
            {t('common.loading')}
          </p>
        )}
        {unavailable && <p className="notice">{t('player.lessonUnavailable')}</p>}
        {failure && !unavailable && (
          <div className="form-error" role="alert">
            <p>{failure.message}</p>
            <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </div>
        )}
      </>
    );
  }

  const { course, section, lesson, previous, next, backTo } = loaded.data;
  const lessonProgress = progress?.lessons.find((l) => l.lessonId === lesson.id) ?? null;
  const courseDone = progress !== null && progress.enrolled && progress.completedAt !== null;
  const title = titleOf(lesson, language);
  const courseTitle = titleOf(course, language);
  return (
    <>
      <PageTitle page={title} />
      <p className="breadcrumb">
        <Link to={backTo === 'editor' ? `/soan-bai/${course.id}` : `/khoa-hoc/${course.id}`}>{backTo === 'editor' ? t('player.backToEditor', { course: courseTitle }) : t('player.backTo', { course: courseTitle })}</Link>
      </p>
      {backTo === 'editor' && <p className="notice">{t('player.previewNote')}</p>}
      <p className="lesson-page__section">{t('coursePage.section', { n: section.number, title: titleOf(section, language) })}</p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lesson-page__kind">
        <KindIcon kind={lesson.kind} /> {t(`lessonKinds.${lesson.kind}`)}
        {lesson.estimatedMinutes !== null && ` · ${t('courseFacts.minutesValue', { count: lesson.estimatedMinutes })}`}
      </p>
      {enrolled && <LessonStateLine progress={lessonProgress} external={lesson.kind === 'external'} />}
      {published && progress !== null && !progress.enrolled && <NotEnrolledNotice courseId={course.id} />}
      {enrolled && <CourseCompleted done={courseDone} courseTitle={courseTitle} justNow={progressState.state === 'ready' && progressState.completedNow} />}
      <LessonTrackingContext value={tracking}>
        <LessonBody key={lesson.id} lesson={lesson} title={title} progress={lessonProgress} tracked={enrolled} onEvidence={reloadProgress} />
      </LessonTrackingContext>
      {(previous || next) && (
        <nav className="lesson-nav" aria-label={t('player.lessonNav')}>
          {previous ? (
            <Link className="button button--secondary lesson-nav__previous" to={`/hoc/${course.id}/${previous.id}`} aria-label={t('player.previousLabel', { title: titleOf(previous, language) })}>
              {t('player.previous')}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link className="button lesson-nav__next" to={`/hoc/${course.id}/${next.id}`} aria-label={t('player.nextLabel', { title: titleOf(next, language) })}>
              {t('player.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
