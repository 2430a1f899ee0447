import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './roles';
import { UserAccount } from './user.entity';

/**
 * A role held over a subtree of the organisation (unitId null: the whole installation).
 */
@Entity({ name: 'role_assignment' })
@Index('ix_role_assignment_user', ['userId'])
@Index('ix_role_assignment_unit', ['unitId'])
// One row per (user, role, unit), a null unit counting as one value (NULLS NOT DISTINCT; migration).
@Index('uq_role_assignment', { synchronize: false })
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
