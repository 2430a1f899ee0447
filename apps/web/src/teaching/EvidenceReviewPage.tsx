import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../admin/NoAccess';
import { UnitPicker } from '../admin/UnitPicker';
import { UNIT_TYPES } from '../admin/units';
import { FormAlert, TextAreaField } from '../components/Fields';
import { PageTitle } from '../components/PageTitle';
import { formatDateTime, mediaFileUrl } from '../courses/model';
import { currentLanguage } from '../i18n';
import { learningApi } from '../learning/api';
import { LoadFailure, Loading } from '../learning/Loading';
import type { EvidenceForReview } from '../learning/types';
import { useLoaded } from '../learning/useLoaded';
import { usePermissions } from '../session/permissions';
import { useChosenUnit } from './useChosenUnit';

function EvidenceItem({ item, onDecided }: { item: EvidenceForReview; onDecided(message: string): void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (approve: boolean) => {
    if (busy) return;
    if (!approve && !note.trim()) {
      setNoteError(t('teaching.evidence.noteMissing'));
      return;
    }
    setNoteError(null);
    setError(null);
    setBusy(true);
    const result = approve ? await learningApi.approve(item.id, note.trim() || undefined) : await learningApi.reject(item.id, note.trim());
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    onDecided(approve ? t('teaching.evidence.approvedOf', { name: item.learner.displayName, lesson: item.lessonTitleVi }) : t('teaching.evidence.rejectedOf', { name: item.learner.displayName, lesson: item.lessonTitleVi }));
  };

  return (
    <li className="person-card evidence-item" data-testid="evidence-item">
      <p className="person-card__name">{item.learner.displayName}</p>
      <p>{t('teaching.evidence.what', { lesson: item.lessonTitleVi, course: item.courseTitleVi })}</p>
      <p className="person-card__meta">{t('teaching.evidence.submitted', { time: formatDateTime(item.submittedAt, language) })}</p>
      <p>
        <a className="button button--secondary" href={mediaFileUrl(item.assetId)} target="_blank" rel="noopener noreferrer">
          {t('teaching.evidence.open')}
          <span className="visually-hidden"> {t('player.external.newTab')}</span>
        </a>
      </p>
      <TextAreaField label={t('teaching.evidence.note')} hint={t('teaching.evidence.noteHint')} value={note} onChange={setNote} error={noteError} rows={2} />
      <div className="actions">
        <button type="button" className="button" onClick={() => void decide(true)} aria-disabled={busy || undefined}>
          {t('teaching.evidence.approve')}
        </button>
        <button type="button" className="button button--secondary button--danger-outline" onClick={() => void decide(false)} aria-disabled={busy || undefined}>
          {t('teaching.evidence.reject')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** /giang-day/minh-chung: the evidence learners submitted for external lessons, waiting for a decision. */
export function EvidenceReviewPage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const { initialId, unit, choose } = useChosenUnit();
  const { loaded, reload } = useLoaded(() => learningApi.evidence(unit?.id), unit?.id ?? 'all');
  const [notice, setNotice] = useState<string | null>(null);

  if (!perms.has('evidence.review')) return <NoAccess />;

  return (
    <>
      <PageTitle page={t('teaching.evidence.title')} />
      <h1 tabIndex={-1}>{t('teaching.evidence.heading')}</h1>
      <p>{t('teaching.evidence.intro')}</p>
      <div className="narrow">
        <UnitPicker legend={t('teaching.evidence.unit')} hint={t('teaching.evidence.unitHint')} allowed={UNIT_TYPES} initialId={initialId} onChange={choose} />
      </div>
      <FormAlert message={notice} tone="ok" testId="evidence-done" />
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'error' && <LoadFailure message={loaded.message} retry={reload} />}
      {loaded.state === 'ready' && loaded.data.items.length === 0 && <p className="notice">{t('teaching.evidence.none')}</p>}
      {loaded.state === 'ready' && loaded.data.items.length > 0 && (
        <ul className="people" data-testid="evidence-list">
          {loaded.data.items.map((item) => (
            <EvidenceItem
              key={item.id}
              item={item}
              onDecided={(message) => {
                setNotice(message);
                reload();
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}
