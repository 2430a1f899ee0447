import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession, type SignOutReason } from '../session/session';

/** Where the sign-in page sends the user back to, and why they are there. */
export type SignInState = { from?: string; notice?: 'required' | SignOutReason };

/**
 * Shows `children` to a signed-in user only: anyone else goes to /dang-nhap (and comes back here
 * after signing in). An account that must change its password is sent to /doi-mat-khau first.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('session.loading')}
      </p>
    );
  }
  if (session.status === 'signed-out') {
    // After signing out or changing the password, the user starts afresh (not back to this page).
    const reason = session.reason;
    const state: SignInState =
      reason === 'signedOut' || reason === 'passwordChanged'
        ? { notice: reason }
        : { from: location.pathname + location.search, notice: reason ?? 'required' };
    return <Navigate to="/dang-nhap" replace state={state} />;
  }
  if (session.profile.mustChangePassword && location.pathname !== '/doi-mat-khau') {
    return <Navigate to="/doi-mat-khau" replace />;
  }
  return children;
}
