// `npm start`: one command that builds what is needed and runs the platform.
// With nothing configured it uses embedded PostgreSQL (data in $LMS_DATA_DIR/postgres, default
// ./.data), the filesystem storage driver ($LMS_DATA_DIR/objects) and the inline job driver, so a
// machine with only Node 20+ runs everything. DATABASE_URL, REDIS_URL and S3_* switch to those
// services; with REDIS_URL a worker process runs beside the api. Ctrl-C or SIGTERM stops all of
// it, PostgreSQL included.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { handleStopSignals, startEmbeddedPostgres } from './lib/embedded-postgres.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const say = (message) => console.log(`[lms] ${message}`);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Cần Node.js 20.19 trở lên / Node.js 20.19 or newer is required (found ${process.versions.node}).`);
  process.exit(1);
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function runStep(label, args) {
  say(label);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// 1. Build what is missing or older than its sources: the server (swc) and the web app (Vite).
const serverStamp = path.join(root, 'dist/.server-build');
const serverSources = ['apps/api/src', 'apps/worker/src', 'libs', 'migrations', 'package.json'].map((p) => path.join(root, p));
const newestServerSource = Math.max(...serverSources.map((p) => (existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestMtime(p))));
if (!existsSync(serverStamp) || newestServerSource > statSync(serverStamp).mtimeMs) {
  runStep('Building the server…', [path.join(root, 'scripts/build-server.mjs')]);
}
const webIndex = path.join(root, 'dist/web/index.html');
if (!existsSync(webIndex) || newestMtime(path.join(root, 'apps/web')) > statSync(webIndex).mtimeMs) {
  runStep('Building the web app…', [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn']);
}

// 2. Services: embedded defaults for whatever is not configured.
const env = { ...process.env };
const dataDir = path.resolve(root, env.LMS_DATA_DIR ?? '.data');
env.LMS_DATA_DIR = dataDir;
await mkdir(dataDir, { recursive: true });
env.PORT = env.PORT ?? '3000';
env.NODE_ENV = env.NODE_ENV ?? 'production';
env.WEB_DIST_DIR = env.WEB_DIST_DIR ?? path.join(root, 'dist/web');

let embedded = null;
if (!env.DATABASE_URL) {
  say(`Starting embedded PostgreSQL (data in ${path.join(dataDir, 'postgres')})…`);
  embedded = await startEmbeddedPostgres({ dataDir, port: Number(env.LMS_EMBEDDED_PG_PORT ?? 54329) });
  env.DATABASE_URL = embedded.url;
}
if (!env.S3_ENDPOINT && !env.STORAGE_DRIVER) env.STORAGE_DRIVER = 'fs';
if ((env.STORAGE_DRIVER ?? 'fs') === 'fs' && !env.STORAGE_SIGNING_SECRET) {
  const secretFile = path.join(dataDir, 'storage-signing.secret');
  if (!existsSync(secretFile)) await writeFile(secretFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  env.STORAGE_SIGNING_SECRET = readFileSync(secretFile, 'utf8').trim();
}
if (!env.AUTH_JWT_SECRET) {
  const secretFile = path.join(dataDir, 'auth-jwt.secret');
  if (!existsSync(secretFile)) await writeFile(secretFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  env.AUTH_JWT_SECRET = readFileSync(secretFile, 'utf8').trim();
}
if (!env.REDIS_URL && !env.JOBS_DRIVER) env.JOBS_DRIVER = 'inline';
const withWorker = (env.JOBS_DRIVER ?? (env.REDIS_URL ? 'bullmq' : 'inline')) === 'bullmq';

// 3. Processes.
const children = new Map();
let stopping = false;

function launch(name, script) {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, script)], { cwd: root, env, stdio: 'inherit' });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`[lms] ${name} exited (${signal ?? code}); stopping everything.`);
      void shutdown(code || 1);
    }
  });
  return child;
}

async function shutdown(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  say('Stopping…');
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (embedded) {
    say('Stopping PostgreSQL…');
    await embedded.stop().catch(() => undefined);
  }
  say('Stopped.');
  process.exit(exitCode);
}
handleStopSignals(() => void shutdown(0));

launch('api', 'dist/apps/api/src/main.js');
if (withWorker) launch('worker', 'dist/apps/worker/src/main.js');

const url = `http://localhost:${env.PORT}`;
for (let i = 0; i < 600 && !stopping; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${env.PORT}/health/ready`);
    if (res.ok) {
      say(`Đã sẵn sàng / Ready: ${url}  (API docs: ${url}/api/docs)`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 250));
}
