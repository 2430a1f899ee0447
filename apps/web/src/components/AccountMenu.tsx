import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../session/session';

/** The header's account area: "Đăng nhập" when signed out; the user's name and "Đăng xuất" when signed in. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  // While the api is asked who is signed in, keep the place (no flash of "Đăng nhập").
  if (session.status === 'loading') return <div className="account-menu" aria-hidden="true" />;

  if (session.status === 'signed-out') {
    if (pathname === '/dang-nhap') return <div className="account-menu" />;
    return (
      <div className="account-menu">
        <Link to="/dang-nhap" className="account-menu__link account-menu__link--sign-in">
          {t('header.signIn')}
        </Link>
      </div>
    );
  }

  const name = session.profile.displayName || session.profile.username;
  const signOut = async () => {
    await session.signOut();
    void navigate('/dang-nhap', { state: { notice: 'signedOut' } });
  };
  return (
    <div className="account-menu" role="group" aria-label={t('header.accountLabel')}>
      <Link to="/tai-khoan" className="account-menu__link account-menu__name" aria-label={t('header.profileOf', { name })} data-testid="header-user">
        {name}
      </Link>
      <button type="button" className="account-menu__button" onClick={() => void signOut()}>
        {t('header.signOut')}
      </button>
    </div>
  );
}
