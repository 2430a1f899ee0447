import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

/** A failed load, in the api's words, with "Thử lại". */
export function LoadFailure({ message, retry }: { message: string; retry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="form-error" role="alert">
      <p>{message}</p>
      <button type="button" className="button button--secondary" onClick={retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
