// Shared by the bench:* scripts: build, then run the built api as a child process on a free port,
// with the configured PostgreSQL (DATABASE_URL) or an embedded one in a temp folder.
import { fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';
import { createScratchDatabase, freePort } from './scratch-database.mjs';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export { freePort };

export async function waitFor(url) {
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

/** autocannon with a 2 s warm-up; returns the result of the measured run. */
export async function measure(label, options) {
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon(options);
  console.log(`${label}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`);
  return result;
}

export function machine() {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'})`;
}

/** Builds the server and starts the api on a database of its own; returns its base URL, that database's URL and a stop function. */
export async function startApi(extraEnv = {}) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'lms-bench-'));
  const env = { ...process.env };
  let pg = null;
  if (!env.DATABASE_URL) {
    pg = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort(), persistent: false });
    env.DATABASE_URL = pg.url;
  } else {
    // A database of its own, so a benchmark never touches real data.
    const scratch = await createScratchDatabase(env.DATABASE_URL, 'lms_bench');
    env.DATABASE_URL = scratch.url;
    pg = { stop: () => scratch.drop() };
  }
  const port = await freePort();
  const api = fork(path.join(root, 'dist/apps/api/src/main.js'), [], {
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LMS_DATA_DIR: tmp,
      STORAGE_DRIVER: env.STORAGE_DRIVER ?? 'fs',
      STORAGE_SIGNING_SECRET: env.STORAGE_SIGNING_SECRET ?? randomBytes(32).toString('hex'),
      JOBS_DRIVER: env.JOBS_DRIVER ?? 'inline',
      AUTH_JWT_SECRET: env.AUTH_JWT_SECRET ?? randomBytes(32).toString('hex'),
      ...extraEnv,
    },
    stdio: 'inherit',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health/ready`);
  return {
    base,
    databaseUrl: env.DATABASE_URL,
    stop: async () => {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
      await pg?.stop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
