import { ADMIN_PASSWORD, ADMIN_USERNAME, IdentityHarness, expectError } from './identity-app';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Time-bound behaviour with short lifetimes: AUTH_ACCESS_TTL_SECONDS=1 (contract) and
 * AUTH_LOCKOUT_SECONDS=2 (the implementation's setting for the 15-minute lockout).
 */
describe('identity: access tokens expire, refresh keeps the session, lockout ends (real api)', () => {
  const h = new IdentityHarness();

  beforeAll(async () => {
    await h.setUp({ AUTH_ACCESS_TTL_SECONDS: '1', AUTH_LOCKOUT_SECONDS: '2' });
  });

  afterAll(async () => {
    await h.tearDown();
  });

  it('an access token stops working after its lifetime; the refresh token gets a working one', async () => {
    const t = await h.loginOk();
    expect(t.expiresIn).toBe(1);
    await h.me(t.accessToken).expect(200);
    await sleep(3_000);
    const expired = await h.me(t.accessToken);
    expectError(expired, 401, 'UNAUTHENTICATED');
    const info = await h.http.get('/api/v1/system/info').set('Authorization', `Bearer ${t.accessToken}`);
    expectError(info, 401, 'UNAUTHENTICATED');

    const renewed = await h.refresh(t.refreshToken).expect(200);
    expect(renewed.body.expiresIn).toBe(1);
    const me = await h.me(renewed.body.accessToken).expect(200);
    expect(me.body.username).toBe(ADMIN_USERNAME);
  });

  it('a lockout ends after its duration', async () => {
    for (let i = 0; i < 5; i++) expectError(await h.login(ADMIN_USERNAME, 'Wrong-Password-42!'), 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(await h.login(ADMIN_USERNAME, ADMIN_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
    await sleep(3_000);
    await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
  });
});
