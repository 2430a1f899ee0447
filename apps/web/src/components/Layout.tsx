import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { usePermissions } from '../session/permissions';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitcher } from './LanguageSwitcher';

/** After a client-side navigation, move focus to the new page's heading so screen readers announce it. */
function useFocusHeadingOnNavigation(mainRef: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  // The path focus was last settled for: the first render (a page load) keeps the browser's focus,
  // and StrictMode's repeated effect for the same path changes nothing.
  const settled = useRef<string | null>(null);
  useEffect(() => {
    const previous = settled.current;
    settled.current = pathname;
    if (previous === null || previous === pathname) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [pathname, mainRef]);
}

export function Layout() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(mainRef);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to="/" className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitcher />
            <AccountMenu />
          </div>
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container site-nav__list">
            <li>
              <NavLink to="/" end className="site-nav__link">
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/khoa-hoc" className="site-nav__link">
                {t('nav.catalog')}
              </NavLink>
            </li>
            {perms.has('course.learn') && (
              <li>
                <NavLink to="/hoc-tap" className="site-nav__link">
                  {t('nav.learning')}
                </NavLink>
              </li>
            )}
            {(perms.has('progress.read') || perms.has('course.assign') || perms.has('evidence.review')) && (
              <li>
                <NavLink to="/giang-day" className="site-nav__link">
                  {t('nav.teaching')}
                </NavLink>
              </li>
            )}
            {perms.has('course.author') && (
              <li>
                <NavLink to="/soan-bai" className="site-nav__link">
                  {t('nav.authoring')}
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/status" className="site-nav__link">
                {t('nav.status')}
              </NavLink>
            </li>
            {perms.has('child.read') && (
              <li>
                <NavLink to="/con-cua-toi" className="site-nav__link">
                  {t('nav.children')}
                </NavLink>
              </li>
            )}
            {perms.administers && (
              <li>
                <NavLink to="/quan-tri" className="site-nav__link">
                  {t('nav.admin')}
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p className="site-footer__name">{t('app.fullName')}</p>
          <p>{t('footer.about')}</p>
          <p>{t('footer.framework')}</p>
        </div>
      </footer>
    </div>
  );
}
