import { buildAppConfig, validateEnvironment } from '@lms/core';
import { createSigner } from 'fast-jwt';
import { JwtAuthenticator } from './jwt.authenticator';
import { TokenService } from './token.service';

const SECRET = 'a'.repeat(64);
const config = buildAppConfig(
  validateEnvironment({ DATABASE_URL: 'postgres://u@127.0.0.1/x', STORAGE_SIGNING_SECRET: 's'.repeat(32), AUTH_JWT_SECRET: SECRET, AUTH_ACCESS_TTL_SECONDS: '60' }),
);

describe('access tokens', () => {
  const tokens = new TokenService(config);
  const authenticator = new JwtAuthenticator(tokens);
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  it('round-trips the claims and grants the roles’ permissions', async () => {
    const token = tokens.issueAccessToken({ sub: 'u-1', usr: 'quantri', roles: ['administrator'] });
    expect(tokens.verifyAccessToken(token)).toMatchObject({ sub: 'u-1', usr: 'quantri', roles: ['administrator'], iss: 'lms' });
    const principal = await authenticator.authenticate(bearer(token));
    expect(principal?.userId).toBe('u-1');
    expect(principal?.permissions.has('system.read')).toBe(true);
    expect(principal?.permissions.has('profile.read')).toBe(true);
  });

  it('gives a student no administrator permission', async () => {
    const principal = await authenticator.authenticate(bearer(tokens.issueAccessToken({ sub: 'u-2', usr: 'hs1', roles: ['student'] })));
    expect([...(principal?.permissions ?? [])].sort()).toEqual(['course.learn', 'evidence.upload', 'media.use', 'profile.read', 'profile.update']);
  });

  it('limits an account that must change its password to its own profile', async () => {
    const principal = await authenticator.authenticate(bearer(tokens.issueAccessToken({ sub: 'u-3', usr: 'gv1', roles: ['administrator'], mcp: true })));
    expect([...(principal?.permissions ?? [])].sort()).toEqual(['profile.read', 'profile.update']);
  });

  it('refuses forged, expired, tampered and malformed tokens', async () => {
    const forged = createSigner({ key: 'b'.repeat(64), iss: 'lms' })({ sub: 'u-1', usr: 'x', roles: ['administrator'] });
    const expired = createSigner({ key: SECRET, iss: 'lms' })({ sub: 'u-1', usr: 'x', roles: ['administrator'], exp: Math.floor(Date.now() / 1000) - 10 });
    const wrongIssuer = createSigner({ key: SECRET, iss: 'other' })({ sub: 'u-1', usr: 'x', roles: ['administrator'] });
    const good = tokens.issueAccessToken({ sub: 'u-1', usr: 'x', roles: ['student'] });
    const [h, p, s] = good.split('.');
    const elevated = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), roles: ['administrator'] })).toString('base64url')}.${s}`;
    for (const token of [forged, expired, wrongIssuer, elevated, 'not.a.token', '']) {
      expect(tokens.verifyAccessToken(token)).toBeNull();
      await expect(authenticator.authenticate(bearer(token))).resolves.toBeNull();
    }
    await expect(authenticator.authenticate({ headers: { authorization: `Basic ${good}` } })).resolves.toBeNull();
    await expect(authenticator.authenticate({ headers: {} })).resolves.toBeNull();
  });

  it('makes refresh tokens of 256 random bits and stores only their hash', () => {
    const a = tokens.newRefreshToken();
    const b = tokens.newRefreshToken();
    expect(a.token).not.toBe(b.token);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens.hashRefreshToken(a.token)).toBe(a.hash);
  });
});
