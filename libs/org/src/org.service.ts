import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Principal, commonError, foldVietnamese } from '@lms/core';
import type { EntityManager } from 'typeorm';
import { AccessService } from './access.service';
import { OrgInvalidParentException, OrgInvalidUnitException, OrgUnitNotFoundException } from './org.exceptions';
import { parentProblem } from './org-rules';
import type { CommuneKind, InstitutionKind, OrgUnit, OrgUnitType, Ownership } from './org-unit.entity';
import { OrgRepository } from './org.repository';

export interface NewOrgUnit {
  type: OrgUnitType;
  name: string;
  parentId?: string | null;
  code?: string | null;
  communeKind?: CommuneKind | null;
  institutionKind?: InstitutionKind | null;
  ownership?: Ownership | null;
  grade?: number | null;
  cohort?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Creating, renaming, moving and archiving units of the organisation tree, with its rules. Every
 * call is made on behalf of a caller and reaches only the subtrees their roles are held on: a unit
 * outside them is "not found" (404); one they may see but not manage is forbidden (403).
 */
@Injectable()
export class OrgService {
  constructor(
    private readonly repository: OrgRepository,
    private readonly access: AccessService,
  ) {}

  async get(principal: Principal, id: string): Promise<OrgUnit> {
    await this.authorise(principal, 'org.read', id);
    return this.load(id);
  }

  /** Children of a unit; without one, the roots the caller reaches (the tree's roots for installation-wide roles). */
  async children(principal: Principal, parentId: string | undefined, includeArchived: boolean): Promise<OrgUnit[]> {
    if (parentId !== undefined) {
      await this.authorise(principal, 'org.read', parentId);
      return this.repository.children(parentId, includeArchived);
    }
    const reach = await this.access.reach(principal, 'org.read');
    if (reach.everywhere) return this.repository.children(null, includeArchived);
    return this.repository.findByIds(reach.unitIds, includeArchived);
  }

  /** Units within the caller's reach whose folded name contains the folded words of `q`, shortest paths first. */
  async search(principal: Principal, q: string, type: OrgUnitType | undefined, includeArchived: boolean): Promise<OrgUnit[]> {
    const reach = await this.access.reach(principal, 'org.read');
    if (!reach.everywhere && reach.paths.length === 0) return [];
    return this.repository.search(foldVietnamese(q), reach.everywhere ? null : reach.paths, type, includeArchived);
  }

  async subtree(principal: Principal, id: string, type: OrgUnitType | undefined, includeArchived: boolean): Promise<OrgUnit[]> {
    const unit = await this.get(principal, id);
    return this.repository.descendants(unit.path, type, includeArchived);
  }

  async create(principal: Principal, input: NewOrgUnit): Promise<OrgUnit> {
    const attributes = this.attributesFor(input);
    if (input.parentId) await this.authorise(principal, 'org.manage', input.parentId);
    else if (!(await this.access.reach(principal, 'org.manage')).everywhere) throw new OrgInvalidParentException({ vi: 'cần chọn đơn vị cấp trên.', en: 'a parent unit is required.' });
    return this.repository.transaction(async (em) => {
      const parent = input.parentId ? await this.requireUnit(input.parentId, em) : null;
      const problem = parentProblem(input.type, parent?.type ?? null);
      if (problem) throw new OrgInvalidParentException(problem);
      if (parent?.archivedAt) throw new OrgInvalidParentException({ vi: 'đơn vị cấp trên đã lưu trữ.', en: 'the parent is archived.' });
      return this.repository.insert(
        { id: randomUUID(), type: input.type, name: input.name.trim(), code: input.code?.trim() || null, parentId: parent?.id ?? null, ...attributes },
        parent?.path ?? '',
        em,
      );
    });
  }

  async update(principal: Principal, id: string, change: { name?: string; parentId?: string | null }): Promise<OrgUnit> {
    await this.authorise(principal, 'org.manage', id);
    const unit = await this.load(id);
    const moving = change.parentId !== undefined && change.parentId !== unit.parentId;
    if (moving) {
      // Moving takes the unit out of where it was: the caller must reach its current parent (the
      // unit their own role is held on cannot be moved by them) and the new one.
      const everywhere = (await this.access.reach(principal, 'org.manage')).everywhere;
      const fromParent = everywhere || (unit.parentId !== null && (await this.access.unitInReach(principal, 'org.manage', unit.parentId)));
      if (!fromParent) throw commonError('FORBIDDEN');
      if (change.parentId) await this.authorise(principal, 'org.manage', change.parentId);
      else if (!everywhere) throw commonError('FORBIDDEN');
    }
    await this.repository.transaction(async (em) => {
      if (change.name !== undefined) await this.repository.rename(unit.id, change.name.trim(), em);
      if (change.parentId === null && unit.parentId !== null) {
        // Making a unit a root: only a department may be one.
        throw new OrgInvalidParentException(parentProblem(unit.type, null) ?? { vi: 'không thể bỏ đơn vị cấp trên.', en: 'the parent cannot be removed.' });
      }
      if (change.parentId && change.parentId !== unit.parentId) {
        const parent = await this.requireUnit(change.parentId, em);
        if (parent.path.startsWith(unit.path)) {
          throw new OrgInvalidParentException({ vi: 'không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.', en: 'a unit cannot move under itself or its own descendants.' });
        }
        const problem = parentProblem(unit.type, parent.type);
        if (problem) throw new OrgInvalidParentException(problem);
        await this.repository.move(unit, parent.id, parent.path, em);
      }
    });
    return this.load(id);
  }

  async archive(principal: Principal, id: string): Promise<OrgUnit> {
    await this.authorise(principal, 'org.manage', id);
    const unit = await this.load(id);
    // The unit a caller's own role is held on is archived by someone above them.
    const fromAbove = unit.parentId ? await this.access.unitInReach(principal, 'org.manage', unit.parentId) : (await this.access.reach(principal, 'org.manage')).everywhere;
    if (!fromAbove) throw commonError('FORBIDDEN');
    await this.repository.transaction((em) => this.repository.archiveSubtree(unit.path, em));
    return this.load(id);
  }

  /** 404 when the caller cannot even see the unit (or it does not exist), 403 when they see it but lack `permission` there. */
  async authorise(principal: Principal, permission: 'org.read' | 'org.manage', id: string): Promise<void> {
    if (!UUID.test(id)) throw new OrgUnitNotFoundException();
    if (await this.access.unitInReach(principal, permission, id)) return;
    if (permission !== 'org.read' && (await this.access.unitInReach(principal, 'org.read', id))) throw commonError('FORBIDDEN');
    throw new OrgUnitNotFoundException();
  }

  private async load(id: string): Promise<OrgUnit> {
    if (!UUID.test(id)) throw new OrgUnitNotFoundException();
    const unit = await this.repository.findById(id);
    if (!unit) throw new OrgUnitNotFoundException();
    return unit;
  }

  private async requireUnit(id: string, em: EntityManager): Promise<OrgUnit> {
    if (!UUID.test(id)) throw new OrgUnitNotFoundException();
    const unit = await this.repository.findById(id, em);
    if (!unit) throw new OrgUnitNotFoundException();
    return unit;
  }

  /** The type-specific attributes, each present exactly where it belongs. */
  private attributesFor(input: NewOrgUnit): Pick<OrgUnit, 'communeKind' | 'institutionKind' | 'ownership' | 'grade' | 'cohort'> {
    const none = { communeKind: null, institutionKind: null, ownership: null, grade: null, cohort: null };
    const extra = (allowed: string[]) => {
      const given = (['communeKind', 'institutionKind', 'ownership', 'grade', 'cohort'] as const).filter((k) => input[k] !== undefined && input[k] !== null && !allowed.includes(k));
      if (given.length > 0) throw new OrgInvalidUnitException({ vi: `${given.join(', ')} không dùng cho loại đơn vị này.`, en: `${given.join(', ')} do not apply to this type of unit.` });
    };
    switch (input.type) {
      case 'department':
        extra([]);
        return none;
      case 'commune':
        extra(['communeKind']);
        if (!input.communeKind) throw new OrgInvalidUnitException({ vi: 'cần cho biết xã, phường hay đặc khu (communeKind).', en: 'communeKind is required.' });
        return { ...none, communeKind: input.communeKind };
      case 'institution':
        extra(['institutionKind', 'ownership']);
        if (!input.institutionKind || !input.ownership) {
          throw new OrgInvalidUnitException({ vi: 'cần cấp học (institutionKind) và loại hình công lập/tư thục (ownership).', en: 'institutionKind and ownership are required.' });
        }
        return { ...none, institutionKind: input.institutionKind, ownership: input.ownership };
      case 'class': {
        extra(['grade', 'cohort']);
        const hasGrade = input.grade !== undefined && input.grade !== null;
        const hasCohort = typeof input.cohort === 'string' && input.cohort.trim() !== '';
        if (hasGrade === hasCohort) throw new OrgInvalidUnitException({ vi: 'một lớp cần đúng một trong hai: khối (grade 1–12) hoặc khoá (cohort).', en: 'a class needs exactly one of grade (1–12) or cohort.' });
        return { ...none, grade: hasGrade ? (input.grade as number) : null, cohort: hasCohort ? (input.cohort as string).trim() : null };
      }
      default: {
        const unknown: never = input.type;
        throw new OrgInvalidUnitException({ vi: `loại ${String(unknown)}`, en: `type ${String(unknown)}` });
      }
    }
  }
}
