// npm run bench:health — autocannon against GET /health/live of the built api, then against a bare
// Fastify hello-world, in the same run on the same machine. Last line:
//   BENCH health rps=<n> baseline_rps=<n> ratio=<r>
// Uses DATABASE_URL (and REDIS_URL) when set, else embedded PostgreSQL in a temp folder.
import { fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const duration = Number(process.env.BENCH_DURATION ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function measure(label, url) {
  await autocannon({ url, connections, duration: 2 }); // warm-up (JIT, pools)
  const result = await autocannon({ url, connections, duration });
  const rps = Math.round(result.requests.average);
  console.log(`${label}: ${rps} req/s, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`);
  return rps;
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const tmp = await mkdtemp(path.join(os.tmpdir(), 'lms-bench-'));
let pg = null;
const env = { ...process.env };
if (!env.DATABASE_URL) {
  pg = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort(), persistent: false });
  env.DATABASE_URL = pg.url;
}
const apiPort = await freePort();
const api = fork(path.join(root, 'dist/apps/api/src/main.js'), [], {
  env: {
    ...env,
    NODE_ENV: 'production',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LMS_DATA_DIR: tmp,
    STORAGE_DRIVER: env.STORAGE_DRIVER ?? 'fs',
    STORAGE_SIGNING_SECRET: env.STORAGE_SIGNING_SECRET ?? randomBytes(32).toString('hex'),
    JOBS_DRIVER: env.JOBS_DRIVER ?? 'inline',
    AUTH_JWT_SECRET: env.AUTH_JWT_SECRET ?? randomBytes(32).toString('hex'),
  },
  stdio: 'inherit',
});
const basePort = await freePort();
const bare = fork(path.join(root, 'bench/bare-fastify.mjs'), [], { env: { PORT: String(basePort) }, stdio: 'inherit' });

try {
  await waitFor(`http://127.0.0.1:${apiPort}/health/live`);
  await waitFor(`http://127.0.0.1:${basePort}/health/live`);
  console.log(`bench:health on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), ${connections} connections, ${duration}s each`);
  // Several short rounds, api and baseline back to back in each: the machine's speed drifts (it is
  // shared, and autocannon runs on the same two cores), so each round's ratio compares like with
  // like, and the medians drop the odd slow round.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const apiRuns = [];
  const baseRuns = [];
  const ratios = [];
  for (let round = 1; round <= rounds; round++) {
    const a = await measure(`round ${round}: api GET /health/live`, `http://127.0.0.1:${apiPort}/health/live`);
    const b = await measure(`round ${round}: bare Fastify`, `http://127.0.0.1:${basePort}/health/live`);
    apiRuns.push(a);
    baseRuns.push(b);
    ratios.push(a / b);
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const rps = median(apiRuns);
  const baseline = median(baseRuns);
  const ratio = median(ratios);
  console.log(`BENCH health rps=${rps} baseline_rps=${baseline} ratio=${ratio.toFixed(2)}`);
} finally {
  api.kill('SIGTERM');
  bare.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  await pg?.stop();
  await rm(tmp, { recursive: true, force: true });
}
