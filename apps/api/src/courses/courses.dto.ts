import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIENCES, type Audience, COLLABORATOR_ROLES, COURSE_STATUSES, type CollaboratorRole, type Course, type CourseStatus, LESSON_KINDS, type LessonKind, type Outline } from '@lms/courses';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().normalize('NFC') : value);
const emptyToNull = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim().normalize('NFC') : value);

export class CompetencyTagDto {
  @ApiProperty({ example: '4.2', description: 'A competency code of TT 02/2025 (1.1 … 6.3)' }) @IsString() @Matches(/^\d\.\d$/)
  code!: string;
  @ApiProperty({ minimum: 1, maximum: 8, example: 2 }) @IsInt() @Min(1) @Max(8)
  level!: number;
}

export class CreateCourseDto {
  @ApiProperty({ maxLength: 200, example: 'An toàn thông tin cho học sinh tiểu học' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  titleVi!: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(200)
  titleEn?: string | null;
  @ApiProperty({ maxLength: 2000 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000)
  summaryVi!: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(2000)
  summaryEn?: string | null;
  @ApiProperty({ enum: AUDIENCES, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(AUDIENCES, { each: true })
  audiences!: Audience[];
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 12 }) @IsOptional() @IsInt() @Min(1) @Max(12)
  gradeMin?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 12 }) @IsOptional() @IsInt() @Min(1) @Max(12)
  gradeMax?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 100000 }) @IsOptional() @IsInt() @Min(1) @Max(100_000)
  estimatedMinutes?: number | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID()
  coverAssetId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The institution or department that owns the course' }) @IsOptional() @IsUUID()
  ownerUnitId?: string | null;
  @ApiPropertyOptional({ maxLength: 64, example: 'CC BY 4.0' }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(64)
  licence?: string;
}

export class UpdateCourseDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  titleVi?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(200)
  titleEn?: string | null;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(2000)
  summaryVi?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(2000)
  summaryEn?: string | null;
  @ApiPropertyOptional({ enum: AUDIENCES, isArray: true }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(AUDIENCES, { each: true })
  audiences?: Audience[];
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 12 }) @IsOptional() @IsInt() @Min(1) @Max(12)
  gradeMin?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 12 }) @IsOptional() @IsInt() @Min(1) @Max(12)
  gradeMax?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100_000)
  estimatedMinutes?: number | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID()
  coverAssetId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID()
  ownerUnitId?: string | null;
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(64)
  licence?: string;
}

export class SectionDto {
  @ApiProperty({ maxLength: 200, example: 'Chương 1. Mật khẩu an toàn' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  titleVi!: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(200)
  titleEn?: string | null;
}

export class UpdateSectionDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  titleVi?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(200)
  titleEn?: string | null;
}

export class OrderSectionsDto {
  @ApiProperty({ type: [String], format: 'uuid' }) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  sectionIds!: string[];
}

export class OrderLessonsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The lessons of the section in order; lessons of other sections listed here move into it' })
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  lessonIds!: string[];
}

export class LessonDto {
  @ApiProperty({ enum: LESSON_KINDS }) @IsIn(LESSON_KINDS)
  kind!: LessonKind;
  @ApiProperty({ maxLength: 200 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  titleVi!: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(200)
  titleEn?: string | null;
  @ApiPropertyOptional({ default: true, description: 'Counts towards completing the course' }) @IsOptional() @IsBoolean()
  required?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10_000)
  estimatedMinutes?: number | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'video/audio/slides/file: { assetId }; text: { markdown }; gallery: { assetIds }; external: { url, provider?, instructions? }; quiz: {}',
  })
  @IsOptional() @IsObject()
  content?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [CompetencyTagDto] }) @IsOptional() @IsArray() @ArrayMaxSize(24) @ValidateNested({ each: true }) @Type(() => CompetencyTagDto)
  competencies?: CompetencyTagDto[];
}

export class UpdateLessonDto {
  @ApiPropertyOptional({ enum: LESSON_KINDS }) @IsOptional() @IsIn(LESSON_KINDS)
  kind?: LessonKind;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200)
  titleVi?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(200)
  titleEn?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  required?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10_000)
  estimatedMinutes?: number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject()
  content?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [CompetencyTagDto] }) @IsOptional() @IsArray() @ArrayMaxSize(24) @ValidateNested({ each: true }) @Type(() => CompetencyTagDto)
  competencies?: CompetencyTagDto[];
}

export class CollaboratorDto {
  @ApiProperty({ enum: COLLABORATOR_ROLES }) @IsIn(COLLABORATOR_ROLES)
  role!: CollaboratorRole;
}

export class ImportPackageQuery {
  @ApiProperty({ format: 'uuid', description: 'The unit that will own the imported course' }) @IsUUID()
  ownerUnitId!: string;
}

export class CatalogQueryDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'an toan thong tin', description: 'Words of the title or summary, with or without diacritics' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: AUDIENCES }) @IsOptional() @IsIn(AUDIENCES)
  audience?: Audience;
  @ApiPropertyOptional({ minimum: 1, maximum: 12 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12)
  grade?: number;
  @ApiPropertyOptional({ example: '4.2' }) @IsOptional() @IsString() @Matches(/^\d\.\d$/)
  competency?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 8 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(8)
  level?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Courses owned by this unit or a unit beneath it' }) @IsOptional() @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

// ---- answers --------------------------------------------------------------------------------

export class OutlineLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind!: LessonKind;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: Number, nullable: true }) estimatedMinutes!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) content!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Sanitised HTML of a text lesson' }) bodyHtml!: string | null;
  @ApiProperty({ type: [CompetencyTagDto] }) competencies!: CompetencyTagDto[];
}

export class OutlineSectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty({ type: [OutlineLessonDto] }) lessons!: OutlineLessonDto[];
}

export class CourseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty() summaryVi!: string;
  @ApiProperty({ type: String, nullable: true }) summaryEn!: string | null;
  @ApiProperty({ enum: AUDIENCES, isArray: true }) audiences!: Audience[];
  @ApiProperty({ type: Number, nullable: true }) gradeMin!: number | null;
  @ApiProperty({ type: Number, nullable: true }) gradeMax!: number | null;
  @ApiProperty({ type: Number, nullable: true }) estimatedMinutes!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) coverAssetId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) ownerUnitId!: string | null;
  @ApiProperty() licence!: string;
  @ApiProperty({ enum: COURSE_STATUSES }) status!: CourseStatus;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) publishedRevisionId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CollaboratorViewDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: COLLABORATOR_ROLES }) role!: CollaboratorRole;
}

export class RevisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CanDto {
  @ApiProperty() edit!: boolean;
  @ApiProperty() review!: boolean;
}

export class OutlineDto {
  @ApiProperty({ type: CourseDto }) course!: CourseDto;
  @ApiProperty({ type: [OutlineSectionDto] }) sections!: OutlineSectionDto[];
  @ApiProperty({ type: [CollaboratorViewDto] }) collaborators!: CollaboratorViewDto[];
  @ApiProperty({ type: [RevisionDto] }) revisions!: RevisionDto[];
  @ApiProperty({ type: CanDto }) can!: CanDto;
}

export class CourseListDto {
  @ApiProperty({ type: [CourseDto] }) items!: CourseDto[];
}

export class CatalogItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty() summaryVi!: string;
  @ApiProperty({ type: String, nullable: true }) summaryEn!: string | null;
  @ApiProperty({ type: [String] }) audiences!: string[];
  @ApiProperty({ type: Number, nullable: true }) gradeMin!: number | null;
  @ApiProperty({ type: Number, nullable: true }) gradeMax!: number | null;
  @ApiProperty({ type: Number, nullable: true }) estimatedMinutes!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) coverAssetId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) ownerUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerUnitName!: string | null;
  @ApiProperty({ type: [String] }) competencyCodes!: string[];
  @ApiProperty() lessonCount!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

export class CatalogPageDto {
  @ApiProperty({ type: [CatalogItemDto] }) items!: CatalogItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PublishedLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind!: LessonKind;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: Number, nullable: true }) estimatedMinutes!: number | null;
  @ApiProperty({ type: [CompetencyTagDto] }) competencies!: CompetencyTagDto[];
}

export class PublishedSectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty({ type: [PublishedLessonDto] }) lessons!: PublishedLessonDto[];
}

export class PublishedCourseDto extends CatalogItemDto {
  @ApiProperty() revision!: number;
  @ApiProperty() licence!: string;
  @ApiProperty({ type: [PublishedSectionDto] }) sections!: PublishedSectionDto[];
}

export class PublishedLessonViewDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() courseTitleVi!: string;
  @ApiProperty({ type: String, nullable: true }) courseTitleEn!: string | null;
  @ApiProperty() revision!: number;
  @ApiProperty({ format: 'uuid' }) sectionId!: string;
  @ApiProperty() sectionTitleVi!: string;
  @ApiProperty({ type: OutlineLessonDto }) lesson!: OutlineLessonDto;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) previousLessonId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) nextLessonId!: string | null;
}

export function toCourseDto(c: Course): CourseDto {
  return {
    id: c.id,
    titleVi: c.titleVi,
    titleEn: c.titleEn,
    summaryVi: c.summaryVi,
    summaryEn: c.summaryEn,
    audiences: c.audiences,
    gradeMin: c.gradeMin,
    gradeMax: c.gradeMax,
    estimatedMinutes: c.estimatedMinutes,
    coverAssetId: c.coverAssetId,
    ownerUnitId: c.ownerUnitId,
    licence: c.licence,
    status: c.status,
    publishedRevisionId: c.publishedRevisionId,
    publishedAt: c.publishedAt ? new Date(c.publishedAt).toISOString() : null,
    updatedAt: new Date(c.updatedAt).toISOString(),
  };
}

export function toOutlineDto(outline: Outline): OutlineDto {
  return { course: toCourseDto(outline.course), sections: outline.sections, collaborators: outline.collaborators, revisions: outline.revisions, can: outline.can };
}
