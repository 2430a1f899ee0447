import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';

/** Shown when the signed-in user's roles do not cover a page (the api would refuse it anyway). */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('admin.noAccess.title')} />
      <h1 tabIndex={-1}>{t('admin.noAccess.heading')}</h1>
      <p>{t('admin.noAccess.text')}</p>
      <p>
        <Link to="/tai-khoan" className="button button--secondary">
          {t('admin.noAccess.back')}
        </Link>
      </p>
    </>
  );
}
