import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { parseEnv } from 'node:util';
import path from 'node:path';
import { registerAs, type ConfigType } from '@nestjs/config';
import { ConfigValidationError, resolveStorageDriver, validateEnvironment, type EnvironmentVariables } from './environment';

export interface S3Settings {
  endpoint: string;
  /** Where browsers reach the S3 server; presigned URLs are signed for this origin. */
  publicEndpoint: string;
  endPoint: string;
  port: number;
  useSSL: boolean;
  region: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  pathStyle: boolean;
}

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** S3 refuses multipart parts under 5 MiB (except the last): a smaller setting would break every upload. */
function mediaPartSize(env: EnvironmentVariables, storageDriver: 'fs' | 's3'): number {
  const size = env.MEDIA_PART_SIZE_BYTES ?? 8 * MIB;
  if (storageDriver === 's3' && size < 5 * MIB) {
    throw new ConfigValidationError([`MEDIA_PART_SIZE_BYTES: must be at least 5242880 (5 MiB) with the s3 storage driver (${size})`]);
  }
  return size;
}

/** Builds the one typed configuration object from validated environment variables. */
export function buildAppConfig(env: EnvironmentVariables) {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const port = env.PORT ?? 3000;
  const dataDir = path.resolve(env.LMS_DATA_DIR ?? '.data');
  const storageDriver = resolveStorageDriver(env);
  const redisUrl = env.REDIS_URL ?? null;
  let s3: S3Settings | null = null;
  if (storageDriver === 's3') {
    const url = new URL(env.S3_ENDPOINT as string);
    const useSSL = url.protocol === 'https:';
    s3 = {
      endpoint: url.origin,
      publicEndpoint: env.S3_PUBLIC_ENDPOINT ? new URL(env.S3_PUBLIC_ENDPOINT).origin : url.origin,
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : useSSL ? 443 : 80,
      useSSL,
      region: env.S3_REGION ?? 'us-east-1',
      accessKey: env.S3_ACCESS_KEY as string,
      secretKey: env.S3_SECRET_KEY as string,
      bucket: env.S3_BUCKET ?? 'lms',
      pathStyle: env.S3_FORCE_PATH_STYLE ?? true,
    };
  }
  return {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    http: {
      port,
      host: env.HOST ?? '0.0.0.0',
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
      bodyLimitBytes: env.HTTP_BODY_LIMIT_BYTES ?? 1024 * 1024,
      trustProxy: env.TRUST_PROXY ?? false,
      webDistDir: path.resolve(env.WEB_DIST_DIR ?? 'dist/web'),
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS ?? 10_000,
    },
    dataDir,
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE ?? 10,
      migrationsRun: env.DATABASE_MIGRATIONS_RUN ?? true,
    },
    redis: { url: redisUrl },
    jobs: {
      driver: env.JOBS_DRIVER ?? (redisUrl ? 'bullmq' : 'inline'),
      queuePrefix: env.JOBS_QUEUE_PREFIX ?? 'lms',
    },
    storage: {
      driver: storageDriver,
      presignTtlSeconds: env.STORAGE_PRESIGN_TTL_SECONDS ?? 900,
      fs: {
        root: path.resolve(env.STORAGE_FS_ROOT ?? path.join(dataDir, 'objects')),
        signingSecret: env.STORAGE_SIGNING_SECRET ?? '',
      },
      s3,
    },
    auth: {
      /** Without AUTH_JWT_SECRET (development and tests only) a per-process secret is drawn. */
      jwtSecret: env.AUTH_JWT_SECRET ?? null,
      accessTtlSeconds: env.AUTH_ACCESS_TTL_SECONDS ?? 900,
      refreshTtlDays: env.AUTH_REFRESH_TTL_DAYS ?? 30,
      lockoutThreshold: env.AUTH_LOCKOUT_THRESHOLD ?? 5,
      lockoutSeconds: env.AUTH_LOCKOUT_SECONDS ?? 15 * 60,
      /** Sign-in attempts per minute from one IP (a school behind one NAT address signs in together). */
      rateLimitPerIp: env.AUTH_RATE_LIMIT_PER_IP ?? 300,
      /** Sign-in attempts per minute for one username, whatever the IP. */
      rateLimitPerAccount: env.AUTH_RATE_LIMIT_PER_ACCOUNT ?? 20,
      /** Keys the hash of one-time sign-in codes; without it a key is drawn once and kept in system_setting. */
      codeKey: env.AUTH_CODE_KEY ?? null,
      /** Self-registration of parents and community learners: off (default), open, or with approval. */
      registrationMode: env.REGISTRATION_MODE ?? 'off',
      adminUsername: env.ADMIN_USERNAME ?? null,
      adminPassword: env.ADMIN_PASSWORD ?? null,
    },
    roster: {
      maxBytes: env.ROSTER_MAX_BYTES ?? 20 * 1024 * 1024,
      maxRows: env.ROSTER_MAX_ROWS ?? 200_000,
    },
    media: {
      /** Largest accepted upload per purpose, in bytes (refused with 413 before anything is stored). */
      maxBytes: {
        video: env.MEDIA_MAX_VIDEO_BYTES ?? 2 * GIB,
        audio: env.MEDIA_MAX_AUDIO_BYTES ?? 200 * MIB,
        slides: env.MEDIA_MAX_SLIDES_BYTES ?? 100 * MIB,
        document: env.MEDIA_MAX_DOCUMENT_BYTES ?? 100 * MIB,
        image: env.MEDIA_MAX_IMAGE_BYTES ?? 20 * MIB,
        file: env.MEDIA_MAX_FILE_BYTES ?? 500 * MIB,
        evidence: env.MEDIA_MAX_EVIDENCE_BYTES ?? 20 * MIB,
      },
      /** Size of the parts browsers upload (the last may be smaller); raised when a file would need over 10,000. */
      partSizeBytes: mediaPartSize(env, storageDriver),
      /** Scratch folder of the processing jobs (sources and outputs while ffmpeg and LibreOffice run). */
      workDir: path.resolve(env.MEDIA_WORK_DIR ?? os.tmpdir()),
      /** x264 speed/quality trade-off of the HLS renditions. */
      x264Preset: env.MEDIA_X264_PRESET ?? 'veryfast',
    },
    log: {
      level: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
      pretty: env.LOG_PRETTY ?? false,
    },
  } as const;
}

export type AppConfig = ReturnType<typeof buildAppConfig>;

/**
 * Reads `.env` from the working folder into process.env, once; variables already set win. The
 * api reads its configuration before Nest's ConfigModule exists, so both must see the same file.
 */
let dotEnvLoaded = false;
export function loadDotEnv(file = path.resolve('.env')): void {
  if (dotEnvLoaded) return;
  dotEnvLoaded = true;
  if (!existsSync(file)) return;
  for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

export function loadAppConfig(raw?: Record<string, unknown>): AppConfig {
  if (!raw) loadDotEnv();
  return buildAppConfig(validateEnvironment(raw ?? process.env));
}

/** Lays variables over the process environment (tests, embedded start-up); `undefined` unsets. */
export function applyEnvironmentOverrides(overrides: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/** `@Inject(appConfig.KEY) config: AppConfigType` anywhere in the application. */
export const appConfig = registerAs('app', (): AppConfig => loadAppConfig());
export type AppConfigType = ConfigType<typeof appConfig>;
export const APP_CONFIG = appConfig.KEY;
