import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** Bậc 1–8 of the framework, in four tiers; `grades` is CV 3456's reference band (empty for 6–8). */
@Entity({ name: 'competency_level' })
export class CompetencyLevel {
  @PrimaryColumn({ type: 'smallint' }) id!: number;
  @Column({ type: 'varchar', length: 4 }) tier!: string;
  @Column({ type: 'varchar', length: 8 }) shortCode!: string;
  @Column({ type: 'varchar', length: 64 }) nameVi!: string;
  @Column({ type: 'varchar', length: 64 }) tierNameVi!: string;
  @Column({ type: 'varchar', length: 64 }) tierNameEn!: string;
  @Column({ type: 'smallint', array: true }) grades!: number[];
}

/** Miền năng lực 1–6. */
@Entity({ name: 'competency_domain' })
export class CompetencyDomain {
  @PrimaryColumn({ type: 'varchar', length: 4 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) nameVi!: string;
  @Column({ type: 'varchar', length: 200 }) nameEn!: string;
  @Column({ type: 'smallint' }) position!: number;
}

/** Năng lực thành phần 1.1–6.3. `bandLevels`: the TT02 level each CV 3456 grade band (CB1…NC1) expects. */
@Entity({ name: 'competency' })
@Index('ix_competency_domain', ['domainCode'])
export class Competency {
  @PrimaryColumn({ type: 'varchar', length: 8 }) code!: string;
  @Column({ type: 'varchar', length: 4 }) domainCode!: string;
  @ManyToOne(() => CompetencyDomain, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'domain_code' }) domain?: CompetencyDomain;
  @Column({ type: 'varchar', length: 300 }) nameVi!: string;
  @Column({ type: 'varchar', length: 300 }) nameEn!: string;
  @Column({ type: 'text', nullable: true }) descriptionVi!: string | null;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'jsonb' }) bandLevels!: Record<string, number | null>;
}

/** The "yêu cầu cần đạt" statements of one competency at one level, in source order. */
@Entity({ name: 'competency_descriptor' })
export class CompetencyDescriptor {
  @PrimaryColumn({ type: 'varchar', length: 8 }) competencyCode!: string;
  @ManyToOne(() => Competency, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'competency_code' }) competency?: Competency;
  @PrimaryColumn({ type: 'smallint' }) level!: number;
  @PrimaryColumn({ type: 'smallint' }) position!: number;
  @Column({ type: 'text' }) textVi!: string;
}
