import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROSTER_IMPORT_STATUSES, type RosterImport, type RosterImportStatus } from '@lms/roster';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class StartRosterImportQuery {
  @ApiProperty({ enum: ['students', 'staff'], description: 'Học sinh (students) or cán bộ, giáo viên (staff)' }) @IsIn(['students', 'staff'])
  kind!: 'students' | 'staff';

  @ApiPropertyOptional({ maxLength: 255, example: 'danh-sach-lop-4.xlsx', description: 'The file’s name as the user chose it' })
  @IsOptional() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MinLength(1) @MaxLength(255)
  fileName?: string;
}

export class RosterTemplateQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'xlsx' }) @IsOptional() @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

export class RosterRowErrorDto {
  @ApiProperty({ description: 'Row number as in the spreadsheet (the header is row 1)' }) row!: number;
  @ApiProperty({ type: String, nullable: true }) column!: string | null;
  @ApiProperty({ example: 'INVALID_DATE' }) code!: string;
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class RosterFailureDto {
  @ApiProperty({ example: 'ROSTER_ROW_ERRORS' }) code!: string;
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ type: [RosterRowErrorDto], description: 'The first row errors; the report has them all' }) sample!: RosterRowErrorDto[];
}

export class RosterImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ enum: ['students', 'staff'] }) kind!: 'students' | 'staff';
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format!: 'csv' | 'xlsx';
  @ApiProperty() fileName!: string;
  @ApiProperty() fileSize!: number;
  @ApiProperty({ enum: ROSTER_IMPORT_STATUSES }) status!: RosterImportStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Rows in the file, once it has been read' }) totalRows!: number | null;
  @ApiProperty({ description: 'Rows read (status reading) or written (status importing)' }) doneRows!: number;
  @ApiProperty() createdCount!: number;
  @ApiProperty() updatedCount!: number;
  @ApiProperty() unchangedCount!: number;
  @ApiProperty() parentsCreatedCount!: number;
  @ApiProperty() errorCount!: number;
  @ApiProperty({ type: RosterFailureDto, nullable: true }) failure!: RosterFailureDto | null;
  @ApiProperty({ description: 'A per-row error report can be downloaded' }) hasErrorReport!: boolean;
  @ApiProperty({ description: 'Account slips of the new accounts can be printed' }) hasSlips!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
}

export class RosterImportListDto {
  @ApiProperty({ type: [RosterImportDto] }) items!: RosterImportDto[];
}

export function toRosterImportDto(row: RosterImport): RosterImportDto {
  return {
    id: row.id,
    unitId: row.unitId,
    kind: row.kind,
    format: row.format,
    fileName: row.fileName,
    fileSize: row.fileSize,
    status: row.status,
    totalRows: row.totalRows,
    doneRows: row.doneRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    unchangedCount: row.unchangedCount,
    parentsCreatedCount: row.parentsCreatedCount,
    errorCount: row.errorCount,
    failure: row.failure ? { code: row.failure.code, vi: row.failure.vi, en: row.failure.en, sample: row.failure.sample ?? [] } : null,
    hasErrorReport: row.reportKey !== null,
    hasSlips: row.slipsKey !== null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}
