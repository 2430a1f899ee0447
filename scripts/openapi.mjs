// Writes (or checks) the committed OpenAPI document open-api/lms.json from the api's controllers.
// The module graph is built in preview mode, so nothing connects to a database or a bucket.
//   node scripts/openapi.mjs write | check
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = path.join(root, 'open-api/lms.json');
const mode = process.argv[2] ?? 'write';

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Stable output: object keys sorted, so a diff shows only real API changes.
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  }
  return value;
}

process.env.LOG_LEVEL = 'silent';
const require = createRequire(import.meta.url);
const { createApiApp, buildOpenApiDocument } = require(path.join(root, 'dist/apps/api/src/app.factory.js'));
const app = await createApiApp({ preview: true });
const document = sortKeys(buildOpenApiDocument(app));
await app.close();
const text = JSON.stringify(document, null, 2) + '\n';

const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
const missing = operations.filter((op) => !op.operationId);
const ids = operations.map((op) => op.operationId);
const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
if (missing.length || duplicates.length) {
  console.error(`OpenAPI: ${missing.length} operation(s) without operationId; duplicated: ${[...new Set(duplicates)].join(', ') || 'none'}`);
  process.exit(1);
}

if (mode === 'check') {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('open-api/lms.json is stale: run `npm run openapi:generate` and commit the result.');
    process.exit(1);
  }
  console.log(`openapi:check: open-api/lms.json is current (${operations.length} operations).`);
} else {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`openapi: wrote open-api/lms.json (${operations.length} operations).`);
}
