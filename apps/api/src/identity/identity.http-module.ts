import { Module } from '@nestjs/common';
import { AdminBootstrapService, IdentityModule } from '@lms/identity';
import { OrgModule } from '@lms/org';
import { AuthController } from './auth.controller';
import { AuthThrottlerModule } from './auth-throttling';
import { MeController } from './me.controller';
import { RegistrationController } from './registration.controller';
import { WebAuthController } from './web-auth.controller';

/** The HTTP side of identity: sign-in and the caller's own account. */
@Module({ imports: [IdentityModule, OrgModule, AuthThrottlerModule], controllers: [AuthController, WebAuthController, MeController, RegistrationController], providers: [AdminBootstrapService] })
export class IdentityHttpModule {}
