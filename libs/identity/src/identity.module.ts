import { Module } from '@nestjs/common';
import { AUTHENTICATOR } from '@lms/core';
import { AuthService } from './auth.service';
import { IdentityRepository } from './identity.repository';
import { JwtAuthenticator } from './jwt.authenticator';
import { OneTimeCodes } from './one-time-code';
import { ProfileService } from './profile.service';
import { TokenService } from './token.service';

/**
 * Accounts, sign-in, tokens, roles and the audit log. Provides the AUTHENTICATOR the guard uses.
 * The first administrator is created by `AdminBootstrapService`, which the api provides (not the
 * worker, which imports this module through the domains that need accounts).
 */
@Module({
  providers: [
    IdentityRepository,
    TokenService,
    OneTimeCodes,
    AuthService,
    ProfileService,
    JwtAuthenticator,
    { provide: AUTHENTICATOR, useExisting: JwtAuthenticator },
  ],
  exports: [AuthService, ProfileService, TokenService, OneTimeCodes, IdentityRepository, AUTHENTICATOR],
})
export class IdentityModule {}
