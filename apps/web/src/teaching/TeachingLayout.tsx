import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useSearchParams } from 'react-router-dom';
import { NoAccess } from '../admin/NoAccess';
import { RequireSignIn } from '../components/RequireSignIn';
import { usePermissions } from '../session/permissions';
import { UNIT_PARAM } from './useChosenUnit';

/** The teaching area's links, each for those whose roles allow it; the chosen class goes along. */
function TeachingNav() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const [params] = useSearchParams();
  const unit = params.get(UNIT_PARAM);
  const search = unit ? `?${UNIT_PARAM}=${encodeURIComponent(unit)}` : '';
  const links = [
    { to: '/giang-day', label: t('teaching.nav.progress'), show: perms.has('progress.read'), end: true },
    { to: '/giang-day/giao-khoa-hoc', label: t('teaching.nav.assign'), show: perms.has('course.assign'), end: false },
    { to: '/giang-day/minh-chung', label: t('teaching.nav.evidence'), show: perms.has('evidence.review'), end: false },
  ].filter((link) => link.show);
  return (
    <nav className="admin-nav" aria-label={t('teaching.nav.label')}>
      <ul className="admin-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={`${link.to}${search}`} end={link.end} className="admin-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Whether the teaching area is for this user: following progress, assigning courses or reviewing evidence. */
export function teaches(perms: { has(permission: string): boolean }): boolean {
  return perms.has('progress.read') || perms.has('course.assign') || perms.has('evidence.review');
}

function TeachingArea() {
  const perms = usePermissions();
  if (!teaches(perms)) return <NoAccess />;
  return (
    <>
      <TeachingNav />
      <Outlet />
    </>
  );
}

/** /giang-day/*: teachers and managers: the class's progress, assigning courses, reviewing evidence. */
export function TeachingLayout() {
  return (
    <RequireSignIn>
      <TeachingArea />
    </RequireSignIn>
  );
}
