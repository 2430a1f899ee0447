import { randomUUID } from 'node:crypto';
import { ROLE_PERMISSIONS, ROLES, type Role } from '@lms/identity';
import { createSigner } from 'fast-jwt';
import { IdentityHarness } from './identity-app';

interface Operation {
  method: string;
  path: string;
  operationId: string;
  isPublic: boolean;
  permission: string | undefined;
}

/**
 * Walks every operation of the api's own OpenAPI document, without a token and with a token of each
 * role, and checks the answer the declaration promises: a new route joins without edits here.
 * (Scoped checks — inside or outside a role's subtree — join when the organisation tree lands.)
 */
describe('authorisation matrix over every operation of the OpenAPI document', () => {
  const h = new IdentityHarness();
  let operations: Operation[] = [];
  let sign: (claims: Record<string, unknown>) => string;

  beforeAll(async () => {
    await h.setUp();
    sign = createSigner({ key: h.env.AUTH_JWT_SECRET as string, iss: 'lms' });
    const doc = (await h.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method,
        path,
        operationId: String(op.operationId),
        isPublic: op['x-lms-public'] === true,
        permission: op['x-lms-permission'] as string | undefined,
      })),
    );
  });

  afterAll(async () => {
    await h.tearDown();
  });

  function call(op: Operation, token?: string) {
    // Wildcard keys ({path}) take a multi-segment value, every other parameter a well-formed id.
    const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === 'path' ? 'matrix/probe.bin' : '00000000-0000-4000-8000-000000000000'));
    const method = op.method as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';
    let req = h.http[method](url);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return ['post', 'put', 'patch'].includes(method) ? req.send({}) : req;
  }

  it('every operation declares @Public() or a permission', () => {
    expect(operations.length).toBeGreaterThan(10);
    expect(operations.filter((op) => !op.isPublic && !op.permission).map((op) => op.operationId)).toEqual([]);
  });

  it('without a token: protected operations answer 401, none answers 5xx', async () => {
    for (const op of operations) {
      const res = await call(op);
      expect({ op: op.operationId, status: res.status >= 500 ? res.status : 'ok' }).toEqual({ op: op.operationId, status: 'ok' });
      if (!op.isPublic) expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 401 });
    }
  });

  it.each(ROLES.map((role) => [role]))('as %s: 403 exactly where the role lacks the permission', async (role: Role) => {
    const token = sign({ sub: randomUUID(), usr: `matrix-${role}`, roles: [role] });
    for (const op of operations.filter((o) => !o.isPublic)) {
      const res = await call(op, token);
      const allowed = ROLE_PERMISSIONS[role].includes(op.permission as string);
      const outcome = res.status >= 500 ? `server error ${res.status}` : res.status === 401 ? '401' : res.status === 403 ? 'forbidden' : 'allowed';
      expect({ op: op.operationId, role, outcome }).toEqual({ op: op.operationId, role, outcome: allowed ? 'allowed' : 'forbidden' });
    }
  });
});
