// Generates the typed API client's types for the web app from the committed OpenAPI document.
//
//   node scripts/web-client.mjs          writes apps/web/src/api/schema.d.ts
//   node scripts/web-client.mjs --check  exits 1 when that file is missing or stale (CI)
//
// Input: open-api/lms.json (written by `npm run openapi:generate` from the api).
// The output is deterministic, so `--check` is a plain text comparison.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.join(root, 'open-api', 'lms.json');
const output = path.join(root, 'apps', 'web', 'src', 'api', 'schema.d.ts');
const rel = (p) => path.relative(root, p);

const BANNER = `/**
 * GENERATED FILE — do not edit by hand.
 * Tệp sinh tự động — không sửa tay.
 *
 * Source: open-api/lms.json. Regenerate with \`npm run openapi:client\`.
 */

`;

async function generate() {
  let raw;
  try {
    raw = await readFile(input, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read ${rel(input)} (${err.code ?? err.message}). Run \`npm run openapi:generate\` first.`, { cause: err });
  }
  try {
    JSON.parse(raw);
  } catch (err) {
    throw new Error(`${rel(input)} is not valid JSON: ${err.message}`, { cause: err });
  }
  // alphabetize: a stable order, so the output only changes when the document does.
  const ast = await openapiTS(pathToFileURL(input), { alphabetize: true });
  const body = astToString(ast);
  return BANNER + (body.endsWith('\n') ? body : `${body}\n`);
}

async function main() {
  const check = process.argv.includes('--check');
  const generated = await generate();
  const current = await readFile(output, 'utf8').catch(() => null);

  if (check) {
    if (current === generated) {
      console.log(`${rel(output)} is up to date with ${rel(input)}.`);
      return;
    }
    console.error(
      current === null
        ? `${rel(output)} is missing.`
        : `${rel(output)} is stale: it differs from what ${rel(input)} generates.`,
    );
    console.error('Run `npm run openapi:client` and commit the result.');
    process.exitCode = 1;
    return;
  }

  if (current === generated) {
    console.log(`${rel(output)} unchanged.`);
    return;
  }
  await mkdir(path.dirname(output), { recursive: true });
  await writeFile(output, generated);
  console.log(`Wrote ${rel(output)} from ${rel(input)}.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
