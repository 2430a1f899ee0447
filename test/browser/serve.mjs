// Starts the built api for the browser tests, on a database of its own.
//
//   DATABASE_URL=postgres://user:pass@host:5432/postgres node test/browser/serve.mjs
//
// 1. creates a fresh database `lms_browser_<random>` on the server DATABASE_URL points at;
// 2. runs `node dist/apps/api/src/main.js` against it (the api migrates at boot and serves dist/web),
//    with a first administrator `quantri` / `Hai-Phong-2026!` (see sign-in.spec.ts) and
//    self-registration with approval (REGISTRATION_MODE=approval, see registration.spec.ts);
// 3. forwards SIGTERM/SIGINT to the api, and drops the database when the api has exited.
//
// Needs `npm run build` first (dist/apps/api and dist/web). Playwright starts this script as its
// `webServer` (see playwright.config.ts) and stops it with SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '../../scripts/lib/scratch-database.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const apiMain = path.join(root, 'dist/apps/api/src/main.js');
const webDist = path.join(root, 'dist/web');
const port = process.env.PORT ?? '3199';

function fail(message) {
  console.error(`[browser-server] ${message}`);
  process.exit(1);
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) fail('DATABASE_URL is required: a postgres:// URL of a server where this script may create a database.');
if (!existsSync(apiMain)) fail(`${path.relative(root, apiMain)} is missing: run \`npm run build\` first.`);
if (!existsSync(path.join(webDist, 'index.html'))) fail('dist/web/index.html is missing: run `npm run build:web` first.');

let scratch;
try {
  scratch = await createScratchDatabase(serverUrl, 'lms_browser');
} catch (err) {
  fail(`cannot create a database: ${err.message}`);
}
const { name: dbName, url: dbUrl } = scratch;
console.log(`[browser-server] created database ${dbName}`);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lms-browser-'));

let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  try {
    await scratch.drop();
    console.log(`[browser-server] dropped database ${dbName}`);
  } catch (err) {
    console.error(`[browser-server] could not drop database ${dbName}: ${err.message}`);
  }
  await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
}

const api = spawn(process.execPath, [apiMain], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: dbUrl,
    PORT: port,
    HOST: '127.0.0.1',
    // Signed URLs are built on PUBLIC_URL: the address the browser uses, so CSP and CORP let them load.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LMS_DATA_DIR: dataDir,
    STORAGE_DRIVER: 'fs',
    STORAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
    JOBS_DRIVER: 'inline',
    REDIS_URL: '',
    WEB_DIST_DIR: webDist,
    NODE_ENV: 'test',
    // The first administrator, created at boot on the empty database (sign-in tests use it).
    ADMIN_USERNAME: 'quantri',
    ADMIN_PASSWORD: 'Hai-Phong-2026!',
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    // Self-registration with approval by the school (registration.spec.ts registers, then approves;
    // the "closed" page is checked with the mode answer stubbed in the browser).
    REGISTRATION_MODE: 'approval',
  },
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    // Playwright signals the whole process group, so the api may already have it; a second
    // signal is harmless, and covers a plain `kill <pid>` of this script.
    if (api.exitCode === null && api.signalCode === null) api.kill(signal);
  });
}

api.on('error', async (err) => {
  console.error(`[browser-server] cannot start the api: ${err.message}`);
  await cleanUp();
  process.exit(1);
});

api.on('exit', async (code, signal) => {
  console.log(`[browser-server] api exited (${signal ?? `code ${code}`})`);
  await cleanUp();
  process.exit(signal ? 0 : (code ?? 0));
});
