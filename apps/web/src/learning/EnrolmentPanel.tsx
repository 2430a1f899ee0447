import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormAlert, TextField } from '../components/Fields';
import { useAlert } from '../components/form-helpers';
import { formatDate } from '../courses/model';
import { currentLanguage } from '../i18n';
import { learningApi } from './api';
import { DueLine, ProgressMeter } from './parts';
import type { CourseProgress } from './types';
import type { CourseProgressState } from './useCourseProgress';

type Props = {
  courseId: string;
  courseTitle: string;
  current: CourseProgressState;
  /** The lessons in the outline's order (to find where to continue). */
  lessonOrder: string[];
  reload(): void;
};

/** Where the learner goes on: the first lesson not completed, in the outline's order (else the first). */
export function nextLessonOf(progress: CourseProgress, order: string[]): string | null {
  const done = new Set(progress.lessons.filter((l) => l.status === 'completed').map((l) => l.lessonId));
  return order.find((id) => !done.has(id)) ?? order[0] ?? null;
}

/**
 * A course page's "Việc học của bạn": enrol (with the course's key when it asks for one), or, once
 * enrolled, how far the learner is, the due date, "Tiếp tục học" and withdrawing.
 */
export function EnrolmentPanel({ courseId, courseTitle, current, lessonOrder, reload }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const [needsKey, setNeedsKey] = useState(false);
  const [key, setKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [assignedOnly, setAssignedOnly] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const withdrawRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  // The course turned out to need a key: focus on its field, once it is on screen.
  const [askKey, setAskKey] = useState(0);
  useEffect(() => {
    if (askKey > 0) keyRef.current?.focus();
  }, [askKey]);

  // Asked to confirm: focus on the answer (the question is read with it).
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const enrol = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (needsKey && !key.trim()) {
      setKeyError(t('learning.enrol.keyMissing'));
      keyRef.current?.focus();
      return;
    }
    setBusy(true);
    setKeyError(null);
    showAlert(null);
    const result = await learningApi.enrol(courseId, needsKey ? key.trim() : undefined);
    setBusy(false);
    if (result.ok) {
      setDone(t('learning.enrol.enrolled', { course: courseTitle }));
      reload();
      return;
    }
    if (result.code === 'ENROLMENT_KEY_REQUIRED') {
      setNeedsKey(true);
      setKeyError(null);
      showAlert(t('learning.enrol.keyRequired'));
      setAskKey((n) => n + 1);
    } else if (result.code === 'ENROLMENT_KEY_INVALID') {
      setNeedsKey(true);
      setKeyError(result.message);
      keyRef.current?.focus();
    } else if (result.code === 'ENROLMENT_ASSIGNED_ONLY') {
      setAssignedOnly(result.message);
    } else showAlert(result.message);
  };

  const withdraw = async () => {
    if (busy) return;
    setBusy(true);
    showAlert(null);
    const result = await learningApi.withdraw(courseId);
    setBusy(false);
    setConfirming(false);
    if (result.ok) {
      setDone(t('learning.enrol.withdrawn', { course: courseTitle }));
      reload();
    } else showAlert(result.message);
  };

  let body;
  if (current.state === 'loading') body = <p className="loading">{t('common.loading')}</p>;
  else if (current.state === 'error') body = <p className="form-error">{current.message}</p>;
  else if (current.state === 'off') body = null;
  else if (!current.progress.enrolled) {
    body = (
      <>
        <p data-testid="enrolment-state">{t('learning.enrol.notEnrolled')}</p>
        {assignedOnly ? (
          <p className="notice">{assignedOnly}</p>
        ) : (
          <form className="form narrow" onSubmit={(event) => void enrol(event)} noValidate aria-label={t('learning.enrol.formLabel')}>
            {needsKey && (
              <TextField label={t('learning.enrol.key')} hint={t('learning.enrol.keyHint')} value={key} onChange={setKey} error={keyError} inputRef={keyRef} autoComplete="off" autoCapitalize="off" spellCheck={false} />
            )}
            <p>
              <button type="submit" className="button" aria-disabled={busy || undefined}>
                {t('learning.enrol.button')}
              </button>
            </p>
          </form>
        )}
      </>
    );
  } else {
    const progress = current.progress;
    const next = nextLessonOf(progress, lessonOrder);
    const started = progress.lessons.some((l) => l.status !== 'not_started');
    body = (
      <>
        <p data-testid="enrolment-state">
          {progress.completedAt
            ? t('learning.enrol.completedOn', { date: formatDate(progress.completedAt, language) })
            : progress.source === 'assignment'
              ? t('learning.enrol.assigned')
              : t('learning.enrol.selfEnrolled')}
        </p>
        <DueLine dueAt={progress.dueAt} overdue={progress.overdue} completed={progress.completedAt !== null} />
        <ProgressMeter percent={progress.percent} done={progress.requiredDone} total={progress.requiredTotal} label={t('learning.progressOf', { title: courseTitle })} />
        <div className="actions">
          {next && (
            <Link to={`/hoc/${courseId}/${next}`} className="button" data-testid="continue-link">
              {progress.completedAt ? t('learning.enrol.review') : started ? t('learning.continue') : t('learning.start')}
            </Link>
          )}
          {progress.source !== 'assignment' && !confirming && (
            <button type="button" ref={withdrawRef} className="button button--secondary button--danger-outline" onClick={() => setConfirming(true)}>
              {t('learning.enrol.withdraw')}
            </button>
          )}
        </div>
        {confirming && (
          <div className="confirm" role="group" aria-labelledby="withdraw-question">
            <p className="confirm__question" id="withdraw-question">
              {t('learning.enrol.withdrawQuestion', { course: courseTitle })}
            </p>
            <p>{t('learning.enrol.withdrawKeeps')}</p>
            <div className="actions">
              <button type="button" ref={confirmRef} className="button button--danger" onClick={() => void withdraw()} aria-disabled={busy || undefined} aria-describedby="withdraw-question">
                {t('learning.enrol.withdrawConfirm')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setConfirming(false);
                  window.setTimeout(() => withdrawRef.current?.focus(), 0);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
      </>
    );
  }

  return (
    <section className="panel enrolment" aria-labelledby="enrolment-heading" data-testid="enrolment">
      <h2 id="enrolment-heading">{t('learning.enrol.heading')}</h2>
      <FormAlert message={done} tone="ok" testId="enrolment-done" />
      {body}
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
    </section>
  );
}
