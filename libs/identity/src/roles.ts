/**
 * Roles (vai trò), the permissions each grants, where each may be held and who may grant it: the
 * one place where that mapping lives. Permissions are dotted strings checked by the global guard
 * (`@RequirePermission`); which units and people a permission reaches is the access service's
 * answer (a role held on a unit reaches that unit's whole subtree; a parent reaches linked children).
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
  'learner',
] as const;
export type Role = (typeof ROLES)[number];

/** What every signed-in person may do with their own account. */
const SELF = ['profile.read', 'profile.update'] as const;
export const SELF_PERMISSIONS: ReadonlySet<string> = new Set(SELF);

/** Every role learns: open the lessons of published courses (enrolment will narrow what each sees). */
const LEARN = ['course.learn'] as const;

const MANAGE_PEOPLE = ['user.read', 'user.manage', 'org.read', 'org.manage', 'roster.import', 'registration.review', 'report.read'] as const;

/**
 * Media (tệp học liệu): `media.use` lets a route be reached at all (an asset is then seen only by its
 * owner, an administrator, or whom a MediaAccess grants it); `media.upload` uploads any purpose
 * (videos, slides, …); `evidence.upload` uploads only learners' evidence (minh chứng), checked by
 * the media service against the upload's purpose.
 */
const AUTHOR_MEDIA = ['media.use', 'media.upload'] as const;

/**
 * Courses: `course.author` creates courses owned by a unit within reach (and edits those the person
 * collaborates on); `course.review` edits, publishes and archives the courses owned within reach.
 */
const AUTHORING = ['course.author'] as const;
const REVIEWING = ['course.author', 'course.review'] as const;
const LEARNER_MEDIA = ['media.use', 'evidence.upload'] as const;

/**
 * Learning (issue 5): `progress.read` reads learners' progress within reach (class matrix, exports,
 * a learner's dashboard and profile); `course.assign` assigns published courses to units within
 * reach; `evidence.review` approves learners' external-course evidence within reach.
 */
const TEACHING = ['progress.read', 'course.assign', 'evidence.review'] as const;

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly string[]>> = {
  administrator: [...SELF, ...LEARN, ...MANAGE_PEOPLE, 'system.read', ...AUTHOR_MEDIA, ...REVIEWING, ...TEACHING],
  department_manager: [...SELF, ...LEARN, ...MANAGE_PEOPLE, ...AUTHOR_MEDIA, ...REVIEWING, ...TEACHING],
  commune_officer: [...SELF, ...LEARN, 'user.read', 'org.read', 'report.read', 'media.use', 'progress.read'],
  institution_manager: [...SELF, ...LEARN, ...MANAGE_PEOPLE, ...AUTHOR_MEDIA, ...REVIEWING, ...TEACHING],
  teacher: [...SELF, ...LEARN, 'user.read', 'org.read', ...AUTHOR_MEDIA, ...AUTHORING, ...TEACHING],
  author: [...SELF, ...LEARN, ...AUTHOR_MEDIA, ...AUTHORING],
  student: [...SELF, ...LEARN, ...LEARNER_MEDIA],
  parent: [...SELF, ...LEARN, 'child.read', ...LEARNER_MEDIA],
  /** A community learner (người dân) who registered on their own. */
  learner: [...SELF, ...LEARN, ...LEARNER_MEDIA],
};

/**
 * How far a role reaches: `subtree` — the unit it is held on and everything beneath (null unit: the
 * whole installation); `children` — only the accounts linked to the holder as their children.
 */
export const ROLE_REACH: Readonly<Record<Role, 'subtree' | 'children'>> = {
  administrator: 'subtree',
  department_manager: 'subtree',
  commune_officer: 'subtree',
  institution_manager: 'subtree',
  teacher: 'subtree',
  author: 'subtree',
  student: 'subtree',
  parent: 'children',
  learner: 'subtree',
};

/** The kinds of unit each role may be held on (null: installation-wide). */
export const ROLE_UNIT_TYPES: Readonly<Record<Role, ReadonlyArray<'department' | 'commune' | 'institution' | 'class' | null>>> = {
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

/** Which roles a holder of each role may grant (always within the granter's own reach). */
export const GRANTABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = {
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

export function permissionsOf(roles: readonly string[]): ReadonlySet<string> {
  const permissions = new Set<string>();
  for (const role of roles) {
    for (const permission of ROLE_PERMISSIONS[role as Role] ?? []) permissions.add(permission);
  }
  return permissions;
}

/** The roles that grant `permission`, split by how far they reach. */
export function rolesGranting(permission: string): { subtree: Role[]; children: Role[] } {
  const subtree: Role[] = [];
  const children: Role[] = [];
  for (const role of ROLES) {
    if (!ROLE_PERMISSIONS[role].includes(permission)) continue;
    (ROLE_REACH[role] === 'children' ? children : subtree).push(role);
  }
  return { subtree, children };
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
