import { Injectable } from '@nestjs/common';
import { foldSql } from '@lms/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OrgUnit, type OrgUnitType } from './org-unit.entity';

/** All SQL of the organisation tree. */
@Injectable()
export class OrgRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, em?: EntityManager): Promise<OrgUnit | null> {
    return (em ?? this.dataSource.manager).getRepository(OrgUnit).findOneBy({ id });
  }

  async insert(unit: Omit<OrgUnit, 'path' | 'createdAt' | 'updatedAt' | 'archivedAt'>, parentPath: string, em: EntityManager): Promise<OrgUnit> {
    const repo = em.getRepository(OrgUnit);
    return repo.save(repo.create({ ...unit, path: `${parentPath}${unit.id}/`, archivedAt: null }));
  }

  findByIds(ids: string[], includeArchived: boolean): Promise<OrgUnit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const qb = this.dataSource.getRepository(OrgUnit).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids });
    if (!includeArchived) qb.andWhere('u.archived_at IS NULL');
    return qb.orderBy('u.name', 'ASC').getMany();
  }

  search(folded: string, paths: string[] | null, type: OrgUnitType | undefined, includeArchived: boolean): Promise<OrgUnit[]> {
    const qb = this.dataSource.getRepository(OrgUnit).createQueryBuilder('u');
    const words = folded.split(/\s+/).filter(Boolean).slice(0, 8);
    words.forEach((w, i) => qb.andWhere(`${foldSql('u.name')} LIKE :w${i}`, { [`w${i}`]: `%${escapeLike(w)}%` }));
    if (paths) qb.andWhere('u.path LIKE ANY(:paths)', { paths: paths.map((p) => `${escapeLike(p)}%`) });
    if (type) qb.andWhere('u.type = :type', { type });
    if (!includeArchived) qb.andWhere('u.archived_at IS NULL');
    return qb.orderBy('length(u.path)', 'ASC').addOrderBy('u.name', 'ASC').limit(50).getMany();
  }

  children(parentId: string | null, includeArchived: boolean): Promise<OrgUnit[]> {
    const qb = this.dataSource.getRepository(OrgUnit).createQueryBuilder('u');
    if (parentId) qb.where('u.parent_id = :parentId', { parentId });
    else qb.where('u.parent_id IS NULL');
    if (!includeArchived) qb.andWhere('u.archived_at IS NULL');
    return qb.orderBy('u.name', 'ASC').getMany();
  }

  /** Every unit under `path` (not the unit itself): one prefix scan on the path index. */
  descendants(path: string, type: OrgUnitType | undefined, includeArchived: boolean): Promise<OrgUnit[]> {
    const qb = this.dataSource
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .where('u.path LIKE :prefix', { prefix: `${escapeLike(path)}%` })
      .andWhere('u.path <> :path', { path });
    if (type) qb.andWhere('u.type = :type', { type });
    if (!includeArchived) qb.andWhere('u.archived_at IS NULL');
    return qb.orderBy('u.path', 'ASC').getMany();
  }

  async rename(id: string, name: string, em: EntityManager): Promise<void> {
    await em.getRepository(OrgUnit).update({ id }, { name });
  }

  /** Re-roots a subtree: one UPDATE rewrites the path prefix of the unit and everything beneath. */
  async move(unit: OrgUnit, newParentId: string, newParentPath: string, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE org_unit
          SET path = $2 || substr(path, length($1) + 1),
              parent_id = CASE WHEN id = $3 THEN $4::uuid ELSE parent_id END,
              updated_at = now()
        WHERE path LIKE $5`,
      [unit.path, `${newParentPath}${unit.id}/`, unit.id, newParentId, `${escapeLike(unit.path)}%`],
    );
  }

  async archiveSubtree(path: string, em: EntityManager): Promise<void> {
    await em.query(`UPDATE org_unit SET archived_at = now(), updated_at = now() WHERE path LIKE $1 AND archived_at IS NULL`, [`${escapeLike(path)}%`]);
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
