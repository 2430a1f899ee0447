import { useTranslation } from 'react-i18next';
import { formatDate } from '../courses/model';
import { currentLanguage } from '../i18n';

/** How far through a course: "2/5 bài bắt buộc · 40%", with a bar repeating the number. */
export function ProgressMeter({ percent, done, total, label }: { percent: number; done: number; total: number; label: string }) {
  const { t } = useTranslation();
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="meter" data-testid="progress-meter" data-percent={clamped}>
      <progress className="meter__bar" max={100} value={clamped} aria-label={label} />
      <span className="meter__text">{t('learning.progressText', { percent: clamped, done, total })}</span>
    </div>
  );
}

/** "Hạn hoàn thành: 30/9/2026", with "Quá hạn" written out (not only in red) when it has passed. */
export function DueLine({ dueAt, overdue, completed }: { dueAt: string | null; overdue: boolean; completed: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!dueAt) return null;
  return (
    <p className={`due${overdue && !completed ? ' due--overdue' : ''}`} data-testid="due">
      {t('learning.due', { date: formatDate(dueAt, language) })}
      {overdue && !completed && (
        <>
          {' '}
          <span className="badge badge--overdue">⚠ {t('learning.overdue')}</span>
        </>
      )}
    </p>
  );
}
