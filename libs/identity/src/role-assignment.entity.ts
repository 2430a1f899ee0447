import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './roles';
import { UserAccount } from './user.entity';

/**
 * A role held over a subtree of the organisation (unitId null: the whole installation). The
 * organisation tree arrives with the org module; until then only installation-wide roles exist.
 */
@Entity({ name: 'role_assignment' })
@Index('ix_role_assignment_user', ['userId'])
export class RoleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserAccount;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  unitId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
