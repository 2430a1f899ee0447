import { ADMIN_PASSWORD, ADMIN_USERNAME, IdentityHarness, PLAIN_ASCII, VIETNAMESE, expectError, rid } from './identity-app';

jest.setTimeout(60_000);

/**
 * Lockout after 5 consecutive failures, on a database of its own (it locks the only account for
 * 15 minutes, so nothing else can share it).
 */
describe('identity: account lockout (real api, real PostgreSQL)', () => {
  const h = new IdentityHarness();
  const WRONG = 'Wrong-Password-42!';
  let adminId: string;

  beforeAll(async () => {
    await h.setUp();
    const t = await h.loginOk();
    adminId = (await h.me(t.accessToken).expect(200)).body.id;
  });

  afterAll(async () => {
    await h.tearDown();
  });

  it('does not lock after 4 failures, and a success starts the count again', async () => {
    for (let i = 0; i < 4; i++) expectError(await h.login(ADMIN_USERNAME, WRONG), 401, 'AUTH_INVALID_CREDENTIALS');
    await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
    for (let i = 0; i < 4; i++) expectError(await h.login(ADMIN_USERNAME, WRONG), 401, 'AUTH_INVALID_CREDENTIALS');
    // 8 failures in all, never 5 in a row: still open.
    await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
    expect(await h.audit({ action: 'auth.account.locked' })).toEqual([]);
  });

  const ids: string[] = [];

  it('locks after 5 consecutive failures: the right password then gets 423, a wrong one still 401', async () => {
    for (let i = 0; i < 5; i++) {
      const requestId = rid(`fail${i}`);
      ids.push(requestId);
      // The failures themselves all look the same to the caller (mixed case: still one account).
      const res = await h.login(i % 2 ? 'QuanTri' : ADMIN_USERNAME, WRONG, { 'X-Request-Id': requestId });
      expectError(res, 401, 'AUTH_INVALID_CREDENTIALS');
    }

    // A guesser learns nothing: wrong passwords still answer 401, not 423.
    expectError(await h.login(ADMIN_USERNAME, WRONG), 401, 'AUTH_INVALID_CREDENTIALS');

    // The owner with the right password is told the account is locked, and gets no token.
    const locked = await h.login(ADMIN_USERNAME, ADMIN_PASSWORD);
    expectError(locked, 423, 'AUTH_ACCOUNT_LOCKED');
    expect(locked.body.accessToken).toBeUndefined();
    expect(locked.body.message).toMatch(VIETNAMESE);
    const en = await h.login('QUANTRI', ADMIN_PASSWORD, { 'Accept-Language': 'en' });
    expectError(en, 423, 'AUTH_ACCOUNT_LOCKED');
    expect(en.body.message).toMatch(PLAIN_ASCII);
    expect(en.body.message).not.toBe(locked.body.message);
  });

  it('audits every failure with the user and its request id, and the lock itself once', async () => {
    expect(ids).toHaveLength(5); // set by the previous test
    for (const requestId of ids) {
      const rows = await h.audit({ requestId });
      expect(rows.map((r) => r.action)).toContain('auth.login.failed');
      expect(rows.every((r) => r.user_id === adminId)).toBe(true);
    }
    const lockRows = await h.audit({ action: 'auth.account.locked' });
    expect(lockRows).toHaveLength(1);
    expect(lockRows[0].user_id).toBe(adminId);
    expect(lockRows[0].request_id).toBe(ids[4]); // the fifth failure locked it
  });

  it('stays locked for a second right-password attempt (the 423 does not unlock it)', async () => {
    expectError(await h.login(ADMIN_USERNAME, ADMIN_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
    expectError(await h.login(ADMIN_USERNAME, ADMIN_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
  });

  it('never answers 423 for an unknown username, however many attempts', async () => {
    for (let i = 0; i < 6; i++) expectError(await h.login('khach-la', WRONG), 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(await h.login('khach-la', ADMIN_PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS');
  });
});
