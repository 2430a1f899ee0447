import type { components } from '../api/schema';
import { useSession } from './session';

export type Role = components['schemas']['RoleAssignmentDto']['role'];
export type UnitType = components['schemas']['OrgUnitDto']['type'];

/**
 * What each role may do, as far as the interface needs to know it: which links and buttons to show.
 * A copy of the api's table in libs/identity/src/roles.ts (ROLE_PERMISSIONS, ROLE_UNIT_TYPES,
 * GRANTABLE_ROLES): keep them in step. The api is the real gate; this only spares users buttons
 * that would be refused.
 */
const MANAGE_PEOPLE = ['user.read', 'user.manage', 'org.read', 'org.manage', 'roster.import', 'registration.review', 'report.read'] as const;

export type Permission = (typeof MANAGE_PEOPLE)[number] | 'child.read' | 'system.read';

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  administrator: [...MANAGE_PEOPLE, 'system.read'],
  department_manager: MANAGE_PEOPLE,
  commune_officer: ['user.read', 'org.read', 'report.read'],
  institution_manager: MANAGE_PEOPLE,
  teacher: ['user.read', 'org.read'],
  author: [],
  student: [],
  parent: ['child.read'],
  learner: [],
};

export const ROLES: readonly Role[] = [
  'administrator',
  'department_manager',
  'commune_officer',
  'institution_manager',
  'teacher',
  'author',
  'student',
  'parent',
  'learner',
];

/** The kinds of unit each role may be held on (null: installation-wide). */
export const ROLE_UNIT_TYPES: Readonly<Record<Role, ReadonlyArray<UnitType | null>>> = {
  administrator: [null],
  department_manager: ['department'],
  commune_officer: ['commune'],
  institution_manager: ['institution'],
  teacher: ['institution', 'class'],
  author: [null, 'department', 'institution'],
  student: ['class'],
  parent: ['institution', 'class'],
  learner: ['institution', null],
};

const GRANTABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = {
  administrator: ROLES,
  department_manager: ROLES.filter((r) => r !== 'administrator'),
  commune_officer: [],
  institution_manager: ['institution_manager', 'teacher', 'author', 'student', 'parent', 'learner'],
  teacher: [],
  author: [],
  student: [],
  parent: [],
  learner: [],
};

export type Permissions = {
  has(permission: Permission): boolean;
  /** Any of the administration permissions: the "Quản trị" area is shown. */
  administers: boolean;
  /** A role held installation-wide (no unit): may create departments, grant installation-wide roles. */
  everywhere: boolean;
  /** The roles this user may give to others, in the order of ROLES. */
  grantable: readonly Role[];
};

const NONE: Permissions = { has: () => false, administers: false, everywhere: false, grantable: [] };

export function permissionsOf(roles: ReadonlyArray<{ role: Role; unitId: string | null }>): Permissions {
  const held = new Set<Permission>(roles.flatMap((r) => ROLE_PERMISSIONS[r.role] ?? []));
  const grantable = new Set<Role>(roles.flatMap((r) => GRANTABLE_ROLES[r.role] ?? []));
  return {
    has: (permission) => held.has(permission),
    administers: held.has('user.read') || held.has('org.read') || held.has('roster.import'),
    everywhere: roles.some((r) => r.unitId === null && (ROLE_PERMISSIONS[r.role] ?? []).includes('org.manage')),
    grantable: ROLES.filter((r) => grantable.has(r)),
  };
}

/** The signed-in user's permissions (none when signed out). */
export function usePermissions(): Permissions {
  const session = useSession();
  return session.status === 'signed-in' ? permissionsOf(session.profile.roles) : NONE;
}
