import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from './user.entity';

/** A parent (phụ huynh) linked to a child's account: the parent sees that child, and only them. */
@Entity({ name: 'parent_link' })
@Index('ix_parent_link_child', ['childId'])
export class ParentLink {
  @PrimaryColumn({ type: 'uuid' })
  parentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  childId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: UserAccount;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id' })
  child?: UserAccount;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
