import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { type Principal, Public, RequirePermission } from '@lms/core';
import { RegistrationService } from '@lms/org';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { originOf } from './auth.controller';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().normalize('NFC') : value);
const emptyToNull = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value);

export class RegistrationInfoDto {
  @ApiProperty({ enum: ['off', 'open', 'approval'], description: 'off: no self-registration; approval: a school manager accepts each one' })
  mode!: 'off' | 'open' | 'approval';
}

export class RegistrationInstitutionsQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name, with or without diacritics' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  q?: string;
}

export class RegistrationInstitutionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) commune!: string | null;
}

export class RegistrationInstitutionListDto {
  @ApiProperty({ type: [RegistrationInstitutionDto] }) items!: RegistrationInstitutionDto[];
}

export class RegisterDto {
  @ApiProperty({ enum: ['parent', 'learner'], description: 'Phụ huynh (parent) or người dân (community learner)' }) @IsIn(['parent', 'learner'])
  kind!: 'parent' | 'learner';

  @ApiProperty({ minLength: 3, maxLength: 64 }) @Transform(trim) @IsString() @MinLength(3) @MaxLength(64) @Matches(/^[A-Za-z0-9._-]+$/, { message: 'username may hold only letters, digits, dot, dash and underscore' })
  username!: string;

  @ApiProperty({ minLength: 1, maxLength: 200 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  displayName!: string;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: 256 }) @IsString() @MinLength(1) @MaxLength(256)
  password!: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID()
  institutionId!: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @Matches(/^\+?[0-9 .-]{8,20}$/) @MaxLength(32)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @IsEmail() @MaxLength(254)
  email?: string | null;
}

export class RegisteredDto {
  @ApiProperty({ enum: ['active', 'pending'], description: 'pending: the school must approve before the account can sign in' })
  status!: 'active' | 'pending';
}

@ApiTags('auth')
@Controller('registration')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @Get()
  @Public()
  @ApiOperation({ operationId: 'getRegistrationInfo', summary: 'Whether self-registration is open' })
  @ApiOkResponse({ type: RegistrationInfoDto })
  info(): RegistrationInfoDto {
    return { mode: this.registrations.mode };
  }

  @Get('institutions')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ operationId: 'listRegistrationInstitutions', summary: 'Institutions to choose when registering (only while registration is open)' })
  @ApiOkResponse({ type: RegistrationInstitutionListDto })
  @ApiForbiddenResponse({ description: 'REGISTRATION_CLOSED' })
  async institutions(@Query() query: RegistrationInstitutionsQuery): Promise<RegistrationInstitutionListDto> {
    return { items: await this.registrations.institutions(query.q) };
  }

  @Post()
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ operationId: 'register', summary: 'Đăng ký tài khoản / Register as a parent or community learner' })
  @ApiCreatedResponse({ type: RegisteredDto })
  @ApiForbiddenResponse({ description: 'REGISTRATION_CLOSED' })
  @ApiConflictResponse({ description: 'USERNAME_TAKEN' })
  register(@Body() body: RegisterDto, @Req() request: FastifyRequest): Promise<RegisteredDto> {
    return this.registrations.register(body, originOf(request));
  }

  @Post(':userId/approve')
  @HttpCode(204)
  @RequirePermission('registration.review')
  @ApiOperation({ operationId: 'approveRegistration', summary: 'Duyệt đăng ký / Accept a pending registration' })
  @ApiNoContentResponse()
  approve(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string): Promise<void> {
    return this.registrations.decide(principal, userId, true);
  }

  @Post(':userId/reject')
  @HttpCode(204)
  @RequirePermission('registration.review')
  @ApiOperation({ operationId: 'rejectRegistration', summary: 'Từ chối đăng ký / Reject a pending registration (the account is removed)' })
  @ApiNoContentResponse()
  reject(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string): Promise<void> {
    return this.registrations.decide(principal, userId, false);
  }
}
