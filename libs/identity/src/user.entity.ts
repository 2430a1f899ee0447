import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** `pending`: registered on their own and waiting for a school's approval. */
export const USER_STATUSES = ['active', 'locked', 'disabled', 'pending'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export type PreferredLanguage = 'vi' | 'en';

/** An account (tài khoản): a student, a member of staff, a parent or a community learner. */
@Entity({ name: 'user_account' })
export class UserAccount {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored as typed; unique case-insensitively (index uq_user_account_username on lower(username), in the migration). */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  /** With Vietnamese diacritics (họ và tên). */
  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'date', nullable: true })
  dateOfBirth!: string | null;

  /** Student code (mã định danh) or staff code; unique when present (partial index in the migration). */
  @Index('uq_user_account_person_code', { synchronize: false })
  @Column({ type: 'varchar', length: 64, nullable: true })
  personCode!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: UserStatus;

  @Column({ type: 'varchar', length: 2, default: 'vi' })
  preferredLanguage!: PreferredLanguage;

  /** argon2id hash of the person's own password; null until one is set. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  /**
   * Keyed hash (HMAC-SHA-256) of a one-time sign-in code given to an imported or reset account:
   * 60 random bits, so a fast keyed hash is safe where argon2 would cost too much for 100,000 rows.
   * Cleared when the person chooses their own password.
   */
  @Column({ type: 'text', nullable: true })
  oneTimeCodeHash!: string | null;

  /** Imported and generated accounts must choose their own password at first sign-in. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
