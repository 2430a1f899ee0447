import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../components/Fields';
import { useAlert } from '../components/form-helpers';
import { MediaUpload } from '../courses/media/MediaUpload';
import { learningApi } from './api';
import type { LessonEvidence } from './types';

type Props = {
  lessonId: string;
  /** The learner's latest evidence for the lesson (GET /me/learning/courses/{courseId}). */
  evidence: LessonEvidence | null;
  completed: boolean;
  /** Called once the api has the evidence (the page reads the progress again). */
  onSubmitted(): void;
};

/**
 * An external lesson's evidence (minh chứng): the learner uploads a photo or a PDF of what they
 * achieved elsewhere (a certificate), it is submitted for review, and its state is shown:
 * waiting for the teacher, approved (the lesson is complete), or refused with the teacher's note.
 */
export function EvidencePanel({ lessonId, evidence, completed, onSubmitted }: Props) {
  const { t } = useTranslation();
  const [alert, showAlert] = useAlert();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const status = completed ? 'approved' : (evidence?.status ?? null);

  const submit = async (assetId: string) => {
    setBusy(true);
    showAlert(null);
    const result = await learningApi.submitEvidence(lessonId, assetId);
    setBusy(false);
    if (!result.ok) {
      showAlert(result.message);
      return;
    }
    setSubmitted(true);
    onSubmitted();
  };

  return (
    <section className="panel evidence-panel" aria-labelledby={`evidence-${lessonId}`} data-testid="evidence-panel">
      <h2 id={`evidence-${lessonId}`}>{t('learning.evidence.heading')}</h2>
      <p role="status" data-testid="evidence-state" data-status={status ?? 'none'}>
        {status === 'approved' && <span className="badge badge--done">✓ {t('learning.evidence.approved')}</span>}
        {status === 'pending' && <span className="badge badge--pending">{t('learning.evidence.pending')}</span>}
        {status === 'rejected' && <span className="badge badge--refused">{t('learning.evidence.rejected')}</span>}
        {status === null && t('learning.evidence.none')}
      </p>
      {status === 'rejected' && evidence?.note && <p className="notice">{t('learning.evidence.note', { note: evidence.note })}</p>}
      {submitted && status !== 'approved' && <p className="notice notice--ok">{t('learning.evidence.sent')}</p>}
      {status !== 'approved' && (
        <>
          <p>{status === 'pending' ? t('learning.evidence.replaceHint') : t('learning.evidence.hint')}</p>
          <MediaUpload purpose="evidence" label={t('learning.evidence.choose')} assetId={null} showStatus={false} onBusy={(sending) => {
              if (sending) showAlert(null);
            }} onUploaded={(asset) => void submit(asset.id)} />
          {busy && <p className="loading">{t('learning.evidence.sending')}</p>}
        </>
      )}
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
    </section>
  );
}
