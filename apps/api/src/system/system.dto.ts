import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class MetaDto {
  @ApiProperty({ example: 'Bình dân học vụ số — Hải Phòng' }) name!: string;
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({ enum: ['vi', 'en'], isArray: true }) languages!: Array<'vi' | 'en'>;
  @ApiProperty({ enum: ['vi', 'en'] }) defaultLanguage!: 'vi' | 'en';
}

export class SystemInfoDto {
  @ApiProperty() version!: string;
  @ApiProperty({ format: 'uuid' }) installationId!: string;
  @ApiProperty({ enum: ['fs', 's3'] }) storageDriver!: 'fs' | 's3';
  @ApiProperty({ enum: ['bullmq', 'inline'] }) jobsDriver!: 'bullmq' | 'inline';
  @ApiProperty() redisConfigured!: boolean;
  @ApiProperty() databaseVersion!: string;
  @ApiProperty({ type: [String] }) appliedMigrations!: string[];
}

/** What the web app sends when a page crashes in a learner's browser. */
export class ClientErrorReportDto {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000)
  message!: string;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ maxLength: 8000 }) @IsOptional() @IsString() @MaxLength(8000)
  stack?: string;

  @ApiPropertyOptional({ enum: ['vi', 'en'] }) @IsOptional() @IsIn(['vi', 'en'])
  language?: 'vi' | 'en';
}

export class AcceptedDto {
  @ApiProperty({ example: true }) accepted!: boolean;
  @ApiProperty() requestId!: string;
}
