import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An append-only record of a security-relevant event (sign-ins, failures, lockouts, changes). */
@Entity({ name: 'audit_event' })
@Index('ix_audit_event_user_at', ['userId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** `auth.login.succeeded`, `auth.login.failed`, … */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  /** The account concerned, when known. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  /** The username as typed, for failures on unknown accounts. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  username!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
