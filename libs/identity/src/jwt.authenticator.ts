import { Injectable } from '@nestjs/common';
import type { Authenticator, CredentialSource, Principal } from '@lms/core';
import { permissionsOf } from './roles';
import { TokenService } from './token.service';

/**
 * Bearer access tokens → Principal, without a database round trip: the roles travel in the
 * token, which lives `AUTH_ACCESS_TTL_SECONDS` (15 minutes by default).
 */
@Injectable()
export class JwtAuthenticator implements Authenticator {
  constructor(private readonly tokens: TokenService) {}

  async authenticate(request: CredentialSource): Promise<Principal | null> {
    const header = request.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    if (!value || !value.startsWith('Bearer ')) return null;
    const claims = this.tokens.verifyAccessToken(value.slice(7).trim());
    if (!claims) return null;
    return { userId: claims.sub, username: claims.usr, roles: claims.roles, permissions: permissionsOf(claims.roles) };
  }
}
