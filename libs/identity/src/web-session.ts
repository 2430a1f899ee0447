import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainException } from '@lms/core';

/**
 * The web app's session: the access token and the refresh token in httpOnly cookies (out of
 * reach of scripts), and a CSRF token in a readable cookie that the app echoes in `X-CSRF-Token`
 * on every unsafe request (double submit). API clients use `Authorization: Bearer` instead.
 */
export const ACCESS_COOKIE = 'lms_at';
export const REFRESH_COOKIE = 'lms_rt';
export const CSRF_COOKIE = 'lms_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const REFRESH_COOKIE_PATH = '/api/v1/auth/web';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfInvalidException extends DomainException {
  constructor() {
    super('CSRF_INVALID', 403, {
      vi: 'Phiên làm việc không hợp lệ. Vui lòng tải lại trang.',
      en: 'The request could not be verified. Please reload the page.',
    });
  }
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Unsafe methods sent with cookie credentials must echo the CSRF cookie in the header. */
export function assertCsrf(request: { method?: string; headers: Record<string, string | string[] | undefined>; cookies?: Record<string, string | undefined> }): void {
  if (SAFE_METHODS.has((request.method ?? 'GET').toUpperCase())) return;
  const cookie = request.cookies?.[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  if (!cookie || !sent || cookie.length !== sent.length || !timingSafeEqual(Buffer.from(cookie), Buffer.from(sent))) {
    throw new CsrfInvalidException();
  }
}
