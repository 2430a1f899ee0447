import { randomBytes } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  IdentityHarness,
  PLAIN_ASCII,
  VIETNAMESE,
  expectError,
  rid,
  type TokenPair,
} from './identity-app';

jest.setTimeout(60_000);

/**
 * Accounts and sign-in against the real api and real PostgreSQL: the administrator created at
 * start-up, login, token rotation and reuse detection, logout, /me, the global guard, password
 * change and the audit trail. Lockout has a file of its own (it locks the only account).
 */
describe('identity: sign-in, tokens, /me, password change (real api, real PostgreSQL)', () => {
  const h = new IdentityHarness();
  let adminId: string;

  beforeAll(async () => {
    await h.setUp();
    // The administrator's id, for audit and token checks (the /me test checks /me itself).
    const t = await h.login(ADMIN_USERNAME, ADMIN_PASSWORD);
    if (t.status === 200) adminId = (await h.me(t.body.accessToken)).body?.id;
  });

  afterAll(async () => {
    await h.tearDown();
  });

  describe('POST /auth/login', () => {
    it('signs the start-up administrator in and returns a bearer token pair', async () => {
      const res = await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'mustChangePassword', 'refreshToken', 'tokenType']);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(typeof res.body.mustChangePassword).toBe('boolean');
      expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(typeof res.body.refreshToken).toBe('string');
      expect(res.body.refreshToken.length).toBeGreaterThanOrEqual(20);
      expect(res.body.refreshToken).not.toBe(res.body.accessToken);
      // Each sign-in is its own session.
      const again = await h.loginOk();
      expect(again.refreshToken).not.toBe(res.body.refreshToken);
    });

    it('treats the username case-insensitively', async () => {
      const res = await h.login('QUANTRI', ADMIN_PASSWORD).expect(200);
      const me = await h.me(res.body.accessToken).expect(200);
      expect(me.body.username).toBe(ADMIN_USERNAME);
    });

    it('does not treat the password case-insensitively', async () => {
      const res = await h.login(ADMIN_USERNAME, ADMIN_PASSWORD.toUpperCase());
      expectError(res, 401, 'AUTH_INVALID_CREDENTIALS');
    });

    it('answers a wrong password and an unknown username identically (401, Vietnamese by default)', async () => {
      const wrong = await h.login(ADMIN_USERNAME, 'Not-The-Password-1!');
      const unknown = await h.login('khong-ton-tai', 'Not-The-Password-1!');
      expectError(wrong, 401, 'AUTH_INVALID_CREDENTIALS');
      expectError(unknown, 401, 'AUTH_INVALID_CREDENTIALS');
      expect(unknown.body.message).toBe(wrong.body.message);
      expect(wrong.body.message).toMatch(VIETNAMESE);
      expect(Object.keys(wrong.body).sort()).toEqual(Object.keys(unknown.body).sort());
      // Two failures only: well below the lockout threshold, and the next success resets the count.
      await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
    });

    it('answers in English with Accept-Language: en', async () => {
      const en = await h.login(ADMIN_USERNAME, 'Not-The-Password-1!', { 'Accept-Language': 'en' });
      const enUnknown = await h.login('nobody-here', 'Not-The-Password-1!', { 'Accept-Language': 'en' });
      expectError(en, 401, 'AUTH_INVALID_CREDENTIALS');
      expect(en.body.message).toMatch(PLAIN_ASCII);
      expect(en.body.message).not.toMatch(VIETNAMESE);
      expect(enUnknown.body.message).toBe(en.body.message);
      await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
    });

    it.each([
      ['a missing password', { username: ADMIN_USERNAME }],
      ['a missing username', { password: ADMIN_PASSWORD }],
      ['an empty body object', {}],
      ['an extra field', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD, role: 'administrator' }],
      ['a non-string password', { username: ADMIN_USERNAME, password: 12345678 }],
    ])('rejects %s with 400 VALIDATION_FAILED', async (_label, body) => {
      const res = await h.http.post('/api/v1/auth/login').send(body);
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it('does not sign in when the extra field is the only thing wrong (no token leaks out)', async () => {
      const res = await h.http.post('/api/v1/auth/login').send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD, isAdmin: true }).expect(400);
      expect(res.body.accessToken).toBeUndefined();
      expect(JSON.stringify(res.body.details ?? {})).toContain('isAdmin');
    });
  });

  describe('GET /me and the global guard', () => {
    let tokens: TokenPair;

    beforeAll(async () => {
      tokens = await h.loginOk();
    });

    it('returns the signed-in user with the administrator role', async () => {
      const res = await h.me(tokens.accessToken).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(
        ['displayName', 'email', 'grantable', 'id', 'managesEverywhere', 'mustChangePassword', 'permissions', 'phone', 'preferredLanguage', 'roles', 'status', 'username'].sort(),
      );
      expect(res.body.permissions).toEqual(expect.arrayContaining(['org.manage', 'roster.import', 'system.read', 'user.manage']));
      expect(res.body.managesEverywhere).toBe(true);
      expect(res.body.grantable.map((g: { role: string }) => g.role)).toContain('administrator');
      expect(res.body.grantable.find((g: { role: string }) => g.role === 'student').unitTypes).toEqual(['class']);
      expect(res.body.username).toBe(ADMIN_USERNAME);
      expect(typeof res.body.id).toBe('string');
      expect(res.body.mustChangePassword).toBe(tokens.mustChangePassword);
      expect(Array.isArray(res.body.roles)).toBe(true);
      expect(res.body.roles).toContainEqual(expect.objectContaining({ role: 'administrator' }));
      for (const r of res.body.roles) expect(Object.keys(r).sort()).toEqual(['role', 'unitId']);
      // Never any credential material.
      expect(JSON.stringify(res.body)).not.toMatch(/\$argon2|passwordHash/i);
      expect(JSON.stringify(res.body)).not.toContain(ADMIN_PASSWORD);
      expect(res.body.id).toBe(adminId);
    });

    it('opens GET /system/info (permission system.read) to the administrator, and only with a token', async () => {
      const ok = await h.http.get('/api/v1/system/info').set('Authorization', `Bearer ${tokens.accessToken}`).expect(200);
      expect(typeof ok.body.version).toBe('string');
      expect(Array.isArray(ok.body.appliedMigrations)).toBe(true);
      const anon = await h.http.get('/api/v1/system/info');
      expectError(anon, 401, 'UNAUTHENTICATED');
    });

    it('answers 401 UNAUTHENTICATED without a token, in Vietnamese and in English', async () => {
      const vi = await h.http.get('/api/v1/me');
      expectError(vi, 401, 'UNAUTHENTICATED');
      expect(vi.body.message).toBe('Bạn cần đăng nhập.');
      const en = await h.http.get('/api/v1/me').set('Accept-Language', 'en');
      expect(en.body.message).toBe('You need to sign in.');
    });

    /** The claims of a real access token, signed again with `key` and the given changes. */
    const resign = (key: string, changes: Record<string, unknown> = {}): string => {
      const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
      return createSigner({ key, algorithm: 'HS256' })({ ...claims, ...changes });
    };
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts the same claims re-signed with the real secret (control for the next two tests)', async () => {
      const control = resign(h.env.AUTH_JWT_SECRET as string, { iat: now() - 10, exp: now() + 600 });
      expect((await h.me(control).expect(200)).body.id).toBe(adminId);
    });

    it('refuses a token signed with another secret, even with the right claims', async () => {
      const forged = resign(randomBytes(32).toString('hex'), { iat: now() - 10, exp: now() + 600 });
      expectError(await h.me(forged), 401, 'UNAUTHENTICATED');
      const info = await h.http.get('/api/v1/system/info').set('Authorization', `Bearer ${forged}`);
      expectError(info, 401, 'UNAUTHENTICATED');
      // The contract's minimal shape, too.
      const minimal = createSigner({ key: randomBytes(32).toString('hex'), expiresIn: 600_000 })({ sub: adminId, roles: ['administrator'] });
      expectError(await h.me(minimal), 401, 'UNAUTHENTICATED');
    });

    it('refuses an expired token signed with the real secret', async () => {
      const expired = resign(h.env.AUTH_JWT_SECRET as string, { iat: now() - 3600, exp: now() - 600 });
      expectError(await h.me(expired), 401, 'UNAUTHENTICATED');
      const justExpired = resign(h.env.AUTH_JWT_SECRET as string, { iat: now() - 901, exp: now() - 1 });
      expectError(await h.me(justExpired), 401, 'UNAUTHENTICATED');
    });

    it('refuses an unsigned (alg: none) token', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString());
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iat: now(), exp: now() + 600 })}.`;
      expectError(await h.me(unsigned), 401, 'UNAUTHENTICATED');
    });

    it('refuses a token whose payload was altered after signing', async () => {
      const [header, , signature] = tokens.accessToken.split('.');
      const payload = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString());
      const altered = Buffer.from(JSON.stringify({ ...payload, roles: ['administrator', 'superuser'], exp: (payload.exp ?? 0) + 86_400 })).toString('base64url');
      expectError(await h.me(`${header}.${altered}.${signature}`), 401, 'UNAUTHENTICATED');
    });

    it.each([
      ['a malformed token', 'Bearer not-a-jwt'],
      ['three garbage segments', 'Bearer aaa.bbb.ccc'],
      ['an empty bearer', 'Bearer '],
      ['a non-bearer scheme', `Basic ${Buffer.from(`${ADMIN_USERNAME}:${ADMIN_PASSWORD}`).toString('base64')}`],
    ])('refuses %s with 401 UNAUTHENTICATED', async (_label, header) => {
      const res = await h.http.get('/api/v1/me').set('Authorization', header);
      expectError(res, 401, 'UNAUTHENTICATED');
    });

    it('does not accept a refresh token as an access token', async () => {
      expectError(await h.me(tokens.refreshToken), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates: a new token pair whose access token works, and a new refresh token', async () => {
      const first = await h.loginOk();
      const res = await h.refresh(first.refreshToken).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'mustChangePassword', 'refreshToken', 'tokenType']);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(res.body.refreshToken).not.toBe(first.refreshToken);
      const me = await h.me(res.body.accessToken).expect(200);
      expect(me.body.username).toBe(ADMIN_USERNAME);
      // The rotated one keeps rotating.
      const third = await h.refresh(res.body.refreshToken).expect(200);
      expect(third.body.refreshToken).not.toBe(res.body.refreshToken);
    });

    it('detects reuse of a rotated token and revokes the whole family, but not other sessions', async () => {
      const other = await h.loginOk(); // a second session (another device)
      const first = await h.loginOk();
      const second = (await h.refresh(first.refreshToken).expect(200)).body as TokenPair;

      const requestId = rid('reuse');
      const reuse = await h.refresh(first.refreshToken).set('X-Request-Id', requestId);
      expectError(reuse, 401, 'AUTH_REFRESH_INVALID');
      expect(reuse.body.accessToken).toBeUndefined();

      // The newest token of the family is dead too.
      expectError(await h.refresh(second.refreshToken), 401, 'AUTH_REFRESH_INVALID');

      // Another session of the same user is untouched.
      const stillFine = await h.refresh(other.refreshToken).expect(200);
      await h.me(stillFine.body.accessToken).expect(200);

      const rows = await h.audit({ action: 'auth.refresh.reused' });
      expect(rows.length).toBeGreaterThanOrEqual(1);
      const row = rows.find((r) => r.request_id === requestId);
      expect(row).toBeDefined();
      expect(row?.user_id).toBe(adminId);
    });

    it.each([
      ['a garbage token', 'this-is-not-a-refresh-token'],
      ['a long random token', randomBytes(48).toString('base64url')],
    ])('refuses %s with 401 AUTH_REFRESH_INVALID', async (_label, token) => {
      expectError(await h.refresh(token), 401, 'AUTH_REFRESH_INVALID');
    });

    it('does not accept an access token as a refresh token', async () => {
      const t = await h.loginOk();
      expectError(await h.refresh(t.accessToken), 401, 'AUTH_REFRESH_INVALID');
    });

    it('rejects a missing or extra field with 400 VALIDATION_FAILED', async () => {
      expectError(await h.http.post('/api/v1/auth/refresh').send({}), 400, 'VALIDATION_FAILED');
      const t = await h.loginOk();
      expectError(await h.http.post('/api/v1/auth/refresh').send({ refreshToken: t.refreshToken, userId: adminId }), 400, 'VALIDATION_FAILED');
      // A refused request did not spend the token.
      await h.refresh(t.refreshToken).expect(200);
    });
  });

  describe('POST /auth/logout', () => {
    it('ends the session: 204, then the refresh token (and its family) no longer refreshes', async () => {
      const first = await h.loginOk();
      const second = (await h.refresh(first.refreshToken).expect(200)).body as TokenPair;
      const other = await h.loginOk();

      const res = await h.http.post('/api/v1/auth/logout').send({ refreshToken: second.refreshToken }).expect(204);
      expect(res.text).toBe('');
      expectError(await h.refresh(second.refreshToken), 401, 'AUTH_REFRESH_INVALID');
      expectError(await h.refresh(first.refreshToken), 401, 'AUTH_REFRESH_INVALID');
      // Logging out one device leaves the others signed in.
      await h.refresh(other.refreshToken).expect(200);
    });
  });

  describe('audit trail (audit_event)', () => {
    it('records a successful sign-in with the user and the request id', async () => {
      const requestId = rid('login-ok');
      await h.login(ADMIN_USERNAME, ADMIN_PASSWORD, { 'X-Request-Id': requestId }).expect(200);
      const rows = await h.audit({ requestId });
      expect(rows.map((r) => r.action)).toEqual(['auth.login.succeeded']);
      expect(rows[0].user_id).toBe(adminId);
      expect(rows[0].at).toBeInstanceOf(Date);
      expect(Math.abs(Date.now() - rows[0].at.getTime())).toBeLessThan(60_000);
    });

    it('records failed sign-ins (wrong password: with the user; unknown user: without) and never the password', async () => {
      const wrongId = rid('login-wrong');
      const unknownId = rid('login-unknown');
      const attempted = `Secret-Guess-${randomBytes(3).toString('hex')}!`;
      await h.login(ADMIN_USERNAME, attempted, { 'X-Request-Id': wrongId }).expect(401);
      await h.login('ai-do-khong-co', attempted, { 'X-Request-Id': unknownId }).expect(401);
      await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200); // reset the failure count

      const wrong = await h.audit({ requestId: wrongId });
      expect(wrong.map((r) => r.action)).toEqual(['auth.login.failed']);
      expect(wrong[0].user_id).toBe(adminId);
      const unknown = await h.audit({ requestId: unknownId });
      expect(unknown.map((r) => r.action)).toEqual(['auth.login.failed']);
      expect(unknown[0].user_id).toBeNull();

      const everything = JSON.stringify(await h.audit());
      expect(everything).not.toContain(attempted);
      expect(everything).not.toContain(ADMIN_PASSWORD);
    });
  });

  // Last: it changes the administrator's password.
  describe('POST /me/password', () => {
    const NEW_PASSWORD = 'Do-Son-Bien-2027#';
    let session: TokenPair;
    let earlierSession: TokenPair;

    beforeAll(async () => {
      earlierSession = await h.loginOk();
      session = await h.loginOk();
    });

    const change = (accessToken: string | null, body: object, headers: Record<string, string> = {}) => {
      const req = h.http.post('/api/v1/me/password');
      if (accessToken) req.set('Authorization', `Bearer ${accessToken}`);
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      return req.send(body);
    };

    it('requires a signed-in user', async () => {
      expectError(await change(null, { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD }), 401, 'UNAUTHENTICATED');
    });

    it('refuses a wrong current password with 401 AUTH_INVALID_CREDENTIALS and changes nothing', async () => {
      const res = await change(session.accessToken, { currentPassword: 'Wrong-Current-1!', newPassword: NEW_PASSWORD });
      expectError(res, 401, 'AUTH_INVALID_CREDENTIALS');
      await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
      await h.login(ADMIN_USERNAME, NEW_PASSWORD).expect(401);
    });

    it.each([
      ['an all-digit password', '12345678'],
      ['a password containing the username', `Quantri-Hai-Phong-9!`],
      ['a too-short password', 'Ab1!x'],
    ])('refuses %s with 422 PASSWORD_POLICY explaining the rules', async (_label, weak) => {
      const res = await change(session.accessToken, { currentPassword: ADMIN_PASSWORD, newPassword: weak });
      expectError(res, 422, 'PASSWORD_POLICY');
      expect(res.body.details).toBeDefined();
      expect(JSON.stringify(res.body.details).length).toBeGreaterThan(10);
      expect(JSON.stringify(res.body)).not.toContain(weak);
      // Nothing changed: the old password still signs in, the weak one does not.
      await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
      await h.login(ADMIN_USERNAME, weak).expect(401);
    });

    it('explains the policy in English with Accept-Language: en', async () => {
      const res = await change(session.accessToken, { currentPassword: ADMIN_PASSWORD, newPassword: '12345678' }, { 'Accept-Language': 'en' });
      expectError(res, 422, 'PASSWORD_POLICY');
      expect(res.body.message).toMatch(PLAIN_ASCII);
      const vi = await change(session.accessToken, { currentPassword: ADMIN_PASSWORD, newPassword: '12345678' });
      expect(vi.body.message).toMatch(VIETNAMESE);
    });

    it('rejects missing or extra fields with 400 VALIDATION_FAILED', async () => {
      expectError(await change(session.accessToken, { newPassword: NEW_PASSWORD }), 400, 'VALIDATION_FAILED');
      expectError(await change(session.accessToken, { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD, username: 'x' }), 400, 'VALIDATION_FAILED');
      await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
    });

    it('changes the password: 204, old password refused, new one accepted, earlier refresh tokens dead, audited', async () => {
      const requestId = rid('pw-change');
      const res = await change(session.accessToken, { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD }, { 'X-Request-Id': requestId }).expect(204);
      expect(res.text).toBe('');

      expectError(await h.login(ADMIN_USERNAME, ADMIN_PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS');
      const fresh = await h.login(ADMIN_USERNAME, NEW_PASSWORD).expect(200);
      await h.me(fresh.body.accessToken).expect(200);
      await h.refresh(fresh.body.refreshToken).expect(200);

      // Every refresh token issued before the change, this session's and other devices', is dead.
      expectError(await h.refresh(session.refreshToken), 401, 'AUTH_REFRESH_INVALID');
      expectError(await h.refresh(earlierSession.refreshToken), 401, 'AUTH_REFRESH_INVALID');

      const rows = await h.audit({ requestId });
      expect(rows.map((r) => r.action)).toEqual(['auth.password.changed']);
      expect(rows[0].user_id).toBe(adminId);
      expect(JSON.stringify(await h.audit())).not.toContain(NEW_PASSWORD);
    });
  });
});
