import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_UNIT_TYPES, type OrgUnitType } from '@lms/org';
import { ROLES, type Role, USER_STATUSES, type UserStatus } from '@lms/identity';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().normalize('NFC') : value);
const emptyToNull = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value);

export class RoleGrantDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The unit the role is held on; null: installation-wide (administrators only)' })
  @IsOptional() @IsUUID()
  unitId!: string | null;
}

export class CreatePersonDto {
  @ApiProperty({ minLength: 3, maxLength: 64, example: 'nguyenvanan', description: 'Letters, digits, dot, dash, underscore' })
  @Transform(trim) @IsString() @MinLength(3) @MaxLength(64) @Matches(/^[A-Za-z0-9._-]+$/, { message: 'username may hold only letters, digits, dot, dash and underscore' })
  username!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Nguyễn Văn An' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @IsEmail() @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912345678' }) @IsOptional() @Transform(emptyToNull) @Matches(/^\+?[0-9 .-]{8,20}$/) @MaxLength(32)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @Transform(emptyToNull) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Student code (mã định danh) or staff code' })
  @IsOptional() @Transform(emptyToNull) @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  personCode?: string | null;

  @ApiProperty({ type: [RoleGrantDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RoleGrantDto)
  roles!: RoleGrantDto[];
}

export class UpdatePersonDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @IsEmail() @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @Matches(/^\+?[0-9 .-]{8,20}$/) @MaxLength(32)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @Transform(emptyToNull) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  personCode?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'disabled'], description: 'active also unlocks a locked account' }) @IsOptional() @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';
}

export class ListPeopleQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only people holding a role in this unit’s subtree' }) @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name, username or code' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES }) @IsOptional() @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize?: number;
}

export class LinkChildDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  childId!: string;
}

export class PersonRoleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName!: string | null;
  @ApiProperty({ enum: ORG_UNIT_TYPES, nullable: true }) unitType!: OrgUnitType | null;
}

export class PersonSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, nullable: true }) personCode!: string | null;
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty({ type: [PersonRoleDto] }) roles!: PersonRoleDto[];
}

export class PersonLinkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) phone?: string | null;
}

export class PersonDto extends PersonSummaryDto {
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dateOfBirth!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [PersonLinkDto] }) parents!: PersonLinkDto[];
  @ApiProperty({ type: [PersonLinkDto] }) children!: PersonLinkDto[];
}

export class PersonPageDto {
  @ApiProperty({ type: [PersonSummaryDto] }) items!: PersonSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CreatedPersonDto {
  @ApiProperty({ type: PersonDto }) person!: PersonDto;
  @ApiProperty({ description: 'One-time sign-in code, shown only now: hand it to the person', example: '7KQ2-M9XD-4TRA' }) oneTimeCode!: string;
}

export class OneTimeCodeDto {
  @ApiProperty({ example: '7KQ2-M9XD-4TRA' }) oneTimeCode!: string;
}

export class ChildClassDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) institution!: string | null;
}

export class MyChildDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ type: [ChildClassDto] }) classes!: ChildClassDto[];
}

export class MyChildrenDto {
  @ApiProperty({ type: [MyChildDto] }) items!: MyChildDto[];
}
