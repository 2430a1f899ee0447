import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from './user.entity';

/**
 * One refresh token, stored as its SHA-256 (the token itself is 256 random bits, so a fast hash
 * is enough). Tokens of one sign-in form a family: each refresh replaces the token with a new one
 * of the same family, and presenting a replaced token revokes the whole family (token theft).
 */
@Entity({ name: 'refresh_token' })
@Index('ix_refresh_token_family', ['familyId'])
@Index('ix_refresh_token_user', ['userId'])
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserAccount;

  @Column({ type: 'uuid' })
  familyId!: string;

  @Index('uq_refresh_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set when this token was exchanged for a new one. */
  @Column({ type: 'timestamptz', nullable: true })
  replacedAt!: Date | null;

  /** Set when the family was revoked (logout, reuse, password change). */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
