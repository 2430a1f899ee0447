import type { components } from '../api/schema';
import { useSession } from './session';

export type Role = components['schemas']['RoleAssignmentDto']['role'];
export type UnitType = components['schemas']['OrgUnitDto']['type'];
export type Permission = string;

/** Every role, in the order the interface lists them (the api's ROLES). */
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

export type Permissions = {
  has(permission: Permission): boolean;
  /** Any of the administration permissions: the "Quản trị" area is shown. */
  administers: boolean;
  /** Manages the organisation installation-wide: may create departments, grant installation-wide roles. */
  everywhere: boolean;
  /** The roles this user may give to others, in the order of ROLES. */
  grantable: readonly Role[];
  /** The kinds of unit each grantable role may be held on (null: installation-wide). */
  unitTypesOf(role: Role): ReadonlyArray<UnitType | null>;
};

const NONE: Permissions = { has: () => false, administers: false, everywhere: false, grantable: [], unitTypesOf: () => [] };

type Profile = components['schemas']['ProfileDto'];

/**
 * What the signed-in person may do, as GET /me answers it (computed by the api from its one table of
 * roles): which links and buttons to show. The api still checks every request.
 */
export function permissionsOf(profile: Pick<Profile, 'permissions' | 'grantable' | 'managesEverywhere'>): Permissions {
  const held = new Set(profile.permissions);
  const unitTypes = new Map(profile.grantable.map((g) => [g.role as Role, g.unitTypes as Array<UnitType | null>]));
  return {
    has: (permission) => held.has(permission),
    administers: held.has('user.read') || held.has('org.read') || held.has('roster.import'),
    everywhere: profile.managesEverywhere,
    grantable: ROLES.filter((r) => unitTypes.has(r)),
    unitTypesOf: (role) => unitTypes.get(role) ?? [],
  };
}

/** The signed-in user's permissions (none when signed out). */
export function usePermissions(): Permissions {
  const session = useSession();
  return session.status === 'signed-in' ? permissionsOf(session.profile) : NONE;
}
