import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import { useSession } from '../session/session';

/** The signed-in user's account (shown to signed-in users only, see RequireSignIn). */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  if (session.status !== 'signed-in') return null;
  const { profile } = session;
  // One line per role, without repeats (the same role in two units is shown once here).
  const roles = [...new Set(profile.roles.map((r) => r.role))];

  const signOut = async () => {
    await session.signOut();
    void navigate('/dang-nhap', { replace: true, state: { notice: 'signedOut' } });
  };

  return (
    <>
      <PageTitle page={t('account.title')} />
      <h1 tabIndex={-1}>{t('account.heading')}</h1>
      <dl className="details" data-testid="profile">
        <div className="details__row">
          <dt>{t('account.displayName')}</dt>
          <dd data-testid="profile-name">{profile.displayName}</dd>
        </div>
        <div className="details__row">
          <dt>{t('account.username')}</dt>
          <dd data-testid="profile-username">{profile.username}</dd>
        </div>
        <div className="details__row">
          <dt>{t('account.roles')}</dt>
          <dd data-testid="profile-roles">
            {roles.length === 0 ? (
              t('account.noRoles')
            ) : (
              <ul className="details__list">
                {roles.map((role) => (
                  <li key={role}>{t(`roles.${role}`)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('account.language')}</dt>
          <dd>{t(`account.languages.${profile.preferredLanguage}`)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('account.email')}</dt>
          <dd>{profile.email ?? t('account.none')}</dd>
        </div>
        <div className="details__row">
          <dt>{t('account.phone')}</dt>
          <dd>{profile.phone ?? t('account.none')}</dd>
        </div>
      </dl>
      <div className="actions">
        <Link to="/doi-mat-khau" className="button button--secondary">
          {t('account.changePassword')}
        </Link>
        <button type="button" className="button" onClick={() => void signOut()}>
          {t('account.signOut')}
        </button>
      </div>
    </>
  );
}
