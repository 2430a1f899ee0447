import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { APP_CONFIG, Public, type AppConfig } from '@lms/core';
import {
  ACCESS_COOKIE,
  AuthService,
  CSRF_COOKIE,
  CSRF_HEADER,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  RefreshTokenInvalidException,
  assertCsrf,
  newCsrfToken,
  type IssuedTokens,
} from '@lms/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from './auth.controller';
import { LoginDto } from './identity.dto';

export class WebSessionDto {
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn!: number;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({ description: 'Also in the readable lms_csrf cookie; send it as X-CSRF-Token on unsafe requests' }) csrfToken!: string;
}

/**
 * Sign-in for the web app: the same rules as /auth/login, but the tokens go into httpOnly cookies
 * (scripts cannot read them), with a CSRF token for the double-submit check.
 */
@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth/web')
export class WebAuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'webLogin', summary: 'Đăng nhập trên web / Sign in from the web app (cookie session)' })
  @ApiOkResponse({ type: WebSessionDto })
  @ApiUnauthorizedResponse({ description: 'AUTH_INVALID_CREDENTIALS' })
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<WebSessionDto> {
    return this.startSession(reply, await this.auth.login(body.username, body.password, originOf(request)));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ operationId: 'webRefresh', summary: 'Renew the web session (rotates the refresh cookie)' })
  @ApiHeader({ name: CSRF_HEADER, required: true })
  @ApiOkResponse({ type: WebSessionDto })
  @ApiUnauthorizedResponse({ description: 'AUTH_REFRESH_INVALID' })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<WebSessionDto> {
    assertCsrf(request);
    const refreshToken = request.cookies[REFRESH_COOKIE];
    if (!refreshToken) throw new RefreshTokenInvalidException();
    return this.startSession(reply, await this.auth.refresh(refreshToken, originOf(request)));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ operationId: 'webLogout', summary: 'Đăng xuất trên web / End the web session' })
  @ApiHeader({ name: CSRF_HEADER, required: true })
  @ApiNoContentResponse()
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    assertCsrf(request);
    const refreshToken = request.cookies[REFRESH_COOKIE];
    if (refreshToken) await this.auth.logout(refreshToken, originOf(request));
    const cookies = this.cookies();
    void reply
      .clearCookie(ACCESS_COOKIE, cookies.access)
      .clearCookie(REFRESH_COOKIE, cookies.refresh)
      .clearCookie(CSRF_COOKIE, cookies.csrf);
  }

  private startSession(reply: FastifyReply, tokens: IssuedTokens): WebSessionDto {
    const cookies = this.cookies();
    const csrfToken = newCsrfToken();
    const refreshMaxAge = this.config.auth.refreshTtlDays * 86_400;
    void reply
      .setCookie(ACCESS_COOKIE, tokens.accessToken, { ...cookies.access, maxAge: tokens.expiresIn })
      .setCookie(REFRESH_COOKIE, tokens.refreshToken, { ...cookies.refresh, maxAge: refreshMaxAge })
      .setCookie(CSRF_COOKIE, csrfToken, { ...cookies.csrf, maxAge: refreshMaxAge });
    return { expiresIn: tokens.expiresIn, mustChangePassword: tokens.mustChangePassword, csrfToken };
  }

  /** The three cookies' attributes, the same when set and when cleared (else browsers keep them). */
  private cookies() {
    const secure = this.config.http.publicUrl.startsWith('https://');
    return {
      access: { path: '/', httpOnly: true, sameSite: 'lax', secure },
      refresh: { path: REFRESH_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure },
      csrf: { path: '/', httpOnly: false, sameSite: 'lax', secure },
    } as const;
  }
}
