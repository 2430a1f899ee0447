import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROSTER_IMPORT_STATUSES = ['queued', 'reading', 'importing', 'completed', 'failed'] as const;
export type RosterImportStatus = (typeof ROSTER_IMPORT_STATUSES)[number];

export interface RosterFailure {
  code: string;
  vi: string;
  en: string;
  sample?: Array<{ row: number; column: string | null; code: string; vi: string; en: string }>;
}

/**
 * One uploaded roster file of an institution and what became of it. The file, the per-row error
 * report and the account slips (which hold one-time codes) live in object storage under the keys
 * recorded here.
 */
@Entity({ name: 'roster_import' })
@Index('ix_roster_import_unit', ['unitId', 'createdAt'])
export class RosterImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The institution the roster belongs to. */
  @Column({ type: 'uuid' })
  unitId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'students' | 'staff';

  @Column({ type: 'varchar', length: 8 })
  format!: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'text' })
  fileKey!: string;

  @Column({ type: 'integer' })
  fileSize!: number;

  /** SHA-256 of the file: the same file imported twice is recognised. */
  @Column({ type: 'varchar', length: 64 })
  fileSha256!: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: RosterImportStatus;

  @Column({ type: 'integer', nullable: true })
  totalRows!: number | null;

  @Column({ type: 'integer', default: 0 })
  doneRows!: number;

  @Column({ type: 'integer', default: 0 })
  createdCount!: number;

  @Column({ type: 'integer', default: 0 })
  updatedCount!: number;

  @Column({ type: 'integer', default: 0 })
  unchangedCount!: number;

  /** Parent accounts the import created (one per phone number). */
  @Column({ type: 'integer', default: 0 })
  parentsCreatedCount!: number;

  @Column({ type: 'integer', default: 0 })
  errorCount!: number;

  /** Why the import failed, as { code, vi, en }, with the first row errors (the report has them all). */
  @Column({ type: 'jsonb', nullable: true })
  failure!: RosterFailure | null;

  @Column({ type: 'text', nullable: true })
  reportKey!: string | null;

  @Column({ type: 'text', nullable: true })
  slipsKey!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
