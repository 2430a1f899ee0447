import { ApiProperty } from '@nestjs/swagger';
import { ROLES, USER_STATUSES, type UserStatus } from '@lms/identity';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'quantri' }) @IsString() @MinLength(1) @MaxLength(64)
  username!: string;

  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(256)
  password!: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(512)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' }) @IsString() @MinLength(1) @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: 128 }) @IsString() @MaxLength(256)
  newPassword!: string;
}

export class TokensDto {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer …`' }) accessToken!: string;
  @ApiProperty({ description: 'Opaque; exchange it at /auth/refresh (it rotates)' }) refreshToken!: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn!: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'The account must choose a new password before anything else' }) mustChangePassword!: boolean;
}

export class RoleAssignmentDto {
  @ApiProperty({ enum: ROLES })
  role!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) unitId!: string | null;
}

export class GrantableRoleDto {
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: [String], nullable: true, description: 'Kinds of unit the role may be held on; null: installation-wide', example: ['institution', 'class'] }) unitTypes!: Array<string | null>;
}

export class ProfileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: ['vi', 'en'] }) preferredLanguage!: 'vi' | 'en';
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({ type: [RoleAssignmentDto] }) roles!: RoleAssignmentDto[];
  @ApiProperty({ type: [String], example: ['profile.read', 'profile.update', 'user.read'], description: 'What the roles allow (navigation only: every request is checked by the api)' }) permissions!: string[];
  @ApiProperty({ type: [GrantableRoleDto], description: 'Roles this person may grant to others' }) grantable!: GrantableRoleDto[];
  @ApiProperty({ description: 'Manages the organisation installation-wide (may create departments)' }) managesEverywhere!: boolean;
}
