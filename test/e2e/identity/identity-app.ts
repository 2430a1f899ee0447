import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { createApiApp } from '../../../apps/api/src/app.factory';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export const ADMIN_USERNAME = 'quantri';
export const ADMIN_PASSWORD = 'Hai-Phong-2026!';

/** Characters only Vietnamese text has (an English message never contains them). */
export const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i;
export const PLAIN_ASCII = /^[\x20-\x7E]+$/;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: string;
  mustChangePassword: boolean;
}

export interface AuditRow {
  action: string;
  user_id: string | null;
  request_id: string | null;
  at: Date;
  [column: string]: unknown;
}

/** The env platform.e2e-spec passes, plus what identity needs. */
export function identityEnv(dbUrl: string, dataDir: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    DATABASE_URL: dbUrl,
    LMS_DATA_DIR: dataDir,
    STORAGE_DRIVER: 'fs',
    STORAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
    JOBS_DRIVER: 'inline',
    REDIS_URL: process.env.REDIS_URL,
    HTTP_BODY_LIMIT_BYTES: '4096',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
    ADMIN_USERNAME,
    ADMIN_PASSWORD,
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    // Rate-limit counters live in the shared Redis: a prefix of its own per app, and limits high
    // enough for the many sign-ins of these tests (rate-limits.e2e-spec lowers them).
    JOBS_QUEUE_PREFIX: `e2e-${randomBytes(4).toString('hex')}`,
    AUTH_RATE_LIMIT_PER_IP: '10000',
    AUTH_RATE_LIMIT_PER_ACCOUNT: '10000',
    ...extra,
  };
}

/** One real api on a database of its own, plus a `pg` client on that database for audit checks. */
export class IdentityHarness {
  db!: TestDatabase;
  app?: NestFastifyApplication;
  dataDir!: string;
  sql!: Client;
  http!: ReturnType<typeof request>;
  env!: Record<string, string | undefined>;

  async setUp(extra: Record<string, string | undefined> = {}): Promise<this> {
    this.db = await createTestDatabase();
    this.dataDir = await mkdtemp(path.join(os.tmpdir(), 'lms-e2e-identity-'));
    this.sql = new Client({ connectionString: this.db.url });
    await this.sql.connect();
    await this.boot(extra);
    return this;
  }

  /** (Re)starts the api on the same database and data directory. */
  async boot(extra: Record<string, string | undefined> = {}): Promise<void> {
    await this.app?.close();
    this.env = identityEnv(this.db.url, this.dataDir, extra);
    this.app = await createApiApp({ env: this.env });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.http = request(this.app.getHttpServer());
  }

  async tearDown(): Promise<void> {
    await this.app?.close();
    await this.sql?.end().catch(() => undefined);
    await this.db?.drop();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }

  login(username: string, password: string, headers: Record<string, string> = {}): request.Test {
    const req = this.http.post('/api/v1/auth/login');
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req.send({ username, password });
  }

  async loginOk(username = ADMIN_USERNAME, password = ADMIN_PASSWORD): Promise<TokenPair> {
    const res = await this.login(username, password);
    if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as TokenPair;
  }

  refresh(refreshToken: string): request.Test {
    return this.http.post('/api/v1/auth/refresh').send({ refreshToken });
  }

  me(accessToken: string): request.Test {
    return this.http.get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);
  }

  async audit(where: { action?: string; requestId?: string; userId?: string } = {}): Promise<AuditRow[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (where.action) clauses.push(`action = $${params.push(where.action)}`);
    if (where.requestId) clauses.push(`request_id = $${params.push(where.requestId)}`);
    if (where.userId) clauses.push(`user_id::text = $${params.push(where.userId)}`);
    const { rows } = await this.sql.query<AuditRow>(
      `SELECT * FROM audit_event ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY at, action`,
      params,
    );
    return rows;
  }
}

/** A request id of our own, so the audit row for exactly this request can be found. */
export function rid(label: string): string {
  return `e2e-${label}-${randomBytes(4).toString('hex')}`;
}

/** Checks an error answer's shape: stable code, a message, the request id the response carries. */
export function expectError(res: request.Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(typeof res.body.message).toBe('string');
  expect(res.body.message.length).toBeGreaterThan(0);
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
}
