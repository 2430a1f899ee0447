// Entity files are loaded by glob (migrations, the tests' set-up) where the @lms aliases do not
// resolve: the entities of other libs that relations point at are imported by relative path.
// eslint-disable-next-line no-restricted-imports
import { Course } from '../../courses/src/course.entity';
// eslint-disable-next-line no-restricted-imports
import { UserAccount } from '../../identity/src/user.entity';
// eslint-disable-next-line no-restricted-imports
import { OrgUnit } from '../../org/src/org-unit.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const ENROLMENT_MODES = ['open', 'key', 'assigned'] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];
export const ENROLMENT_SOURCES = ['self', 'key', 'assignment'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];
export const ASSIGNMENT_AUDIENCES = ['student', 'teacher', 'staff', 'parent'] as const;
export type AssignmentAudience = (typeof ASSIGNMENT_AUDIENCES)[number];
export const EVIDENCE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** How learners may enrol in a course on their own; a course without a row is `open`. */
@Entity({ name: 'course_enrolment_setting' })
export class CourseEnrolmentSetting {
  @PrimaryColumn({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'varchar', length: 16 }) mode!: EnrolmentMode;
  /** argon2id hash of the enrolment key (mode `key`). */
  @Column({ type: 'text', nullable: true }) keyHash!: string | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** A learner's own enrolment (self or with a key). Withdrawing sets `withdrawnAt`; progress stays. */
@Entity({ name: 'enrolment' })
@Index('uq_enrolment_course_user', ['courseId', 'userId'], { unique: true })
@Index('ix_enrolment_user', ['userId'])
export class Enrolment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserAccount;
  @Column({ type: 'varchar', length: 16 }) source!: EnrolmentSource;
  @Column({ type: 'timestamptz', default: () => 'now()' }) enrolledAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
}

/**
 * A course given to a subtree of the organisation: its audience there (students, optionally of one
 * grade; teachers; staff; the parents of its students), with a due date. Evaluated when asked, so it
 * covers whoever is in the subtree at that moment. Revoking keeps the row.
 */
@Entity({ name: 'course_assignment' })
@Index('ix_course_assignment_unit', ['unitId'])
@Index('ix_course_assignment_course', ['courseId'])
export class CourseAssignment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'uuid' }) unitId!: string;
  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'unit_id' }) unit?: OrgUnit;
  @Column({ type: 'varchar', length: 16 }) audience!: AssignmentAudience;
  @Column({ type: 'smallint', nullable: true }) grade!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) revokedBy!: string | null;
}

/**
 * One learner's progress in one lesson, merged from heartbeats: the media seconds played and the
 * pages shown as integer multiranges (a union is idempotent and order-free, so duplicates and
 * out-of-order events cannot inflate them), time spent, resume position, completion.
 */
@Entity({ name: 'lesson_progress' })
@Index('ix_lesson_progress_course', ['courseId', 'userId'])
export class LessonProgress {
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserAccount;
  @PrimaryColumn({ type: 'uuid' }) lessonId!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  /** What completion is measured against: the media's whole seconds, the page count, the reading seconds. */
  @Column({ type: 'integer', nullable: true }) target!: number | null;
  @Column({ type: 'int4multirange', default: () => "'{}'" }) watched!: string;
  @Column({ type: 'int4multirange', default: () => "'{}'" }) pages!: string;
  @Column({ type: 'real', default: 0 }) maxRatio!: number;
  @Column({ type: 'integer', default: 0 }) timeSpentSeconds!: number;
  @Column({ type: 'real', nullable: true }) position!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) positionAt!: Date | null;
  @Column({ type: 'smallint', default: 0 }) percent!: number;
  /** Best quiz score in percent (the assessment issue records attempts). */
  @Column({ type: 'real', nullable: true }) bestScore!: number | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}

/** A course completed: stored once, with the revision it was completed in. */
@Entity({ name: 'course_completion' })
@Index('ix_course_completion_course', ['courseId'])
export class CourseCompletion {
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserAccount;
  @PrimaryColumn({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'timestamptz' }) completedAt!: Date;
}

/**
 * Every progress event as an xAPI 1.0.3 statement (id = the event's id), so a Learning Record
 * Store endpoint can serve them later as they are. An append-only log: no foreign keys, so the
 * heartbeat's batched insert checks nothing it does not need to.
 */
@Entity({ name: 'xapi_statement' })
@Index('ix_xapi_statement_user', ['userId', 'stored'])
export class XapiStatement {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid', nullable: true }) lessonId!: string | null;
  @Column({ type: 'uuid', nullable: true }) courseId!: string | null;
  @Column({ type: 'varchar', length: 200 }) verb!: string;
  @Column({ type: 'jsonb' }) statement!: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) timestamp!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) stored!: Date;
}

/** Evidence (minh chứng) that a learner completed an external course, for a teacher to approve. */
@Entity({ name: 'lesson_evidence' })
@Index('ix_lesson_evidence_user', ['userId', 'lessonId'])
@Index('ix_lesson_evidence_status', ['status', 'submittedAt'])
export class LessonEvidence {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: UserAccount;
  @Column({ type: 'uuid' }) lessonId!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @ManyToOne(() => Course, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'course_id' }) course?: Course;
  @Column({ type: 'uuid' }) assetId!: string;
  @Column({ type: 'varchar', length: 16 }) status!: EvidenceStatus;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) submittedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) reviewedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
}
