import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import { createSigner, createVerifier } from 'fast-jwt';

export interface AccessClaims {
  sub: string;
  usr: string;
  roles: string[];
  /** Must change password: until then the token opens only the caller's own profile. */
  mcp?: boolean;
}

/**
 * Access tokens: short-lived HS256 JWTs, checked on every authenticated request. `fast-jwt` with
 * its verified-token cache is used instead of `jsonwebtoken`: the latter was measured at ~2,100
 * verifications/s per core, which would cap the api (see docs/decisions/0002-access-tokens.md).
 * Refresh tokens are opaque random strings; only their SHA-256 is stored.
 */
@Injectable()
export class TokenService {
  private readonly sign: (claims: AccessClaims) => string;
  private readonly verify: (token: string) => AccessClaims;
  readonly accessTtlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    let secret = config.auth.jwtSecret;
    if (!secret) {
      secret = randomBytes(32).toString('hex');
      new Logger(TokenService.name).warn('AUTH_JWT_SECRET is not set: using a per-process secret (tokens end with the process; set it for several replicas).');
    }
    this.accessTtlSeconds = config.auth.accessTtlSeconds;
    this.sign = createSigner({ key: secret, algorithm: 'HS256', expiresIn: this.accessTtlSeconds * 1000, iss: 'lms' });
    this.verify = createVerifier({ key: secret, algorithms: ['HS256'], allowedIss: 'lms', cache: 10_000, cacheTTL: this.accessTtlSeconds * 1000 });
  }

  issueAccessToken(claims: AccessClaims): string {
    return this.sign(claims);
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  verifyAccessToken(token: string): AccessClaims | null {
    try {
      const claims = this.verify(token);
      if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) return null;
      return claims;
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefreshToken(token) };
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
