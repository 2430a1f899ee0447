import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
// Global set-up runs outside Jest's module map, so it imports by relative path, not @lms/core.
import { buildAppConfig } from '../../libs/core/src/config/app-config';
import { validateEnvironment } from '../../libs/core/src/config/environment';
import { databaseOptions } from '../../libs/core/src/database/database-options';
import { adminQuery, serverUrl, withDatabase } from './database';

/** Migrates one template database per run; every test file clones it. */
export default async function globalSetup(): Promise<void> {
  if (process.env.LMS_TEST_TEMPLATE_DB) return; // another project of this run already made it
  const template = `lms_tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${template}"`);
  const url = withDatabase(serverUrl(), template);
  const config = buildAppConfig(validateEnvironment({ DATABASE_URL: url, STORAGE_DRIVER: 'fs', STORAGE_SIGNING_SECRET: 'x'.repeat(32) }));
  const dataSource = new DataSource({ ...databaseOptions(config), migrationsRun: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  process.env.LMS_TEST_TEMPLATE_DB = template;
}
