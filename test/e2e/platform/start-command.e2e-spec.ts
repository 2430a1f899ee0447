import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/net';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');

/** Processes whose command line mentions `needle` (PostgreSQL, api and worker started for this run). */
function processesMentioning(needle: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(needle) && !line.includes('ps -eo'));
}

/** Every process below `pid` (the api, the worker, PostgreSQL and its backends). */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift() as number;
    for (const [child, ppid] of rows) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function npmStart(env: Record<string, string>): Promise<Started> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'REDIS_URL', 'S3_ENDPOINT', 'STORAGE_DRIVER', 'JOBS_DRIVER', 'NODE_ENV', 'LMS_TEST_TEMPLATE_DB'].includes(k)),
  );
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env: { ...clean, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  for (let i = 0; i < 480 && !/Ready: http:\/\/localhost:\d+/.test(output); i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!/Ready/.test(output)) throw new Error(`npm start never printed its URL:\n${output}`);
  return { child, output: () => output, exited };
}

/**
 * `npm start` on a machine with only Node: embedded PostgreSQL, filesystem storage, inline jobs;
 * prints the URL, serves the web app and the API, keeps data across a restart and leaves no
 * process behind when stopped.
 */
describe('npm start (embedded default)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lms-start-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs everything, keeps data across a restart, and stops with no orphan', async () => {
    const port = await freePort();
    const pgPort = await freePort();
    const env = { LMS_DATA_DIR: dataDir, PORT: String(port), LMS_EMBEDDED_PG_PORT: String(pgPort) };
    const base = `http://127.0.0.1:${port}`;

    const first = await npmStart(env);
    expect(first.output()).toContain(`Ready: http://localhost:${port}`);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, storage: { driver: 'fs' } } });
    const home = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(await home.text()).toContain('<html lang="vi"');

    // Something to find after the restart: an object stored through a signed upload is data in
    // $LMS_DATA_DIR/objects; the schema and its migration history live in embedded PostgreSQL.
    const { UrlSigner } = await import('@lms/storage');
    const { readFileSync } = await import('node:fs');
    const signer = new UrlSigner(readFileSync(path.join(dataDir, 'storage-signing.secret'), 'utf8').trim(), base);
    const put = await fetch(signer.sign({ method: 'PUT', key: 'restart/proof.txt', expires: signer.expiryFromNow(60) }), { method: 'PUT', body: 'còn nguyên sau khi khởi động lại' });
    expect(put.status).toBe(200);

    expect(processesMentioning(dataDir).length).toBeGreaterThan(0); // postgres -D <dataDir>/postgres
    const children = descendants(first.child.pid as number);
    expect(children.length).toBeGreaterThanOrEqual(2); // at least the api and PostgreSQL
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(children.filter(alive)).toEqual([]);
    expect(processesMentioning(dataDir)).toEqual([]);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();

    const second = await npmStart(env);
    const get = await fetch(signer.sign({ method: 'GET', key: 'restart/proof.txt', expires: signer.expiryFromNow(60) }));
    expect(await get.text()).toBe('còn nguyên sau khi khởi động lại');
    const ready2 = await fetch(`${base}/health/ready`);
    expect(ready2.status).toBe(200);
    const secondChildren = descendants(second.child.pid as number);
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
    expect(secondChildren.filter(alive)).toEqual([]);
    expect(processesMentioning(dataDir)).toEqual([]);
  });
});
