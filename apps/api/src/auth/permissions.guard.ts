import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUTHENTICATOR, IS_PUBLIC_KEY, PERMISSION_KEY, commonError, type Authenticator, type Permission, type Principal } from '@lms/core';
import type { FastifyRequest } from 'fastify';

/**
 * The one global guard, deny by default: a route runs only when it is `@Public()`, or when it
 * declares a permission and the caller holds it. A route that declares neither is refused (and a
 * test fails on it before it ships).
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  private readonly logger = new Logger(PermissionsGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(AUTHENTICATOR) private readonly authenticator?: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no permission; refused.`);
      throw commonError('FORBIDDEN');
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const principal = this.authenticator ? await this.authenticator.authenticate(request) : null;
    if (!principal) throw commonError('UNAUTHENTICATED');
    if (!principal.permissions.has(permission)) throw commonError('FORBIDDEN');
    request.principal = principal;
    return true;
  }
}
