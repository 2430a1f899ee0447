// npm run bench:login — sign-ins per second (argon2id verification is the cost, by design) and
// authenticated `GET /api/v1/me` requests per second (access-token verification on the hot path),
// against the built api. Last line:
//   BENCH login logins_per_s=<n> p99_ms=<n> me_rps=<n> me_p99_ms=<n> argon2=<params>
import { measure, machine, startApi } from './lib/bench-api.mjs';

const USERNAME = 'bench-admin';
const PASSWORD = 'Bench-Login-2026!';
const duration = Number(process.env.BENCH_DURATION ?? 8);

const api = await startApi({ ADMIN_USERNAME: USERNAME, ADMIN_PASSWORD: PASSWORD, AUTH_LOCKOUT_THRESHOLD: '100' });
try {
  console.log(`bench:login on ${machine()}, ${duration}s each`);
  const body = JSON.stringify({ username: USERNAME, password: PASSWORD });
  const login = await measure('POST /api/v1/auth/login (argon2id verify + tokens + audit row)', {
    url: `${api.base}/api/v1/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 8,
    duration,
  });
  const tokens = await (await fetch(`${api.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
  const me = await measure('GET /api/v1/me (Bearer)', {
    url: `${api.base}/api/v1/me`,
    headers: { authorization: `Bearer ${tokens.accessToken}` },
    connections: 50,
    duration,
  });
  const { createRequire } = await import('node:module');
  const { ARGON2_OPTIONS } = createRequire(import.meta.url)('../dist/libs/identity/src/password.js');
  const argon2 = `argon2id,m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}`;
  console.log(
    `BENCH login logins_per_s=${Math.round(login.requests.average)} p99_ms=${login.latency.p99} me_rps=${Math.round(me.requests.average)} me_p99_ms=${me.latency.p99} argon2=${argon2}`,
  );
} finally {
  await api.stop();
}
