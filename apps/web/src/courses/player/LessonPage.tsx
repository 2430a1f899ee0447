import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Failed } from '../../api/call';
import { PageTitle } from '../../components/PageTitle';
import { currentLanguage } from '../../i18n';
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

function LessonBody({ lesson, title }: { lesson: PlayableLesson; title: string }) {
  const { t } = useTranslation();
  const assetId = typeof lesson.content.assetId === 'string' ? lesson.content.assetId : null;
  switch (lesson.kind) {
    case 'video':
      return assetId ? (
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <VideoPlayer assetId={assetId} lessonId={lesson.id} title={title} />
        </Suspense>
      ) : null;
    case 'audio':
      return assetId ? <AudioPlayer assetId={assetId} lessonId={lesson.id} title={title} /> : null;
    case 'slides':
      return assetId ? <SlidesViewer assetId={assetId} title={title} /> : null;
    case 'file':
      return assetId ? <FileDownload assetId={assetId} /> : null;
    case 'gallery':
      return <Gallery assetIds={Array.isArray(lesson.content.assetIds) ? lesson.content.assetIds.filter((v): v is string => typeof v === 'string') : []} title={title} />;
    case 'text':
      // Only the api's sanitised HTML is ever put in the page as HTML.
      return lesson.bodyHtml ? <div className="reader" data-testid="reader" dangerouslySetInnerHTML={{ __html: demoteHeadings(lesson.bodyHtml, 1) }} /> : null;
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
          <p className="notice">{t('player.external.evidence')}</p>
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

  if (loaded.state !== 'ready') {
    const failure = loaded.state === 'failed' ? loaded.failure : null;
    const unavailable = failure && (failure.status === 403 || failure.status === 404);
    return (
      <>
        <PageTitle page={t('player.title')} />
        <p className="breadcrumb">
          <Link to={`/khoa-hoc/${courseId}`}>{t('player.backToCourse')}</Link>
        </p>
        <h1 tabIndex={-1}>{t('player.title')}</h1>
        {loaded.state === 'loading' && (
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
      <LessonBody key={lesson.id} lesson={lesson} title={title} />
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
