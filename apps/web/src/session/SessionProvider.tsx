import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiErrorOf, onSessionEnded, readCsrfToken } from '../api/client';
import { SessionContext, type ChangePasswordResult, type Failure, type Profile, type Session, type SessionState, type SignInResult, type SignOutReason } from './session';


/** GET /me: the profile, or null when nobody is signed in. Throws on a network failure. */
async function fetchProfile(): Promise<Profile | null> {
  // No CSRF cookie, no web session (it lives as long as the refresh cookie): no need to ask, which
  // spares every signed-out page load a request and a 401.
  if (!readCsrfToken()) return null;
  const { data, response } = await api.GET('/api/v1/me', { cache: 'no-store' });
  if (response.ok && data) return data;
  return null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<SessionState>({ status: 'loading', profile: null });
  // Which load is the latest: an older answer must not overwrite a newer one (e.g. sign-out).
  const generation = useRef(0);

  const apply = useCallback((profile: Profile | null, reason: SignOutReason | null = null) => {
    setState(profile ? { status: 'signed-in', profile } : { status: 'signed-out', profile: null, reason });
  }, []);

  const refresh = useCallback(async (): Promise<Profile | null> => {
    const mine = ++generation.current;
    let profile: Profile | null;
    try {
      profile = await fetchProfile();
    } catch {
      profile = null; // the api cannot be reached: treat as signed out (the pages say so on their calls)
    }
    if (mine === generation.current) apply(profile);
    return profile;
  }, [apply]);

  useEffect(() => {
    void refresh();
    // A refused refresh (the session is over) signs out everywhere in the app.
    return onSessionEnded(() => {
      generation.current += 1;
      apply(null, 'expired');
    });
  }, [refresh, apply]);

  const failure = useCallback(
    (error: unknown): Failure => {
      const { code, message } = apiErrorOf(error);
      return { ok: false, code, message: message ?? t('session.unexpected') };
    },
    [t],
  );

  const signIn = useCallback(
    async (username: string, password: string): Promise<SignInResult> => {
      try {
        const { data, error } = await api.POST('/api/v1/auth/web/login', { body: { username, password } });
        if (!data) return failure(error);
        const profile = await refresh();
        if (!profile) return { ok: false, message: t('session.unexpected') };
        return { ok: true, mustChangePassword: profile.mustChangePassword };
      } catch {
        return { ok: false, message: t('session.unreachable') };
      }
    },
    [failure, refresh, t],
  );

  const signOut = useCallback(async (reason: SignOutReason = 'signedOut'): Promise<void> => {
    generation.current += 1;
    try {
      // The CSRF middleware sets the same header; given here because the route requires it.
      await api.POST('/api/v1/auth/web/logout', { params: { header: { 'x-csrf-token': readCsrfToken() ?? '' } } });
    } catch {
      // signed out here anyway; the cookies expire on their own
    }
    apply(null, reason);
  }, [apply]);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string): Promise<ChangePasswordResult> => {
      try {
        const { error, response } = await api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } });
        if (!response.ok) return failure(error);
      } catch {
        return { ok: false, message: t('session.unreachable') };
      }
      // Every session has ended on the api: clear the cookies of this one, and sign in again.
      await signOut('passwordChanged');
      return { ok: true };
    },
    [failure, signOut, t],
  );

  const session = useMemo<Session>(() => ({ ...state, signIn, signOut, refresh, changePassword }), [state, signIn, signOut, refresh, changePassword]);

  return <SessionContext value={session}>{children}</SessionContext>;
}
