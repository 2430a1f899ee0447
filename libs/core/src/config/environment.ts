import { Transform, plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The largest media size limit a variable may set (50 GiB). */
const MEDIA_MAX_BYTES_CEILING = 50 * 1024 * 1024 * 1024;

/**
 * Every environment variable the platform reads, with its rule. This class is the only place
 * that names `process.env` keys; `.env.example` documents each one.
 */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  @IsOptional() @IsString()
  LMS_DATA_DIR?: string;

  @IsString() @MinLength(1)
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'] }, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500)
  DATABASE_POOL_SIZE?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  DATABASE_MIGRATIONS_RUN?: boolean;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'] }, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional() @IsIn(['bullmq', 'inline'])
  JOBS_DRIVER?: 'bullmq' | 'inline';

  @IsOptional() @IsString()
  JOBS_QUEUE_PREFIX?: string;

  @IsOptional() @IsIn(['fs', 's3'])
  STORAGE_DRIVER?: 'fs' | 's3';

  @IsOptional() @IsString()
  STORAGE_FS_ROOT?: string;

  @ValidateIf((env: EnvironmentVariables) => resolveStorageDriver(env) === 'fs')
  @IsString({ message: 'STORAGE_SIGNING_SECRET is required with the filesystem storage driver' })
  @MinLength(32, { message: 'STORAGE_SIGNING_SECRET must be at least 32 characters' })
  STORAGE_SIGNING_SECRET?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(7 * 24 * 3600)
  STORAGE_PRESIGN_TTL_SECONDS?: number;

  @ValidateIf((env: EnvironmentVariables) => resolveStorageDriver(env) === 's3')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'S3_PUBLIC_ENDPOINT must be an http(s) URL' })
  S3_PUBLIC_ENDPOINT?: string;

  @IsOptional() @IsString()
  S3_REGION?: string;

  @ValidateIf((env: EnvironmentVariables) => resolveStorageDriver(env) === 's3')
  @IsString({ message: 'S3_ACCESS_KEY is required with the S3 storage driver' }) @MinLength(1)
  S3_ACCESS_KEY?: string;

  @ValidateIf((env: EnvironmentVariables) => resolveStorageDriver(env) === 's3')
  @IsString({ message: 'S3_SECRET_KEY is required with the S3 storage driver' }) @MinLength(1)
  S3_SECRET_KEY?: string;

  @IsOptional() @IsString() @MinLength(3)
  S3_BUCKET?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  S3_FORCE_PATH_STYLE?: boolean;

  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.AUTH_JWT_SECRET !== undefined)
  @IsString({ message: 'AUTH_JWT_SECRET is required in production (it signs access tokens)' })
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 3600)
  AUTH_ACCESS_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365)
  AUTH_REFRESH_TTL_DAYS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  AUTH_LOCKOUT_THRESHOLD?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 3600)
  AUTH_LOCKOUT_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  AUTH_RATE_LIMIT_PER_IP?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  AUTH_RATE_LIMIT_PER_ACCOUNT?: number;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(32, { message: 'AUTH_CODE_KEY must be at least 32 characters' })
  AUTH_CODE_KEY?: string;

  @IsOptional() @IsIn(['off', 'open', 'approval'], { message: 'REGISTRATION_MODE must be off, open or approval' })
  REGISTRATION_MODE?: 'off' | 'open' | 'approval';

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(200 * 1024 * 1024)
  ROSTER_MAX_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  ROSTER_MAX_ROWS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MEDIA_MAX_BYTES_CEILING)
  MEDIA_MAX_VIDEO_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MEDIA_MAX_BYTES_CEILING)
  MEDIA_MAX_AUDIO_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MEDIA_MAX_BYTES_CEILING)
  MEDIA_MAX_SLIDES_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MEDIA_MAX_BYTES_CEILING)
  MEDIA_MAX_DOCUMENT_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MEDIA_MAX_BYTES_CEILING)
  MEDIA_MAX_IMAGE_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MEDIA_MAX_BYTES_CEILING)
  MEDIA_MAX_FILE_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(MEDIA_MAX_BYTES_CEILING)
  MEDIA_MAX_EVIDENCE_BYTES?: number;

  /** Browser upload part size; S3 needs at least 5 MiB (checked in buildAppConfig). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(64 * 1024) @Max(5 * 1024 * 1024 * 1024)
  MEDIA_PART_SIZE_BYTES?: number;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  MEDIA_WORK_DIR?: string;

  @IsOptional() @IsIn(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow'])
  MEDIA_X264_PRESET?: 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow';

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(3)
  ADMIN_USERNAME?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(8)
  ADMIN_PASSWORD?: string;

  @IsOptional() @IsString()
  CORS_ORIGINS?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(100 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  TRUST_PROXY?: boolean;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  LOG_PRETTY?: boolean;

  @IsOptional() @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600000)
  SHUTDOWN_TIMEOUT_MS?: number;
}

export function resolveStorageDriver(env: Pick<EnvironmentVariables, 'STORAGE_DRIVER' | 'S3_ENDPOINT'>): 'fs' | 's3' {
  return env.STORAGE_DRIVER ?? (env.S3_ENDPOINT ? 's3' : 'fs');
}

/** Thrown at boot when the environment is wrong; the message names every offending variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.map((e) => {
      const messages = Object.values(e.constraints ?? {});
      const shown = e.value === undefined ? 'missing' : /SECRET|PASSWORD|KEY/.test(e.property) ? 'set (hidden)' : JSON.stringify(e.value);
      return `${e.property}: ${messages.join('; ')} (${shown})`;
    });
    throw new ConfigValidationError(problems);
  }
  return env;
}
