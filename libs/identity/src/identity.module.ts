import { Module } from '@nestjs/common';
import { AUTHENTICATOR } from '@lms/core';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthService } from './auth.service';
import { IdentityRepository } from './identity.repository';
import { JwtAuthenticator } from './jwt.authenticator';
import { ProfileService } from './profile.service';
import { TokenService } from './token.service';

/** Accounts, sign-in, tokens, roles and the audit log. Provides the AUTHENTICATOR the guard uses. */
@Module({
  providers: [
    IdentityRepository,
    TokenService,
    AuthService,
    ProfileService,
    AdminBootstrapService,
    JwtAuthenticator,
    { provide: AUTHENTICATOR, useExisting: JwtAuthenticator },
  ],
  exports: [AuthService, ProfileService, TokenService, AUTHENTICATOR],
})
export class IdentityModule {}
