import { randomUUID } from 'node:crypto';
import { ROLE_PERMISSIONS, ROLES, type Role } from '@lms/identity';
import { createSigner } from 'fast-jwt';
import type request from 'supertest';
import { IdentityHarness } from './identity-app';

jest.setTimeout(120_000);

interface Operation {
  method: string;
  path: string;
  operationId: string;
  isPublic: boolean;
  permission: string | undefined;
  /** The operation takes a JSON or file body with required content (validation may answer first). */
  hasBody: boolean;
}

/** Two identical trees: every role is held in the first; the second is outside everyone's reach but the administrator's. */
interface Tree {
  department: string;
  commune: string;
  institution: string;
  klass: string;
  student: string;
  studentAssignment: string;
  rosterImport: string;
  course: string;
  section: string;
  lesson: string;
}

/** The not-found codes of the resources a path parameter names: inside its reach a caller never sees these. */
const NOT_FOUND_CODES = ['ORG_UNIT_NOT_FOUND', 'USER_NOT_FOUND', 'ROSTER_IMPORT_NOT_FOUND', 'COURSE_NOT_FOUND', 'COURSE_SECTION_NOT_FOUND', 'COURSE_LESSON_NOT_FOUND', 'ASSIGNMENT_NOT_FOUND', 'EVIDENCE_NOT_FOUND', 'ENROLMENT_NOT_FOUND', 'NOT_FOUND'];

/**
 * Walks every operation of the api's own OpenAPI document, without a token and with a token of
 * each role held on a real unit, and checks the answers the declarations promise — a new route
 * joins without edits here (a new kind of path parameter needs one line in `fixture`):
 *  - without a token: 401 for everything not public;
 *  - a role without the operation's permission: 403;
 *  - a role with it, on its own subtree (reads): neither 401/403 nor "not found";
 *  - a role with it, on the other tree: 403 or 404 and nothing changes (a body the validator
 *    refuses first may answer 400).
 */
describe('authorisation matrix over every operation of the OpenAPI document', () => {
  const h = new IdentityHarness();
  let operations: Operation[] = [];
  let sign: (claims: Record<string, unknown>) => string;
  let admin: string;
  const tokens = new Map<Role, string>();
  let mine: Tree;
  let other: Tree;

  async function unit(token: string, body: Record<string, unknown>): Promise<string> {
    const res = await h.http.post('/api/v1/org/units').set('Authorization', `Bearer ${token}`).send(body);
    if (res.status !== 201) throw new Error(`unit ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async function account(name: string, role: Role, unitId: string | null): Promise<{ id: string; assignment: string }> {
    const { rows } = await h.sql.query<{ id: string }>('INSERT INTO user_account (username, display_name) VALUES ($1, $1) RETURNING id', [`${name}-${randomUUID().slice(0, 6)}`]);
    const { rows: a } = await h.sql.query<{ id: string }>('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3) RETURNING id', [rows[0].id, role, unitId]);
    return { id: rows[0].id, assignment: a[0].id };
  }

  async function tree(label: string, published: boolean): Promise<Tree> {
    const department = await unit(admin, { type: 'department', name: `Sở ${label}` });
    const commune = await unit(admin, { type: 'commune', name: `Phường ${label}`, parentId: department, communeKind: 'phuong' });
    const institution = await unit(admin, { type: 'institution', name: `Trường ${label}`, parentId: commune, institutionKind: 'primary', ownership: 'public' });
    const klass = await unit(admin, { type: 'class', name: `4A ${label}`, parentId: institution, grade: 4 });
    const student = await account(`hs-${label}`, 'student', klass);
    const { rows } = await h.sql.query<{ id: string }>(
      `INSERT INTO roster_import (unit_id, kind, format, file_name, file_key, file_size, file_sha256, status)
       VALUES ($1, 'students', 'csv', 'ds.csv', 'rosters/none/source.csv', 1, repeat('0', 64), 'completed') RETURNING id`,
      [institution],
    );
    const { rows: course } = await h.sql.query<{ id: string }>(
      `INSERT INTO course (title_vi, summary_vi, audiences, owner_unit_id, licence, status) VALUES ($1, 'Tóm tắt', '{student}', $2, 'CC BY 4.0', 'draft') RETURNING id`,
      [`Khoá học ${label}`, institution],
    );
    const { rows: section } = await h.sql.query<{ id: string }>("INSERT INTO course_section (course_id, position, title_vi) VALUES ($1, 1, 'Chương 1') RETURNING id", [course[0].id]);
    const { rows: lesson } = await h.sql.query<{ id: string }>(
      `INSERT INTO lesson (course_id, section_id, position, kind, title_vi, required, content, competencies) VALUES ($1, $2, 1, 'quiz', 'Bài 1', true, '{}', '[]') RETURNING id`,
      [course[0].id, section[0].id],
    );
    if (published) {
      // The first tree's course is also published, so learners' routes have a lesson to open.
      const snapshot = { course: { titleVi: `Khoá học ${label}`, titleEn: null, licence: 'CC BY 4.0' }, sections: [{ id: section[0].id, titleVi: 'Chương 1', titleEn: null, lessons: [{ id: lesson[0].id, kind: 'quiz', titleVi: 'Bài 1', titleEn: null, required: true, estimatedMinutes: null, content: {}, bodyHtml: null, competencies: [] }] }] };
      const { rows: revision } = await h.sql.query<{ id: string }>('INSERT INTO course_revision (course_id, number, snapshot) VALUES ($1, 1, $2) RETURNING id', [course[0].id, JSON.stringify(snapshot)]);
      await h.sql.query(
        `INSERT INTO course_catalog_entry (course_id, revision_id, title_vi, summary_vi, audiences, owner_unit_id, competency_codes, competency_levels, lesson_count, asset_ids, search_text, published_at)
         VALUES ($1, $2, $3, 'Tóm tắt', '{student}', $4, '{}', '{}', 1, '{}', 'khoa hoc', now())`,
        [course[0].id, revision[0].id, `Khoá học ${label}`, institution],
      );
    }
    return {
      department,
      commune,
      institution,
      klass,
      student: student.id,
      studentAssignment: student.assignment,
      rosterImport: rows[0].id,
      course: course[0].id,
      section: section[0].id,
      lesson: lesson[0].id,
    };
  }

  /** Where each role is held in the first tree. */
  function homeOf(role: Role, t: Tree): string | null {
    switch (role) {
      case 'administrator': return null;
      case 'department_manager': return t.department;
      case 'commune_officer': return t.commune;
      case 'student': return t.klass;
      default: return t.institution;
    }
  }

  /** The value of a path parameter in a tree (unknown parameter names fail loudly: add them here). */
  function fixture(name: string, t: Tree): string {
    switch (name) {
      case 'unitId': return t.institution;
      case 'userId':
      case 'childId': return t.student;
      case 'assignmentId': return t.studentAssignment;
      case 'importId': return t.rosterImport;
      case 'courseId': return t.course;
      case 'sectionId': return t.section;
      case 'lessonId': return t.lesson;
      case 'action': return 'submit';
      case 'code': return '4.2';
      case 'assetId': return '00000000-0000-4000-8000-000000000000';
      case 'rendition': return '240p';
      case 'kind': return 'students';
      case 'path': return 'matrix/probe.bin';
      case 'evidenceId': return '00000000-0000-4000-8000-00000000e1de';
      default: throw new Error(`authorisation matrix: no fixture for path parameter {${name}}; add one`);
    }
  }

  const SCOPED = new Set(['unitId', 'userId', 'childId', 'assignmentId', 'importId', 'courseId', 'sectionId', 'lessonId', 'evidenceId']);
  const paramsOf = (op: Operation) => [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const isScoped = (op: Operation) => paramsOf(op).some((p) => SCOPED.has(p));

  function call(op: Operation, t: Tree, token?: string): request.Test {
    const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => fixture(name, t));
    const method = op.method as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';
    let req = h.http[method](url);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return ['post', 'put', 'patch'].includes(method) ? req.send({}) : req;
  }

  const outcome = (res: request.Response) =>
    res.status >= 500 ? `server error ${res.status}` : res.status === 401 ? '401' : res.status === 403 ? 'forbidden' : 'allowed';

  beforeAll(async () => {
    await h.setUp();
    admin = (await h.loginOk()).accessToken;
    sign = createSigner({ key: h.env.AUTH_JWT_SECRET as string, iss: 'lms' });
    mine = await tree('Một', true);
    other = await tree('Hai', false);
    for (const role of ROLES) {
      const holder = await account(`matrix-${role}`, role, homeOf(role, mine));
      if (role === 'parent') await h.sql.query('INSERT INTO parent_link (parent_id, child_id) VALUES ($1, $2)', [holder.id, mine.student]);
      // Authors see the courses they work on: every holder collaborates on the first tree's course.
      await h.sql.query("INSERT INTO course_collaborator (course_id, user_id, role) VALUES ($1, $2, 'editor')", [mine.course, holder.id]);
      tokens.set(role, sign({ sub: holder.id, usr: `matrix-${role}`, roles: [role] }));
    }
    const doc = (await h.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method,
        path,
        operationId: String(op.operationId),
        isPublic: op['x-lms-public'] === true,
        permission: op['x-lms-permission'] as string | undefined,
        hasBody: op.requestBody !== undefined,
      })),
    );
  });

  afterAll(async () => {
    await h.tearDown();
  });

  it('every operation declares @Public() or a permission, and every path parameter has a fixture', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((op) => !op.isPublic && !op.permission).map((op) => op.operationId)).toEqual([]);
    for (const op of operations) for (const p of paramsOf(op)) expect(() => fixture(p, mine)).not.toThrow();
  });

  it('without a token: protected operations answer 401, none answers 5xx', async () => {
    for (const op of operations) {
      const res = await call(op, mine);
      expect({ op: op.operationId, status: res.status >= 500 ? res.status : 'ok' }).toEqual({ op: op.operationId, status: 'ok' });
      if (!op.isPublic) expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 401 });
    }
  });

  it.each(ROLES.map((role) => [role]))('as %s: 403 exactly where the role lacks the permission; reads inside its subtree are answered', async (role: Role) => {
    const token = tokens.get(role)!;
    for (const op of operations.filter((o) => !o.isPublic)) {
      const allowed = ROLE_PERMISSIONS[role].includes(op.permission as string);
      // Without the permission nothing is tried: writes too are safe to send.
      if (!allowed) {
        expect({ op: op.operationId, role, outcome: outcome(await call(op, mine, token)) }).toEqual({ op: op.operationId, role, outcome: 'forbidden' });
        continue;
      }
      if (op.method !== 'get') continue; // writes inside the reach would change the fixtures
      const res = await call(op, mine, token);
      const seen = { op: op.operationId, role, outcome: outcome(res), notFound: res.status === 404 && NOT_FOUND_CODES.includes(res.body?.code) };
      expect(seen).toEqual({ op: op.operationId, role, outcome: 'allowed', notFound: false });
    }
  });

  it.each(ROLES.filter((r) => r !== 'administrator').map((role) => [role]))('as %s: outside its subtree every scoped operation answers 403 or 404', async (role: Role) => {
    const token = tokens.get(role)!;
    for (const op of operations.filter((o) => !o.isPublic && isScoped(o) && ROLE_PERMISSIONS[role].includes(o.permission as string))) {
      const res = await call(op, other, token);
      const refused = res.status === 403 || res.status === 404 || (op.hasBody && res.status === 400);
      expect({ op: op.operationId, role, status: res.status, refused }).toEqual({ op: op.operationId, role, status: res.status, refused: true });
    }
    // Nothing of the other tree changed.
    const { rows } = await h.sql.query('SELECT archived_at FROM org_unit WHERE id = ANY($1::uuid[]) AND archived_at IS NOT NULL', [[other.institution, other.klass]]);
    expect(rows).toEqual([]);
    const { rows: assignments } = await h.sql.query('SELECT 1 FROM role_assignment WHERE id = $1', [other.studentAssignment]);
    expect(assignments).toHaveLength(1);
  });

  it('as administrator: the other tree is inside the reach too', async () => {
    const res = await h.http.get(`/api/v1/users/${other.student}`).set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
  });
});
