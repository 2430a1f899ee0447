import { Injectable } from '@nestjs/common';
import type { Authenticator, CredentialSource, Principal } from '@lms/core';
import { SELF_PERMISSIONS, permissionsOf } from './roles';
import { TokenService } from './token.service';
import { ACCESS_COOKIE, assertCsrf } from './web-session';

/**
 * Access tokens (Bearer header, or the web app's httpOnly cookie with CSRF check) → Principal, without a database round trip: the roles travel in the
 * token, which lives `AUTH_ACCESS_TTL_SECONDS` (15 minutes by default).
 */
@Injectable()
export class JwtAuthenticator implements Authenticator {
  constructor(private readonly tokens: TokenService) {}

  async authenticate(request: CredentialSource): Promise<Principal | null> {
    const header = request.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    let token: string | undefined;
    if (value?.startsWith('Bearer ')) {
      token = value.slice(7).trim();
    } else if (!value && request.cookies?.[ACCESS_COOKIE]) {
      // The web app's cookie session: only with the CSRF token echoed on unsafe requests.
      token = request.cookies[ACCESS_COOKIE];
      assertCsrf(request);
    }
    if (!token) return null;
    const claims = this.tokens.verifyAccessToken(token);
    if (!claims) return null;
    // An imported account that has not chosen its own password yet may only see and change it.
    const permissions = claims.mcp ? SELF_PERMISSIONS : permissionsOf(claims.roles);
    return { userId: claims.sub, username: claims.usr, roles: claims.roles, permissions };
  }
}
