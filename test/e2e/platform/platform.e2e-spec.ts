import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '../../../apps/api/src/app.factory';
import { createTestDatabase, type TestDatabase } from '../../support/database';

describe('api platform (real application, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let dataDir: string;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lms-e2e-'));
    app = await createApiApp({
      env: {
        DATABASE_URL: db.url,
        LMS_DATA_DIR: dataDir,
        STORAGE_DRIVER: 'fs',
        STORAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
        JOBS_DRIVER: 'inline',
        REDIS_URL: process.env.REDIS_URL,
        HTTP_BODY_LIMIT_BYTES: '4096',
        LOG_LEVEL: 'silent',
        WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers liveness and readiness with every dependency checked', async () => {
    await http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await http.get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
    expect(Object.keys(ready.body.info).sort()).toEqual(
      process.env.REDIS_URL ? ['accepting', 'database', 'redis', 'storage'] : ['accepting', 'database', 'storage'],
    );
    expect(ready.body.info.storage.driver).toBe('fs');
  });

  it('gives every response a request id, keeping a caller-supplied one', async () => {
    const res = await http.get('/api/v1/meta').set('X-Request-Id', 'trace-42').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-42');
    expect(res.body).toMatchObject({ defaultLanguage: 'vi', languages: ['vi', 'en'] });
  });

  it('serves the OpenAPI document with an operationId on every operation', async () => {
    const res = await http.get('/api/docs-json').expect(200);
    const operations = Object.values(res.body.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(3);
    expect(operations.every((op) => typeof op.operationId === 'string' && op.operationId.length > 0)).toBe(true);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready', '/api/v1/meta']));
    await http.get('/api/docs').expect(200).expect('content-type', /text\/html/);
  });

  it('denies a protected route without credentials (401, Vietnamese by default)', async () => {
    const res = await http.get('/api/v1/system/info').expect(401);
    expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.', requestId: res.headers['x-request-id'] });
    const forged = await http.get('/api/v1/system/info').set('Authorization', 'Bearer forged.token.value').set('Accept-Language', 'en').expect(401);
    expect(forged.body.message).toBe('You need to sign in.');
  });

  it('accepts a valid client error report', async () => {
    const res = await http.post('/api/v1/client-errors').send({ message: 'Lỗi hiển thị video', url: '/courses/1' }).expect(202);
    expect(res.body).toEqual({ accepted: true, requestId: res.headers['x-request-id'] });
  });

  describe('bad input: a 4xx with a stable code, never a 500', () => {
    it('malformed JSON → 400 MALFORMED_JSON', async () => {
      const res = await http.post('/api/v1/client-errors').set('Content-Type', 'application/json').send('{"message": "x",').expect(400);
      expect(res.body.code).toBe('MALFORMED_JSON');
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    });

    it('unknown fields → 400 VALIDATION_FAILED naming the field', async () => {
      const res = await http.post('/api/v1/client-errors').set('Accept-Language', 'en').send({ message: 'x', isAdmin: true }).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The request data is invalid.' });
      expect(JSON.stringify(res.body.details)).toContain('isAdmin');
    });

    it('wrong types and missing fields → 400 VALIDATION_FAILED', async () => {
      const res = await http.post('/api/v1/client-errors').send({ message: 42 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      await http.post('/api/v1/client-errors').send({}).expect(400);
    });

    it('an array or a scalar instead of an object → 400', async () => {
      const res = await http.post('/api/v1/client-errors').set('Content-Type', 'application/json').send('[1,2]').expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await http.post('/api/v1/client-errors').send({ message: 'x'.repeat(10_000) }).expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('an empty JSON body → 400', async () => {
      const res = await http.post('/api/v1/client-errors').set('Content-Type', 'application/json').send('').expect(400);
      expect(['EMPTY_JSON_BODY', 'VALIDATION_FAILED']).toContain(res.body.code);
    });

    it('an unsupported content type → 415', async () => {
      const res = await http.post('/api/v1/client-errors').set('Content-Type', 'application/xml').send('<a/>').expect(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('an unknown API route → 404 ROUTE_NOT_FOUND as JSON', async () => {
      const res = await http.get('/api/v1/no-such-thing').set('Accept', 'text/html').expect(404);
      expect(res.body.code).toBe('ROUTE_NOT_FOUND');
      await http.delete('/api/v1/no-such-thing').expect(404);
    });
  });

  it('sets security headers', async () => {
    const res = await http.get('/api/v1/meta').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
