import { ADMIN_PASSWORD, ADMIN_USERNAME, IdentityHarness } from './identity-app';

describe('sign-in rate limits per account and per IP (real api, Redis when configured)', () => {
  const h = new IdentityHarness();

  beforeAll(async () => {
    await h.setUp({ AUTH_RATE_LIMIT_PER_ACCOUNT: '3', AUTH_RATE_LIMIT_PER_IP: '8', AUTH_LOCKOUT_THRESHOLD: '100' });
  });

  afterAll(async () => {
    await h.tearDown();
  });

  it('limits attempts on one username, whatever the password, with a clear 429', async () => {
    for (let i = 0; i < 3; i++) expect((await h.login(ADMIN_USERNAME.toUpperCase(), `wrong-${i}`)).status).toBe(401);
    const limited = await h.login(ADMIN_USERNAME, ADMIN_PASSWORD).set('Accept-Language', 'en');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'Too many requests; try again later.' });
    // Another account from the same client is not affected by that account's limit.
    expect((await h.login('nguoi-khac', 'wrong')).status).toBe(401);
  });

  it('limits attempts from one IP across usernames', async () => {
    // 3 + 1 + 1 requests so far from this IP; 3 more reach the limit of 8, the next is refused.
    for (let i = 0; i < 3; i++) expect((await h.login(`khach-${i}`, 'wrong')).status).toBe(401);
    const limited = await h.login('khach-moi', 'wrong');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
  });
});
