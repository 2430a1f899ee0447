import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const IS_PUBLIC_KEY = 'lms:isPublic';
export const PERMISSION_KEY = 'lms:permission';

/**
 * Permissions are dotted strings (`course.update`, `report.read`). Every route that is not
 * `@Public()` declares one with `@RequirePermission()`; the global guard denies anything else.
 */
export type Permission = `${string}.${string}`;

/** Opts a route (or a whole controller) out of authentication. Use sparingly. */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension('x-lms-public', true));

/** Declares the permission a route needs and documents the bearer requirement in OpenAPI. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    // In the OpenAPI document too, so the authorisation matrix test finds every route's rule.
    ApiExtension('x-lms-permission', permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' }),
    ApiForbiddenResponse({ description: 'FORBIDDEN' }),
  );

/** Who is calling, once a credential has been checked. */
export interface Principal {
  userId: string;
  username: string;
  roles: readonly string[];
  permissions: ReadonlySet<string>;
}

/** The request as the authenticator sees it. */
export interface CredentialSource {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed cookies (the web app's session lives in httpOnly cookies). */
  cookies?: Record<string, string | undefined>;
}

/**
 * Turns a request's credential into a Principal, or null when there is none or it is not valid.
 * The identity module provides it; without one no credential is accepted.
 */
export interface Authenticator {
  authenticate(request: CredentialSource): Promise<Principal | null>;
}
export const AUTHENTICATOR = Symbol('AUTHENTICATOR');
