import { ConfigValidationError, validateEnvironment } from './environment';
import { buildAppConfig, loadAppConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/lms', STORAGE_SIGNING_SECRET: 's'.repeat(32) };

function problemsOf(env: Record<string, string>): string[] {
  try {
    validateEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration validated at boot', () => {
  it('names a missing DATABASE_URL', () => {
    const problems = problemsOf({ STORAGE_SIGNING_SECRET: 's'.repeat(32) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL: .*\(missing\)/);
  });

  it('names a wrong PORT and shows the bad value', () => {
    const problems = problemsOf({ ...base, PORT: 'eighty' });
    expect(problems).toEqual([expect.stringMatching(/^PORT: .*"eighty"/)]);
  });

  it('requires a signing secret with the filesystem driver but hides its value', () => {
    const problems = problemsOf({ DATABASE_URL: base.DATABASE_URL, STORAGE_SIGNING_SECRET: 'short' });
    expect(problems).toEqual([expect.stringMatching(/^STORAGE_SIGNING_SECRET: .*at least 32.*\(set \(hidden\)\)/)]);
  });

  it('requires S3 credentials once S3_ENDPOINT selects the S3 driver', () => {
    const problems = problemsOf({ DATABASE_URL: base.DATABASE_URL, S3_ENDPOINT: 'http://minio:9000' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['S3_ACCESS_KEY', 'S3_SECRET_KEY']);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ PORT: '-1', JOBS_DRIVER: 'kafka', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'JOBS_DRIVER', 'LOG_LEVEL', 'PORT', 'STORAGE_SIGNING_SECRET']);
  });

  it('derives the embedded defaults: fs storage, inline jobs, port 3000', () => {
    const config = loadAppConfig(base);
    expect(config.http.port).toBe(3000);
    expect(config.http.publicUrl).toBe('http://localhost:3000');
    expect(config.storage.driver).toBe('fs');
    expect(config.jobs.driver).toBe('inline');
    expect(config.redis.url).toBeNull();
  });

  it('switches to BullMQ and S3 when their services are configured', () => {
    const config = buildAppConfig(
      validateEnvironment({
        DATABASE_URL: base.DATABASE_URL,
        REDIS_URL: 'redis://127.0.0.1:6379',
        S3_ENDPOINT: 'https://s3.example.vn:8443',
        S3_PUBLIC_ENDPOINT: 'https://media.example.vn',
        S3_ACCESS_KEY: 'a',
        S3_SECRET_KEY: 'b',
        CORS_ORIGINS: 'https://a.vn, https://b.vn',
      }),
    );
    expect(config.jobs.driver).toBe('bullmq');
    expect(config.storage.driver).toBe('s3');
    expect(config.storage.s3).toMatchObject({ endPoint: 's3.example.vn', port: 8443, useSSL: true, publicEndpoint: 'https://media.example.vn', bucket: 'lms' });
    expect(config.http.corsOrigins).toEqual(['https://a.vn', 'https://b.vn']);
  });
});

describe('loadAppConfig with a .env file', () => {
  it('fills what the environment lacks from .env, and the environment wins', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lms-env-'));
    const file = path.join(dir, '.env');
    await writeFile(file, `DATABASE_URL=${base.DATABASE_URL}\nSTORAGE_SIGNING_SECRET=${'f'.repeat(40)}\nPORT=4100\nLMS_TEST_DOTENV_ONLY=yes\n`);
    const saved = { ...process.env };
    try {
      delete process.env.DATABASE_URL;
      delete process.env.STORAGE_SIGNING_SECRET;
      process.env.PORT = '4200';
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('./app-config') as typeof import('./app-config');
        fresh.loadDotEnv(file);
        const config = fresh.loadAppConfig();
        expect(config.database.url).toBe(base.DATABASE_URL);
        expect(config.http.port).toBe(4200);
      });
      expect(process.env.LMS_TEST_DOTENV_ONLY).toBe('yes');
    } finally {
      process.env = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
