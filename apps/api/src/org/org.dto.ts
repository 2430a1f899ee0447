import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMUNE_KINDS, INSTITUTION_KINDS, ORG_UNIT_TYPES, OWNERSHIPS, type CommuneKind, type InstitutionKind, type OrgUnit, type OrgUnitType, type Ownership } from '@lms/org';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateOrgUnitDto {
  @ApiProperty({ enum: ORG_UNIT_TYPES }) @IsIn(ORG_UNIT_TYPES)
  type!: OrgUnitType;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Trường Tiểu học Lê Văn Tám' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({ enum: COMMUNE_KINDS }) @IsOptional() @IsIn(COMMUNE_KINDS)
  communeKind?: CommuneKind;

  @ApiPropertyOptional({ enum: INSTITUTION_KINDS }) @IsOptional() @IsIn(INSTITUTION_KINDS)
  institutionKind?: InstitutionKind;

  @ApiPropertyOptional({ enum: OWNERSHIPS }) @IsOptional() @IsIn(OWNERSHIPS)
  ownership?: Ownership;

  @ApiPropertyOptional({ minimum: 1, maximum: 12 }) @IsOptional() @IsInt() @Min(1) @Max(12)
  grade?: number;

  @ApiPropertyOptional({ maxLength: 64, example: 'K67' }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(64)
  cohort?: string;
}

export class UpdateOrgUnitDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Move the unit (and everything beneath) under this parent; null makes it a root (departments only)' })
  @IsOptional() @IsUUID()
  parentId?: string | null;
}

export class ListOrgUnitsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Children of this unit; without it, the roots' }) @IsOptional() @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Instead of children: units within reach whose name contains these words, with or without diacritics (at most 50)' })
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ORG_UNIT_TYPES, description: 'With q: only units of this type' }) @IsOptional() @IsIn(ORG_UNIT_TYPES)
  type?: OrgUnitType;

  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean()
  includeArchived?: boolean;
}

export class SubtreeQuery {
  @ApiPropertyOptional({ enum: ORG_UNIT_TYPES }) @IsOptional() @IsIn(ORG_UNIT_TYPES)
  type?: OrgUnitType;

  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean()
  includeArchived?: boolean;
}

export class OrgUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ORG_UNIT_TYPES }) type!: OrgUnitType;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) parentId!: string | null;
  @ApiProperty({ type: [String], description: 'Ids from the root down to the parent' }) ancestorIds!: string[];
  @ApiProperty() depth!: number;
  @ApiProperty({ enum: COMMUNE_KINDS, nullable: true }) communeKind!: CommuneKind | null;
  @ApiProperty({ enum: INSTITUTION_KINDS, nullable: true }) institutionKind!: InstitutionKind | null;
  @ApiProperty({ enum: OWNERSHIPS, nullable: true }) ownership!: Ownership | null;
  @ApiProperty({ type: Number, nullable: true }) grade!: number | null;
  @ApiProperty({ type: String, nullable: true }) cohort!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) archivedAt!: string | null;
}

export class OrgUnitListDto {
  @ApiProperty({ type: [OrgUnitDto] }) items!: OrgUnitDto[];
}

export function toOrgUnitDto(unit: OrgUnit): OrgUnitDto {
  const ids = unit.path.split('/').filter(Boolean);
  const ancestorIds = ids.slice(0, -1);
  return {
    id: unit.id,
    type: unit.type,
    name: unit.name,
    code: unit.code,
    parentId: unit.parentId,
    ancestorIds,
    depth: ancestorIds.length,
    communeKind: unit.communeKind,
    institutionKind: unit.institutionKind,
    ownership: unit.ownership,
    grade: unit.grade,
    cohort: unit.cohort,
    archivedAt: unit.archivedAt ? unit.archivedAt.toISOString() : null,
  };
}
