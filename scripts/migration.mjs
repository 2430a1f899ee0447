// Migration commands over the compiled DataSource (dist/libs/core/src/database/data-source.js):
//   npm run migration:generate -- Name   write migrations/<timestamp>-Name.ts from entity changes
//   npm run migration:run | migration:revert
//   npm run migration:check              on a scratch database: run every migration, then fail if
//                                        the entities still need a migration (drift)
// Without DATABASE_URL the embedded PostgreSQL of `npm start` is used.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import { createScratchDatabase } from './lib/scratch-database.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataSource = 'dist/libs/core/src/database/data-source.js';
const [command, name] = process.argv.slice(2);

class StepFailed extends Error {
  constructor(status) {
    super(`exit ${status}`);
    this.status = status;
  }
}

// Throws rather than exiting, so the `finally` blocks below still drop the scratch database and
// stop embedded PostgreSQL when a step fails (a drift, a broken migration).
function run(cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new StepFailed(result.status ?? 1);
}

function typeorm(args, env) {
  run(process.execPath, [path.join(root, 'node_modules/typeorm/cli.js'), ...args, '-d', dataSource], env);
}

const baseEnv = { ...process.env, STORAGE_DRIVER: process.env.STORAGE_DRIVER ?? 'fs', STORAGE_SIGNING_SECRET: process.env.STORAGE_SIGNING_SECRET ?? 'migration-cli-'.padEnd(40, 'x') };

// Usage errors first, before anything is started that would need stopping.
if (!['generate', 'run', 'revert', 'check'].includes(command)) {
  console.error('Usage: node scripts/migration.mjs generate Name | run | revert | check');
  process.exit(2);
}
if (command === 'generate' && (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))) {
  console.error('Usage: npm run migration:generate -- PascalCaseName');
  process.exit(2);
}

run(process.execPath, [path.join(root, 'scripts/build-server.mjs')]);
let embedded = null;
let failedStatus = 0;
if (!baseEnv.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({ dataDir: path.resolve(root, process.env.LMS_DATA_DIR ?? '.data') });
  baseEnv.DATABASE_URL = embedded.url;
}
try {
  switch (command) {
    case 'generate': {
      typeorm(['migration:run'], baseEnv);
      typeorm(['migration:generate', `migrations/${name}`, '--pretty'], baseEnv);
      break;
    }
    case 'run':
      typeorm(['migration:run'], baseEnv);
      break;
    case 'revert':
      typeorm(['migration:revert'], baseEnv);
      break;
    case 'check': {
      const scratch = await createScratchDatabase(baseEnv.DATABASE_URL, 'lms_drift');
      try {
        const env = { ...baseEnv, DATABASE_URL: scratch.url };
        typeorm(['migration:run'], env);
        typeorm(['migration:generate', 'migrations/DriftCheck', '--check', '--pretty'], env);
        console.log('migration:check: entities and migrations agree.');
      } finally {
        await scratch.drop();
      }
      break;
    }
    default:
      break; // refused above
  }
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  failedStatus = error.status;
} finally {
  await embedded?.stop();
}
// Explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
if (failedStatus) process.exit(failedStatus);
