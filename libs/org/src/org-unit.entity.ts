import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORG_UNIT_TYPES = ['department', 'commune', 'institution', 'class'] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];
/** Xã, phường, đặc khu. */
export const COMMUNE_KINDS = ['xa', 'phuong', 'dac_khu'] as const;
export type CommuneKind = (typeof COMMUNE_KINDS)[number];
export const INSTITUTION_KINDS = [
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'continuing_education',
  'vocational',
  'college',
  'university',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const OWNERSHIPS = ['public', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

/**
 * One unit of the education sector's tree: Sở GDĐT → xã/phường/đặc khu → cơ sở giáo dục → lớp.
 * `path` is the materialised path of ids from the root down to this unit ("id1/id2/id3/"), so a
 * subtree is one indexed prefix query (`path LIKE 'id1/id2/%'`) and a move is one UPDATE.
 */
@Entity({ name: 'org_unit' })
@Index('ix_org_unit_parent', ['parentId'])
// Created by hand in the migration with text_pattern_ops, which prefix (LIKE 'a/b/%') scans need.
@Index('ix_org_unit_path', { synchronize: false })
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: OrgUnitType;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** An official code (mã đơn vị), when there is one. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  code!: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnit;

  /** Ids from the root to this unit, each followed by '/'; indexed with text_pattern_ops (migration). */
  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  communeKind!: CommuneKind | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  institutionKind!: InstitutionKind | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ownership!: Ownership | null;

  @Column({ type: 'smallint', nullable: true })
  grade!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  cohort!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
