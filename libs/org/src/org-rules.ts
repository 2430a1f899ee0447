import type { OrgUnitType } from './org-unit.entity';

/** Which unit types may sit directly under which (null: a root). */
export const ALLOWED_PARENTS: Readonly<Record<OrgUnitType, ReadonlyArray<OrgUnitType | null>>> = {
  department: [null],
  commune: ['department'],
  // Upper-secondary schools, colleges and universities often report to the Department directly.
  institution: ['commune', 'department'],
  class: ['institution'],
};

const TYPE_NAMES: Record<OrgUnitType, { vi: string; en: string }> = {
  department: { vi: 'Sở GDĐT', en: 'department' },
  commune: { vi: 'xã/phường/đặc khu', en: 'commune' },
  institution: { vi: 'cơ sở giáo dục', en: 'institution' },
  class: { vi: 'lớp', en: 'class' },
};

/** Null when `type` may sit under `parentType`, else the reason in both languages. */
export function parentProblem(type: OrgUnitType, parentType: OrgUnitType | null): { vi: string; en: string } | null {
  if (ALLOWED_PARENTS[type].includes(parentType)) return null;
  const allowed = ALLOWED_PARENTS[type];
  const vi = allowed.map((t) => (t ? TYPE_NAMES[t].vi : 'không có cấp trên')).join(' hoặc ');
  const en = allowed.map((t) => (t ? TYPE_NAMES[t].en : 'no parent')).join(' or ');
  return { vi: `${TYPE_NAMES[type].vi} phải thuộc ${vi}.`, en: `a ${TYPE_NAMES[type].en} must be under ${en}.` };
}
