import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { FsObjectStorage, UrlSigner } from '@lms/storage';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { freePort } from '../../support/net';

const MAIN = path.resolve(__dirname, '../../../dist/apps/api/src/main.js');

async function waitForReady(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the api did not become ready');
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

jest.setTimeout(60_000);

/** The built api as an operator runs it: a process that starts, serves and stops on a signal. */
describe('api process (built, real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataDir: string;
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build:server\` first (npm test does).`);
    db = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lms-proc-'));
  });

  afterAll(async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  function start(port: number, extra: Record<string, string> = {}): ChildProcess {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    return spawn(process.execPath, [MAIN], {
      env: {
        ...rest,
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        LMS_DATA_DIR: dataDir,
        STORAGE_DRIVER: 'fs',
        STORAGE_SIGNING_SECRET: secret,
        AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
        JOBS_DRIVER: 'inline',
        REDIS_URL: '',
        LOG_LEVEL: 'warn',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  it('refuses to start on a wrong variable, naming it', async () => {
    const child = start(await freePort(), { PORT: 'not-a-port' });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const { code } = await exitOf(child);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration/);
    expect(stderr).toMatch(/PORT: /);
  });

  it('on SIGTERM finishes the upload in flight, then exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = start(port);
    const exited = exitOf(child);
    await waitForReady(base);

    // A slow upload: the body arrives in pieces over ~1.5 s; SIGTERM lands in the middle.
    const signer = new UrlSigner(secret, base);
    const url = new URL(signer.sign({ method: 'PUT', key: 'drain/slow.bin', expires: signer.expiryFromNow(60) }));
    const pieces = 6;
    const upload = new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'content-length': String(pieces * 1024) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      let sent = 0;
      const timer = setInterval(() => {
        req.write(Buffer.alloc(1024, sent));
        if (++sent === pieces) {
          clearInterval(timer);
          req.end();
        }
      }, 250);
    });
    await new Promise((r) => setTimeout(r, 600));
    child.kill('SIGTERM');

    expect(await upload).toBe(200);
    const { code } = await exited;
    expect(code).toBe(0);
    const storage = new FsObjectStorage({ root: path.join(dataDir, 'objects'), signer, presignTtlSeconds: 60 });
    expect((await storage.stat('drain/slow.bin'))?.size).toBe(pieces * 1024);
    // Nothing listens any more.
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  });
});
