import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { RequirePermission, type Principal } from '@lms/core';
import { AuthService, ProfileService } from '@lms/identity';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { originOf } from './auth.controller';
import { ChangePasswordDto, ProfileDto } from './identity.dto';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @RequirePermission('profile.read')
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in account with its role assignments' })
  @ApiOkResponse({ type: ProfileDto })
  me(@CurrentPrincipal() principal: Principal): Promise<ProfileDto> {
    return this.profiles.profileOf(principal.userId);
  }

  @Post('password')
  @HttpCode(204)
  @RequirePermission('profile.update')
  @ApiOperation({ operationId: 'changeMyPassword', summary: 'Đổi mật khẩu / Change my password (ends every other session)' })
  @ApiNoContentResponse()
  @ApiUnprocessableEntityResponse({ description: 'PASSWORD_POLICY' })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.changePassword(principal.userId, body.currentPassword, body.newPassword, originOf(request));
  }
}
