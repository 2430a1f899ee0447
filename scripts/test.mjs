// `npm test`: lint, typecheck, then every tier (unit, integration, e2e, browser) against real
// services. DATABASE_URL and REDIS_URL name the machine's PostgreSQL and Redis when they run (as on
// CI); without DATABASE_URL an embedded PostgreSQL is started for the run, and without REDIS_URL a
// throwaway redis-server (when one is on PATH). Prints one closing line: `N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { freePort } from './lib/scratch-database.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const env = { ...process.env, NODE_ENV: 'test' };
const cleanups = [];
const say = (m) => console.log(`\n[test] ${m}`);

function step(label, cmd, args, { allowFail = false } = {}) {
  say(label);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0 && !allowFail) {
    console.error(`[test] ${label} failed.`);
    return finish(1);
  }
  return result.status ?? 1;
}

async function finish(code) {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  process.exit(code);
}

function onPath(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

const only = process.argv.slice(2);
const wants = (tier) => only.length === 0 || only.includes(tier);

if (wants('lint')) await step('Lint', bin('eslint'), ['--max-warnings', '0', '.']);
if (wants('typecheck')) {
  await step('Typecheck (server)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  await step('Typecheck (web)', bin('tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit']);
  await step('Typecheck (browser tests)', bin('tsc'), ['-p', 'test/browser/tsconfig.json', '--noEmit']);
}

// Services.
if (!env.DATABASE_URL) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lms-test-pg-'));
  say(`DATABASE_URL is not set: starting embedded PostgreSQL in ${dataDir}`);
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres', persistent: false });
  env.DATABASE_URL = pg.url;
  cleanups.push(async () => {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
}
if (!env.REDIS_URL) {
  if (onPath('redis-server')) {
    const port = await freePort();
    say(`REDIS_URL is not set: starting redis-server on 127.0.0.1:${port}`);
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    env.REDIS_URL = `redis://127.0.0.1:${port}`;
    cleanups.push(async () => redis.kill('SIGTERM'));
    await new Promise((r) => setTimeout(r, 300));
  } else {
    console.warn('\n[test] REDIS_URL is not set and redis-server is not on PATH: the Redis-backed tests (BullMQ job round trip) will FAIL. Install Redis (e.g. `apt-get install redis-server`) or set REDIS_URL.');
  }
}

await mkdir(path.join(root, 'test-results'), { recursive: true });
// The e2e tier runs the built api as a process too, and the browser tier serves the built web app.
// NODE_ENV=test must not leak into the web build: Vite would bundle React's development build.
if (wants('e2e') || wants('browser')) {
  env.NODE_ENV = 'production';
  await step('Build (server and web)', 'npm', ['run', '--silent', 'build']);
  env.NODE_ENV = 'test';
}
let passed = 0;
let failed = 0;
let status = 0;

const jestProjects = ['unit', 'integration', 'e2e'].filter(wants);
if (jestProjects.length) {
  const jestJson = path.join(root, 'test-results/jest.json');
  const code = await step(`Jest: ${jestProjects.join(', ')}`, bin('jest'), ['--selectProjects', ...jestProjects, '--ci', '--maxWorkers=2', '--json', `--outputFile=${jestJson}`], { allowFail: true });
  try {
    const report = JSON.parse(await readFile(jestJson, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  } catch {
    failed += 1;
  }
  if (code !== 0) status = 1;
}

if (wants('browser')) {
  const pwJson = path.join(root, 'test-results/playwright.json');
  env.PLAYWRIGHT_JSON_OUTPUT_NAME = pwJson;
  const code = await step('Browser tests (Playwright, Debian Chromium)', bin('playwright'), ['test', '-c', 'test/browser/playwright.config.ts', '--reporter=list,json'], { allowFail: true });
  try {
    const report = JSON.parse(await readFile(pwJson, 'utf8'));
    passed += report.stats.expected;
    failed += report.stats.unexpected + (report.stats.flaky ?? 0);
  } catch {
    failed += 1;
  }
  if (code !== 0) status = 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
await finish(status || (failed > 0 ? 1 : 0));
