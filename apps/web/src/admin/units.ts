import type { TFunction } from 'i18next';
import type { components } from '../api/schema';
import type { UnitType } from '../session/permissions';

export type OrgUnit = components['schemas']['OrgUnitDto'];
export type InstitutionKind = NonNullable<OrgUnit['institutionKind']>;
export type CommuneKind = NonNullable<OrgUnit['communeKind']>;
export type Ownership = NonNullable<OrgUnit['ownership']>;

export const UNIT_TYPES: readonly UnitType[] = ['department', 'commune', 'institution', 'class'];
export const COMMUNE_KINDS: readonly CommuneKind[] = ['xa', 'phuong', 'dac_khu'];
export const INSTITUTION_KINDS: readonly InstitutionKind[] = [
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'continuing_education',
  'vocational',
  'college',
  'university',
];
export const OWNERSHIPS: readonly Ownership[] = ['public', 'private'];

/** Which types may sit directly under which (the api's ALLOWED_PARENTS, libs/org/src/org-rules.ts, turned around). */
export const CHILD_TYPES: Readonly<Record<UnitType, readonly UnitType[]>> = {
  department: ['commune', 'institution'],
  commune: ['institution'],
  institution: ['class'],
  class: [],
};

export const PARENT_TYPES: Readonly<Record<UnitType, readonly UnitType[]>> = {
  department: [],
  commune: ['department'],
  institution: ['commune', 'department'],
  class: ['institution'],
};

/** Whether a unit of `type` may have, at or below it, a unit of one of `wanted`. */
export function leadsTo(type: UnitType, wanted: readonly UnitType[]): boolean {
  if (wanted.includes(type)) return true;
  return CHILD_TYPES[type].some((child) => leadsTo(child, wanted));
}

/** The kind of a unit in a few words, as people in the sector say it: "Phường", "Trường tiểu học", "Lớp (khối 5)". */
export function unitKindLabel(unit: Pick<OrgUnit, 'type' | 'communeKind' | 'institutionKind' | 'grade' | 'cohort'>, t: TFunction): string {
  switch (unit.type) {
    case 'department':
      return t('units.types.department');
    case 'commune':
      return unit.communeKind ? t(`units.communeKinds.${unit.communeKind}`) : t('units.types.commune');
    case 'institution':
      return unit.institutionKind ? t(`units.institutionKinds.${unit.institutionKind}`) : t('units.types.institution');
    case 'class':
      if (unit.grade !== null) return t('units.classOfGrade', { grade: unit.grade });
      if (unit.cohort) return t('units.classOfCohort', { cohort: unit.cohort });
      return t('units.types.class');
  }
}

/** Units by name, as a person reads a list (Vietnamese collation, numbers in order: "Lớp 2" before "Lớp 10"). */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'vi', { numeric: true, sensitivity: 'base' });
}
