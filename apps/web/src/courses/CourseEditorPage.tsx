import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { FormAlert } from '../components/Fields';
import { useAlert } from '../components/form-helpers';
import { PageTitle } from '../components/PageTitle';
import { currentLanguage } from '../i18n';
import { usePermissions } from '../session/permissions';
import { EnrolmentSettings } from '../learning/EnrolmentSettings';
import { Collaborators } from './Collaborators';
import { CourseMetaForm } from './CourseMetaForm';
import { formatDateTime, titleOf, workflowActions, type Outline, type WorkflowAction } from './model';
import { OutlineEditor } from './OutlineEditor';
import { AuthoringNoAccess, StatusBadge } from './parts';

type Loaded = { state: 'loading' } | { state: 'missing'; message: string } | { state: 'error'; message: string } | { state: 'ready'; outline: Outline };

/** Submit, publish, send back, archive: what the course's status and the caller's rights allow (archive asks first). */
function Workflow({ outline, onOutline }: { outline: Outline; onOutline(outline: Outline): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [alert, showAlert] = useAlert();
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const course = outline.course;
  const actions = workflowActions(course.status, outline.can);

  const run = async (action: WorkflowAction) => {
    if (busy) return;
    setBusy(action);
    showAlert(null);
    setDone(null);
    const result = await call(api.POST('/api/v1/courses/{courseId}/{action}', { params: { path: { courseId: course.id, action } } }));
    setBusy(null);
    setConfirmArchive(false);
    if (result.ok) {
      onOutline(result.data);
      setDone((now) => ({ text: t(`editor.workflow.done.${action}`), n: (now?.n ?? 0) + 1 }));
    } else showAlert(result.message);
  };

  const republishNote = course.status === 'draft' && course.publishedRevisionId !== null;
  return (
    <section className="workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading" className="visually-hidden">
        {t('editor.workflow.heading')}
      </h2>
      <p className="workflow__explain">{t(`editor.workflow.explain.${course.status}`)}</p>
      {republishNote && <p className="notice">{t('editor.workflow.draftAgain')}</p>}
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} testId="workflow-error" />
      <FormAlert message={done?.text ?? null} attempt={done?.n} tone="ok" testId="workflow-done" />
      {actions.length > 0 && (
        <div className="actions">
          {actions.map((action) =>
            action === 'archive' ? (
              <button key={action} type="button" className="button button--danger-outline button--secondary" aria-expanded={confirmArchive} onClick={() => setConfirmArchive((v) => !v)}>
                {t('editor.workflow.archive')}
              </button>
            ) : (
              <button key={action} type="button" className={action === 'return' ? 'button button--secondary' : 'button'} aria-disabled={busy !== null || undefined} onClick={() => void run(action)}>
                {busy === action ? t('common.saving') : t(`editor.workflow.${action}`)}
              </button>
            ),
          )}
        </div>
      )}
      {confirmArchive && (
        <div className="confirm" role="group" aria-label={t('editor.workflow.archive')}>
          <p className="confirm__question">{t('editor.workflow.archiveQuestion', { title: titleOf(course, language) })}</p>
          <div className="actions">
            <button type="button" className="button button--danger" onClick={() => void run('archive')} ref={(el) => el?.focus()}>
              {t('editor.workflow.archiveConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmArchive(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** /soan-bai/:courseId: the working copy of a course: workflow, outline, details, collaborators, revisions. */
export function CourseEditorPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const perms = usePermissions();
  const { courseId = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const allowed = perms.has('course.author');

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    void call(api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } })).then((result) => {
      if (!live) return;
      if (result.ok) setLoaded({ state: 'ready', outline: result.data });
      else if (result.status === 404 || result.status === 403) setLoaded({ state: 'missing', message: result.message });
      else setLoaded({ state: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [courseId, allowed, attempt]);

  if (!allowed) return <AuthoringNoAccess />;

  const back = (
    <p className="breadcrumb">
      <Link to="/soan-bai">{t('editor.back')}</Link>
    </p>
  );
  if (loaded.state !== 'ready') {
    return (
      <>
        <PageTitle page={t('editor.title')} />
        {back}
        <h1 tabIndex={-1}>{t('editor.title')}</h1>
        {loaded.state === 'loading' && (
          <p role="status" className="loading">
            {t('common.loading')}
          </p>
        )}
        {loaded.state === 'missing' && <p className="form-error">{loaded.message}</p>}
        {loaded.state === 'error' && (
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

  const outline = loaded.outline;
  const course = outline.course;
  const setOutline = (next: Outline) => setLoaded({ state: 'ready', outline: next });
  const canEdit = outline.can.edit && course.status !== 'archived';
  const title = titleOf(course, language);
  return (
    <>
      <PageTitle page={t('editor.pageTitle', { title })} />
      {back}
      <h1 tabIndex={-1}>
        {title}
      </h1>
      <div className="editor-status">
        <StatusBadge status={course.status} />
        {course.publishedRevisionId && (
          <Link to={`/khoa-hoc/${course.id}`} className="inline-button">
            {t('editor.viewPublished')}
          </Link>
        )}
      </div>
      {!outline.can.edit && <p className="notice">{t('editor.readOnly')}</p>}
      <Workflow outline={outline} onOutline={setOutline} />
      <OutlineEditor outline={outline} canEdit={canEdit} onOutline={setOutline} />
      {canEdit && <CourseMetaForm key={course.id} outline={outline} onOutline={setOutline} />}
      <Collaborators outline={outline} onOutline={setOutline} />
      {canEdit && <EnrolmentSettings key={course.id} courseId={course.id} />}
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">{t('editor.revisions.heading')}</h2>
        {outline.revisions.length === 0 ? (
          <p>{t('editor.revisions.none')}</p>
        ) : (
          <ol className="item-list" data-testid="revisions">
            {[...outline.revisions]
              .sort((a, b) => b.number - a.number)
              .map((r) => (
                <li key={r.id} className="item-list__item">
                  {t('editor.revisions.item', { n: r.number, date: formatDateTime(r.createdAt, language) })}
                </li>
              ))}
          </ol>
        )}
      </section>
    </>
  );
}
