import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ASSIGNMENT_AUDIENCES, ENROLMENT_MODES, ENROLMENT_SOURCES, EVIDENCE_STATUSES, type AssignmentAudience, type EnrolmentMode, type EvidenceStatus } from '@lms/learning';
import { LESSON_KINDS } from '@lms/courses';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const LESSON_STATUSES = ['not_started', 'in_progress', 'completed'] as const;

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export class EnrolmentSettingsDto {
  @ApiProperty({ enum: ENROLMENT_MODES, description: 'open: anyone may enrol; key: with the enrolment key; assigned: only by assignment' }) @IsIn(ENROLMENT_MODES)
  mode!: EnrolmentMode;
  @ApiPropertyOptional({ minLength: 4, maxLength: 64, description: 'A new enrolment key (kept hashed); required to switch to mode key the first time' }) @IsOptional() @Transform(trim) @IsString() @MinLength(4) @MaxLength(64)
  key?: string;
}

export class EnrolmentSettingsViewDto {
  @ApiProperty({ enum: ENROLMENT_MODES }) mode!: EnrolmentMode;
  @ApiProperty() hasKey!: boolean;
}

export class EnrolDto {
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64)
  key?: string;
}

export class EnrolmentDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ enum: ENROLMENT_SOURCES }) source!: string;
  @ApiProperty({ format: 'date-time' }) enrolledAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
}

export class CreateAssignmentDto {
  @ApiProperty({ format: 'uuid', description: 'The unit whose subtree the course is assigned to' }) @IsUUID()
  unitId!: string;
  @ApiProperty({ enum: ASSIGNMENT_AUDIENCES }) @IsIn(ASSIGNMENT_AUDIENCES)
  audience!: AssignmentAudience;
  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'Only students (or the parents of students) of this grade' }) @IsOptional() @IsInt() @Min(1) @Max(12)
  grade?: number;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString({ strict: true })
  dueAt?: string;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() courseTitleVi!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ASSIGNMENT_AUDIENCES }) audience!: string;
  @ApiProperty({ type: Number, nullable: true }) grade!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ description: 'People the assignment covers now' }) learnerCount!: number;
}

export class AssignmentListDto {
  @ApiProperty({ type: [AssignmentDto] }) items!: AssignmentDto[];
}

export class MatrixQueryDto {
  @ApiPropertyOptional({ enum: ASSIGNMENT_AUDIENCES, default: 'student' }) @IsOptional() @IsIn(ASSIGNMENT_AUDIENCES)
  audience?: AssignmentAudience;
}

export class MatrixExportQueryDto extends MatrixQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' }) @IsOptional() @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}

export class SubmitEvidenceDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() lessonId!: string;
  @ApiProperty({ format: 'uuid', description: 'The caller’s own upload with purpose evidence' }) @IsUUID() assetId!: string;
}

export class ReviewEvidenceDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000)
  note?: string;
}

export class EvidenceQueryDto {
  @ApiPropertyOptional({ enum: EVIDENCE_STATUSES }) @IsOptional() @IsIn(EVIDENCE_STATUSES)
  status?: EvidenceStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  unitId?: string;
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class EvidenceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ format: 'uuid' }) assetId!: string;
  @ApiProperty({ enum: EVIDENCE_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: PersonRefDto }) learner!: PersonRefDto;
  @ApiProperty() lessonTitleVi!: string;
  @ApiProperty() courseTitleVi!: string;
}

export class EvidenceListDto {
  @ApiProperty({ type: [EvidenceDto] }) items!: EvidenceDto[];
}

class ResumeDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() courseTitleVi!: string;
  @ApiProperty({ type: String, nullable: true }) courseTitleEn!: string | null;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() lessonTitleVi!: string;
  @ApiProperty({ type: String, nullable: true }) lessonTitleEn!: string | null;
  @ApiProperty({ enum: LESSON_KINDS }) kind!: string;
  @ApiProperty({ type: Number, nullable: true }) positionSeconds!: number | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class DashboardCourseDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) coverAssetId!: string | null;
  @ApiProperty({ enum: ENROLMENT_SOURCES }) source!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) enrolledAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty() requiredTotal!: number;
  @ApiProperty() requiredDone!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nextLessonId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActivityAt!: string | null;
}

export class LearningDashboardDto {
  @ApiProperty({ type: ResumeDto, nullable: true }) resume!: ResumeDto | null;
  @ApiProperty({ type: [DashboardCourseDto] }) courses!: DashboardCourseDto[];
}

class LessonEvidenceStateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EVIDENCE_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

class LessonProgressDto {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ enum: LESSON_STATUSES }) status!: string;
  @ApiProperty() percent!: number;
  @ApiProperty({ type: Number, nullable: true }) positionSeconds!: number | null;
  @ApiProperty() timeSpentSeconds!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: LessonEvidenceStateDto, nullable: true }) evidence!: LessonEvidenceStateDto | null;
}

export class CourseProgressDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() enrolled!: boolean;
  @ApiProperty({ enum: ENROLMENT_SOURCES, nullable: true }) source!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty() requiredTotal!: number;
  @ApiProperty() requiredDone!: number;
  @ApiProperty() percent!: number;
  @ApiProperty({ type: [LessonProgressDto] }) lessons!: LessonProgressDto[];
}

class ProfileEvidenceDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() courseTitleVi!: string;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() lessonTitleVi!: string;
  @ApiProperty({ enum: LESSON_KINDS }) kind!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class RecommendationDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() courseTitleVi!: string;
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() lessonTitleVi!: string;
  @ApiProperty({ type: String, nullable: true }) lessonTitleEn!: string | null;
  @ApiProperty() level!: number;
}

class CompetencyStandingDto {
  @ApiProperty({ example: '1.1' }) code!: string;
  @ApiProperty() nameVi!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ minimum: 0, maximum: 8 }) attainedLevel!: number;
  @ApiProperty({ type: Number, nullable: true }) expectedLevel!: number | null;
  @ApiProperty({ minimum: 0 }) gap!: number;
  @ApiProperty({ type: [ProfileEvidenceDto] }) evidence!: ProfileEvidenceDto[];
  @ApiProperty({ type: [RecommendationDto] }) recommendations!: RecommendationDto[];
}

class DomainStandingDto {
  @ApiProperty({ example: '1' }) code!: string;
  @ApiProperty() nameVi!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ type: [CompetencyStandingDto] }) competencies!: CompetencyStandingDto[];
}

class ProfileSummaryDto {
  @ApiProperty() attained!: number;
  @ApiProperty() expected!: number;
  @ApiProperty() met!: number;
}

export class CompetencyProfileDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: Number, nullable: true }) grade!: number | null;
  @ApiProperty({ type: String, nullable: true }) band!: string | null;
  @ApiProperty({ type: ProfileSummaryDto }) summary!: ProfileSummaryDto;
  @ApiProperty({ type: [DomainStandingDto] }) domains!: DomainStandingDto[];
}

class MatrixLessonDto {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty({ enum: LESSON_KINDS }) kind!: string;
  @ApiProperty() required!: boolean;
}

class MatrixCourseDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() titleVi!: string;
  @ApiProperty({ type: String, nullable: true }) titleEn!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: [MatrixLessonDto] }) lessons!: MatrixLessonDto[];
}

class MatrixLessonCellDto {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty({ enum: LESSON_STATUSES }) status!: string;
  @ApiProperty() percent!: number;
}

class MatrixCellDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() enrolled!: boolean;
  @ApiProperty() percent!: number;
  @ApiProperty() requiredDone!: number;
  @ApiProperty() requiredTotal!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: [MatrixLessonCellDto] }) lessons!: MatrixLessonCellDto[];
}

class MatrixLearnerDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ type: String, nullable: true }) personCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) className!: string | null;
  @ApiProperty({ type: [MatrixCellDto] }) cells!: MatrixCellDto[];
}

export class ProgressMatrixDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [MatrixCourseDto] }) courses!: MatrixCourseDto[];
  @ApiProperty({ type: [MatrixLearnerDto] }) learners!: MatrixLearnerDto[];
}
