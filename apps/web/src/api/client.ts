import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage, type Language } from '../i18n';
import type { paths } from './schema';

/** The Accept-Language header for the interface language: the other language as a fallback. */
export function acceptLanguage(language: Language): string {
  return language === 'en' ? 'en, vi;q=0.8' : 'vi, en;q=0.8';
}

/** Every request tells the api which language the user reads, so its messages match. */
const languageMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', acceptLanguage(currentLanguage()));
    return request;
  },
};

// ---------------------------------------------------------------------------------------------
// The web session: the api keeps the tokens in httpOnly cookies (out of reach of scripts) and a
// CSRF token in the readable cookie `lms_csrf`, which every unsafe request echoes in
// `X-CSRF-Token` (double submit). An expired access token is renewed once, transparently.

export const CSRF_COOKIE = 'lms_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
/** The cookie-session routes (sign-in, refresh, sign-out): never retried after a refresh. */
export const WEB_AUTH_PREFIX = '/api/v1/auth/web/';
const REFRESH_PATH = `${WEB_AUTH_PREFIX}refresh`;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of the CSRF cookie, or null when there is no session on this device. */
export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === CSRF_COOKIE) {
      const value = part.slice(eq + 1).trim();
      try {
        return value ? decodeURIComponent(value) : null;
      } catch {
        return value || null;
      }
    }
  }
  return null;
}

/** Adds the CSRF header to an unsafe request (a no-op for GET/HEAD/OPTIONS or without a cookie). */
export function withCsrf(request: Request): Request {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return request;
  const token = readCsrfToken();
  if (token) request.headers.set(CSRF_HEADER, token);
  return request;
}

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/** Called when a refresh was refused: the session is over (the SessionProvider then signs out). */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

let refreshing: Promise<boolean> | null = null;

/**
 * Asks the api for new tokens (cookies). Concurrent callers share one request, so a page firing
 * several calls with an expired token refreshes only once (the refresh token rotates).
 * Resolves true when the session goes on, false when it is over.
 */
export function refreshTokens(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const headers = new Headers({ 'Accept-Language': acceptLanguage(currentLanguage()) });
      const token = readCsrfToken();
      if (!token) return false; // no session cookie: nothing to refresh
      headers.set(CSRF_HEADER, token);
      const response = await fetch(REFRESH_PATH, { method: 'POST', headers, credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) return true;
      if (response.status === 401 || response.status === 403) sessionEndedListeners.forEach((listener) => listener());
      return false;
    } catch {
      return false; // network failure: the caller keeps its 401
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * Whether a 401 means "no valid access token" (worth a refresh), not an answer of the route itself
 * such as a wrong current password (retrying that would count as a second failed attempt).
 */
async function needsSignIn(response: Response): Promise<boolean> {
  try {
    const body: unknown = await response.clone().json();
    const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
    return code === undefined || code === 'UNAUTHENTICATED';
  } catch {
    return true;
  }
}

/** What is needed to send a request again after a refresh (a body can be read only once). */
type Replay = { url: string; init: RequestInit };
const replays = new Map<string, Replay>();

const sessionMiddleware: Middleware = {
  async onRequest({ request, id }) {
    let prepared = withCsrf(request);
    const path = new URL(prepared.url, window.location.href).pathname;
    if (path.startsWith(WEB_AUTH_PREFIX)) return prepared;
    // The body is read into memory (not cloned: a cloned body is sent as a stream) and the request
    // rebuilt around it, so it can be sent a second time.
    const body = prepared.body === null ? null : await prepared.arrayBuffer();
    const init: RequestInit = {
      method: prepared.method,
      headers: prepared.headers,
      body,
      credentials: prepared.credentials,
      cache: prepared.cache,
      redirect: prepared.redirect,
      signal: prepared.signal,
    };
    replays.set(id, { url: prepared.url, init });
    if (body !== null) prepared = new Request(prepared.url, init);
    return prepared;
  },
  async onResponse({ response, id, options }) {
    const replay = replays.get(id);
    replays.delete(id);
    if (response.status !== 401 || !replay || !(await needsSignIn(response))) return undefined;
    if (!(await refreshTokens())) return undefined;
    // Sent again with the new cookies, and the new CSRF token (it rotates with the refresh).
    const send = options.fetch; // called unbound: window.fetch refuses another `this`
    return send(withCsrf(new Request(replay.url, { ...replay.init, headers: new Headers(replay.init.headers) })));
  },
  onError({ id }) {
    replays.delete(id);
    return undefined;
  },
};

/**
 * The typed api client. `baseUrl: ''`: the api serves this app, so every call is same-origin
 * (in development Vite proxies /api and /health to the api), and the session cookies go along.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(languageMiddleware, sessionMiddleware);

/** The error body of the api: `message` is already in the language of the request. */
export type ApiError = { code?: string; message?: string; requestId?: string };

export function apiErrorOf(error: unknown): ApiError {
  if (typeof error !== 'object' || error === null) return {};
  const record = error as Record<string, unknown>;
  return {
    code: typeof record.code === 'string' ? record.code : undefined,
    message: typeof record.message === 'string' ? record.message : undefined,
    requestId: typeof record.requestId === 'string' ? record.requestId : undefined,
  };
}
