/**
 * Roles (vai trò) and the permissions each grants: the one place where that mapping lives.
 * Permissions are dotted strings checked by the global guard (`@RequirePermission`).
 */
export const ROLES = [
  'administrator',
  'department_manager',
  'commune_officer',
  'institution_manager',
  'teacher',
  'author',
  'student',
  'parent',
] as const;
export type Role = (typeof ROLES)[number];

/** What every signed-in person may do with their own account. */
const SELF = ['profile.read', 'profile.update'] as const;
export const SELF_PERMISSIONS: ReadonlySet<string> = new Set(SELF);

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly string[]>> = {
  administrator: [...SELF, 'system.read', 'user.read', 'user.manage', 'org.read', 'org.manage', 'report.read'],
  department_manager: [...SELF, 'user.read', 'org.read', 'report.read'],
  commune_officer: [...SELF, 'org.read', 'report.read'],
  institution_manager: [...SELF, 'user.read', 'user.manage', 'org.read', 'report.read'],
  teacher: [...SELF, 'org.read'],
  author: [...SELF],
  student: [...SELF],
  parent: [...SELF],
};

export function permissionsOf(roles: readonly string[]): ReadonlySet<string> {
  const permissions = new Set<string>();
  for (const role of roles) {
    for (const permission of ROLE_PERMISSIONS[role as Role] ?? []) permissions.add(permission);
  }
  return permissions;
}
