import { ADMIN_PASSWORD, ADMIN_USERNAME, IdentityHarness, expectError } from './identity-app';

jest.setTimeout(60_000);

/** The start-up administrator is created only when no administrator exists. */
describe('identity: start-up administrator (real api, restarted on the same database)', () => {
  const h = new IdentityHarness();

  beforeAll(async () => {
    await h.setUp();
  });

  afterAll(async () => {
    await h.tearDown();
  });

  it('is created on first start and signs in', async () => {
    const t = await h.loginOk();
    const me = await h.me(t.accessToken).expect(200);
    expect(me.body.roles).toContainEqual(expect.objectContaining({ role: 'administrator' }));
  });

  it('is not re-created or reset when the api restarts with other ADMIN_* values', async () => {
    const before = (await h.me((await h.loginOk()).accessToken).expect(200)).body.id;
    const countAudit = async () => (await h.audit()).length;
    expect(await countAudit()).toBeGreaterThan(0);

    await h.boot({ ADMIN_USERNAME: 'quantri2', ADMIN_PASSWORD: 'Kien-An-Moi-2030$' });
    // The existing administrator keeps the original password…
    const t = await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
    expect((await h.me(t.body.accessToken).expect(200)).body.id).toBe(before);
    // …and no second administrator appeared.
    expectError(await h.login('quantri2', 'Kien-An-Moi-2030$'), 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(await h.login(ADMIN_USERNAME, 'Kien-An-Moi-2030$'), 401, 'AUTH_INVALID_CREDENTIALS');
  });
});
