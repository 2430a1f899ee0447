import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import { usePermissions } from '../session/permissions';
import { useRegistrationMode } from '../api/registration';

/** /quan-tri: what the administration area holds for this user, one card each. */
export function AdminHomePage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const mode = useRegistrationMode();
  const sections = [
    { to: '/quan-tri/don-vi', key: 'units', show: perms.has('org.read') },
    { to: '/quan-tri/nguoi-dung', key: 'users', show: perms.has('user.read') },
    { to: '/quan-tri/nhap-danh-sach', key: 'import', show: perms.has('roster.import') },
    { to: '/quan-tri/dang-ky', key: 'registrations', show: perms.has('registration.review') && mode !== null && mode !== 'off' },
  ] as const;
  return (
    <>
      <PageTitle page={t('admin.home.title')} />
      <h1 tabIndex={-1}>{t('admin.home.heading')}</h1>
      <p>{t('admin.home.intro')}</p>
      <ul className="cards">
        {sections
          .filter((s) => s.show)
          .map((s) => (
            <li key={s.key} className="card">
              <h2 className="card__title card__title--plain">
                <Link to={s.to}>{t(`admin.home.sections.${s.key}.title`)}</Link>
              </h2>
              <p>{t(`admin.home.sections.${s.key}.text`)}</p>
            </li>
          ))}
      </ul>
    </>
  );
}
