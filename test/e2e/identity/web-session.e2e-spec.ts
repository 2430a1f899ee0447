import { ADMIN_PASSWORD, ADMIN_USERNAME, IdentityHarness } from './identity-app';

/** Cookies of a response as name → { value, attributes }. */
function cookiesOf(res: { headers: Record<string, unknown> }): Record<string, { value: string; attributes: string }> {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return Object.fromEntries(
    list.map((line) => {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at).trim(), { value: pair.slice(at + 1), attributes: attributes.join(';').toLowerCase() }];
    }),
  );
}

function cookieHeader(jar: Record<string, { value: string }>): string {
  return Object.entries(jar)
    .filter(([, c]) => c.value)
    .map(([name, c]) => `${name}=${c.value}`)
    .join('; ');
}

describe('web session: httpOnly cookies with CSRF double submit (real api, real PostgreSQL)', () => {
  const h = new IdentityHarness();

  beforeAll(async () => {
    await h.setUp();
  });

  afterAll(async () => {
    await h.tearDown();
  });

  async function webLogin() {
    const res = await h.http.post('/api/v1/auth/web/login').send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD }).expect(200);
    return { res, jar: cookiesOf(res) };
  }

  it('signs in into httpOnly token cookies and a readable CSRF cookie, tokens never in the body', async () => {
    const { res, jar } = await webLogin();
    expect(Object.keys(res.body).sort()).toEqual(['csrfToken', 'expiresIn', 'mustChangePassword']);
    expect(jar.lms_at.attributes).toContain('httponly');
    expect(jar.lms_at.attributes).toContain('samesite=lax');
    expect(jar.lms_rt.attributes).toContain('httponly');
    expect(jar.lms_rt.attributes).toContain('path=/api/v1/auth/web');
    expect(jar.lms_csrf.attributes).not.toContain('httponly');
    expect(jar.lms_csrf.value).toBe(res.body.csrfToken);
  });

  it('authenticates reads by cookie, and refuses unsafe requests without the CSRF header', async () => {
    const { jar } = await webLogin();
    const cookie = cookieHeader(jar);
    const me = await h.http.get('/api/v1/me').set('Cookie', cookie).expect(200);
    expect(me.body.username).toBe(ADMIN_USERNAME);

    const body = { currentPassword: 'wrong-password-1', newPassword: 'Another-Pass-2026' };
    const noHeader = await h.http.post('/api/v1/me/password').set('Cookie', cookie).send(body).expect(403);
    expect(noHeader.body.code).toBe('CSRF_INVALID');
    const wrongHeader = await h.http.post('/api/v1/me/password').set('Cookie', cookie).set('X-CSRF-Token', 'forged').send(body).expect(403);
    expect(wrongHeader.body.code).toBe('CSRF_INVALID');
    // With the header the request reaches the rules (here: the wrong current password).
    const withHeader = await h.http.post('/api/v1/me/password').set('Cookie', cookie).set('X-CSRF-Token', jar.lms_csrf.value).send(body).expect(401);
    expect(withHeader.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refreshes from the cookie (rotating it) only with the CSRF header, and signs out', async () => {
    const { jar } = await webLogin();
    await h.http.post('/api/v1/auth/web/refresh').set('Cookie', cookieHeader(jar)).expect(403);
    const refreshed = await h.http.post('/api/v1/auth/web/refresh').set('Cookie', cookieHeader(jar)).set('X-CSRF-Token', jar.lms_csrf.value).expect(200);
    const next = { ...jar, ...cookiesOf(refreshed) };
    expect(next.lms_rt.value).not.toBe(jar.lms_rt.value);
    expect(next.lms_csrf.value).toBe(refreshed.body.csrfToken);

    // The replaced refresh cookie is now a reused token: refused, and it ends the family.
    await h.http.post('/api/v1/auth/web/refresh').set('Cookie', cookieHeader({ ...next, lms_rt: jar.lms_rt })).set('X-CSRF-Token', next.lms_csrf.value).expect(401);
    await h.http.post('/api/v1/auth/web/refresh').set('Cookie', cookieHeader(next)).set('X-CSRF-Token', next.lms_csrf.value).expect(401);

    const { jar: fresh } = await webLogin();
    const out = await h.http.post('/api/v1/auth/web/logout').set('Cookie', cookieHeader(fresh)).set('X-CSRF-Token', fresh.lms_csrf.value).expect(204);
    const cleared = cookiesOf(out);
    expect(cleared.lms_at.value).toBe('');
    expect(cleared.lms_rt.value).toBe('');
    await h.http.post('/api/v1/auth/web/refresh').set('Cookie', cookieHeader(fresh)).set('X-CSRF-Token', fresh.lms_csrf.value).expect(401);
  });

  it('a Bearer token needs no CSRF header (API clients)', async () => {
    const tokens = await h.loginOk();
    const res = await h.http
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .send({ currentPassword: 'wrong-password-1', newPassword: 'Another-Pass-2026' })
      .expect(401);
    expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });
});
