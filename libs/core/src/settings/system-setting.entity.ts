import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Installation-wide settings as key → JSON value (for example `installation.id`, written once at
 * first start). Domain data never goes here; it belongs to the domain's own tables.
 */
@Entity({ name: 'system_setting' })
export class SystemSetting {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  key!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
