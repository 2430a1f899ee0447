import { createContext, useContext } from 'react';
import type { components } from '../api/schema';

export type Profile = components['schemas']['ProfileDto'];
export type Role = components['schemas']['RoleAssignmentDto']['role'];

/** A failed call, in words for the user (the api's `message` is already in the user's language). */
export type Failure = { ok: false; code?: string; message: string };
export type SignInResult = { ok: true; mustChangePassword: boolean } | Failure;
export type ChangePasswordResult = { ok: true } | Failure;

export type SignOutReason = 'signedOut' | 'passwordChanged' | 'expired';

export type SessionState =
  /** Asking the api who is signed in (the first moment after a page load). */
  | { status: 'loading'; profile: null }
  /** `reason`: why the session ended in this page (null: nobody signed in since the page loaded). */
  | { status: 'signed-out'; profile: null; reason: SignOutReason | null }
  | { status: 'signed-in'; profile: Profile };

export type Session = SessionState & {
  /** Signs in with a username and password; on success the profile is loaded. */
  signIn(username: string, password: string): Promise<SignInResult>;
  /** Ends the session on the api (cookies cleared) and here. Never fails: local state is cleared anyway. */
  signOut(reason?: SignOutReason): Promise<void>;
  /** Reads the profile again (GET /me; an expired access token is renewed on the way). */
  refresh(): Promise<Profile | null>;
  /** Changes the password; on success every session has ended and this one is signed out. */
  changePassword(currentPassword: string, newPassword: string): Promise<ChangePasswordResult>;
};

export const SessionContext = createContext<Session | null>(null);

/** The current session: the signed-in profile (null when signed out) and the actions. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}

/** Only same-site paths are followed after sign-in (never `//host` or a full URL). */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/dang-nhap')) return null;
  return value;
}
