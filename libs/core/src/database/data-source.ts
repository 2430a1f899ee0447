// The DataSource the TypeORM CLI uses (migration:generate, migration:run, migration:revert).
// It reads the same validated configuration as the application.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

const config = loadAppConfig();
export default new DataSource({ ...databaseOptions(config), migrationsRun: false });
