import { Module } from '@nestjs/common';
import { IdentityModule } from '@lms/identity';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { WebAuthController } from './web-auth.controller';

/** The HTTP side of identity: sign-in and the caller's own account. */
@Module({ imports: [IdentityModule], controllers: [AuthController, WebAuthController, MeController] })
export class IdentityHttpModule {}
