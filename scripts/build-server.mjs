// Compiles apps/api, apps/worker, libs/* and migrations/ with swc into dist/, one file per source
// file (no bundle: TypeORM loads entities and migrations by path). Path aliases (@lms/*) are
// rewritten to relative requires so the output runs with plain `node`.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'dist');
const sources = ['apps/api/src', 'apps/worker/src', 'libs', 'migrations'];

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      yield* walk(full);
    } else if (/\.ts$/.test(entry.name) && !/\.(spec|d)\.ts$/.test(entry.name)) {
      yield full;
    }
  }
}

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: {
      '@lms/core': ['libs/core/src'],
      '@lms/core/*': ['libs/core/src/*'],
      '@lms/storage': ['libs/storage/src'],
      '@lms/jobs': ['libs/jobs/src'],
      '@lms/identity': ['libs/identity/src'],
      '@lms/org': ['libs/org/src'],
      '@lms/roster': ['libs/roster/src'],
      '@lms/media': ['libs/media/src'],
      '@lms/learning': ['libs/learning/src'],
      '@lms/competency': ['libs/competency/src'],
      '@lms/courses': ['libs/courses/src'],
    },
  },
  module: { type: 'commonjs', strictMode: true },
  sourceMaps: true,
};

// Only the server's folders: dist/web (the web build) stays.
for (const dir of ['apps', 'libs', 'migrations']) await rm(path.join(outDir, dir), { recursive: true, force: true });
let count = 0;
for (const src of sources) {
  for await (const file of walk(path.join(root, src))) {
    const rel = path.relative(root, file);
    const out = path.join(outDir, rel.replace(/\.ts$/, '.js'));
    const result = await transformFile(file, { ...swcOptions, filename: file, sourceFileName: path.relative(path.dirname(out), file) });
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, result.code + `\n//# sourceMappingURL=${path.basename(out)}.map\n`);
    if (result.map) await writeFile(out + '.map', result.map);
    count++;
  }
}
await writeFile(path.join(outDir, '.server-build'), new Date().toISOString() + '\n');
console.log(`build-server: ${count} files compiled into dist/`);
