import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { RequireSignIn } from '../components/RequireSignIn';
import { usePermissions } from '../session/permissions';
import { NoAccess } from './NoAccess';
import { useRegistrationMode } from '../api/registration';

/** The administration area's own links: only what the user's roles allow. */
export function AdminNav() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const mode = useRegistrationMode();
  const links = [
    { to: '/quan-tri/don-vi', label: t('admin.nav.units'), show: perms.has('org.read') },
    { to: '/quan-tri/nguoi-dung', label: t('admin.nav.users'), show: perms.has('user.read') },
    { to: '/quan-tri/nhap-danh-sach', label: t('admin.nav.import'), show: perms.has('roster.import') },
    { to: '/quan-tri/dang-ky', label: t('admin.nav.registrations'), show: perms.has('registration.review') && (mode === 'approval' || mode === 'open') },
  ].filter((link) => link.show);
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      <ul className="admin-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} className="admin-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AdminArea() {
  const perms = usePermissions();
  if (!perms.administers) return <NoAccess />;
  return (
    <>
      <AdminNav />
      <Outlet />
    </>
  );
}

/** /quan-tri/*: signed-in managers only; each page checks its own permission too. */
export function AdminLayout() {
  return (
    <RequireSignIn>
      <AdminArea />
    </RequireSignIn>
  );
}
