import { ThrottlerGuard } from '@nestjs/throttler';
import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public, requestIdOf } from '@lms/core';
import { AuthService, type RequestOrigin } from '@lms/identity';
import type { FastifyRequest } from 'fastify';
import { LoginDto, RefreshDto, TokensDto } from './identity.dto';

export function originOf(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip ?? null, requestId: requestIdOf(request.raw) };
}

@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: 'Đăng nhập / Sign in with username and password' })
  @ApiOkResponse({ type: TokensDto })
  @ApiUnauthorizedResponse({ description: 'AUTH_INVALID_CREDENTIALS (one answer for unknown users and wrong passwords)' })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokensDto> {
    return this.auth.login(body.username, body.password, originOf(request));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ operationId: 'refreshTokens', summary: 'Exchange a refresh token for new tokens (the refresh token rotates)' })
  @ApiOkResponse({ type: TokensDto })
  @ApiUnauthorizedResponse({ description: 'AUTH_REFRESH_INVALID' })
  refresh(@Body() body: RefreshDto, @Req() request: FastifyRequest): Promise<TokensDto> {
    return this.auth.refresh(body.refreshToken, originOf(request));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'Đăng xuất / End the session of this refresh token' })
  @ApiNoContentResponse()
  async logout(@Body() body: RefreshDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.logout(body.refreshToken, originOf(request));
  }
}
