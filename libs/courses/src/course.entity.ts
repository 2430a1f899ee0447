// Entity files are loaded by glob (migrations, the tests' set-up) where the @lms aliases do not
// resolve: the entities of other libs that relations point at are imported by relative path.
// eslint-disable-next-line no-restricted-imports
import { UserAccount } from '../../identity/src/user.entity';
// eslint-disable-next-line no-restricted-imports
import { OrgUnit } from '../../org/src/org-unit.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const AUDIENCES = ['staff', 'teacher', 'student', 'parent', 'community'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const COURSE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const LESSON_KINDS = ['video', 'audio', 'slides', 'text', 'gallery', 'file', 'external', 'quiz'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];
export const COLLABORATOR_ROLES = ['owner', 'editor', 'reviewer'] as const;
export type CollaboratorRole = (typeof COLLABORATOR_ROLES)[number];

export interface CompetencyTagValue {
  code: string;
  level: number;
}

/**
 * A course as its authors work on it (the working copy). What learners see is the published
 * revision (`course_revision`, immutable) and its catalogue entry; `status` is the working copy's
 * place in the workflow: draft → in_review → published → archived.
 */
@Entity({ name: 'course' })
@Index('ix_course_owner_unit', ['ownerUnitId'])
export class Course {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 200 }) titleVi!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) titleEn!: string | null;
  @Column({ type: 'text' }) summaryVi!: string;
  @Column({ type: 'text', nullable: true }) summaryEn!: string | null;
  @Column({ type: 'varchar', length: 16, array: true }) audiences!: Audience[];
  @Column({ type: 'smallint', nullable: true }) gradeMin!: number | null;
  @Column({ type: 'smallint', nullable: true }) gradeMax!: number | null;
  @Column({ type: 'integer', nullable: true }) estimatedMinutes!: number | null;
  @Column({ type: 'uuid', nullable: true }) coverAssetId!: string | null;
  /** The institution or department that owns the course (its managers review and may edit it). */
  @Column({ type: 'uuid', nullable: true }) ownerUnitId!: string | null;
  @Column({ type: 'varchar', length: 64 }) licence!: string;
  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'owner_unit_id' }) ownerUnit?: OrgUnit;
  @Column({ type: 'varchar', length: 16 }) status!: CourseStatus;
  @Column({ type: 'uuid', nullable: true }) publishedRevisionId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'course_section' })
@Index('ix_course_section_course', ['courseId', 'position'])
export class CourseSection {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 200 }) titleVi!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) titleEn!: string | null;
}


/**
 * One lesson. `content` holds what its kind needs: `{ assetId }` for video, audio, slides and file;
 * `{ markdown }` for text (with `bodyHtml` its sanitised rendering); `{ assetIds }` for a gallery;
 * `{ url, provider }` for an external course; `{}` for a quiz (the assessment issue fills it in).
 * Lesson ids stay the same across revisions, so progress keyed by lesson survives republishing.
 */
@Entity({ name: 'lesson' })
@Index('ix_lesson_section', ['sectionId', 'position'])
@Index('ix_lesson_course', ['courseId'])
export class Lesson {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'uuid' }) sectionId!: string;
  @ManyToOne(() => CourseSection, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'section_id' }) section?: CourseSection;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: LessonKind;
  @Column({ type: 'varchar', length: 200 }) titleVi!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) titleEn!: string | null;
  @Column({ type: 'boolean' }) required!: boolean;
  @Column({ type: 'integer', nullable: true }) estimatedMinutes!: number | null;
  @Column({ type: 'jsonb' }) content!: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) bodyHtml!: string | null;
  @Column({ type: 'jsonb' }) competencies!: CompetencyTagValue[];
}

/** An immutable snapshot of a course as published. */
@Entity({ name: 'course_revision' })
@Index('uq_course_revision_number', ['courseId', 'number'], { unique: true })
export class CourseRevision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'jsonb' }) snapshot!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) publishedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'course_collaborator' })
@Index('ix_course_collaborator_user', ['userId'])
export class CourseCollaborator {
  @PrimaryColumn({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserAccount;
  @Column({ type: 'varchar', length: 16 }) role!: CollaboratorRole;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/**
 * The catalogue: one row per published course, written at publishing from the revision (never
 * from the working copy), with the folded search text (`search` tsvector, GIN index written by
 * hand in the migration) and the filters flattened into arrays.
 */
@Entity({ name: 'course_catalog_entry' })
@Index('ix_course_catalog_search', { synchronize: false })
@Index('ix_course_catalog_filters', { synchronize: false })
@Index('ix_course_catalog_assets', { synchronize: false })
export class CourseCatalogEntry {
  @PrimaryColumn({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'uuid' }) revisionId!: string;
  @Column({ type: 'varchar', length: 200 }) titleVi!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) titleEn!: string | null;
  @Column({ type: 'text' }) summaryVi!: string;
  @Column({ type: 'text', nullable: true }) summaryEn!: string | null;
  @Column({ type: 'varchar', length: 16, array: true }) audiences!: string[];
  @Column({ type: 'smallint', nullable: true }) gradeMin!: number | null;
  @Column({ type: 'smallint', nullable: true }) gradeMax!: number | null;
  @Column({ type: 'integer', nullable: true }) estimatedMinutes!: number | null;
  @Column({ type: 'uuid', nullable: true }) coverAssetId!: string | null;
  @Column({ type: 'uuid', nullable: true }) ownerUnitId!: string | null;
  @Column({ type: 'text', nullable: true }) ownerUnitPath!: string | null;
  @Column({ type: 'varchar', length: 8, array: true }) competencyCodes!: string[];
  /** "code:level" pairs, so a filter on a competency at a level is one array containment. */
  @Column({ type: 'varchar', length: 12, array: true }) competencyLevels!: string[];
  @Column({ type: 'integer' }) lessonCount!: number;
  /** Every media asset the published revision uses (cover, lesson files, gallery images): who may stream them. */
  @Column({ type: 'uuid', array: true }) assetIds!: string[];
  /** Folded (no diacritics, lower case) titles and summaries, for the search vector. */
  @Column({ type: 'text' }) searchText!: string;
  @Column({ type: 'tsvector', select: false, nullable: true }) search!: string | null;
  @Column({ type: 'timestamptz' }) publishedAt!: Date;
}
