// Shared by the bench:* scripts: build, then run the built api as a child process on a free port,
// with the configured PostgreSQL (DATABASE_URL) or an embedded one in a temp folder.
import { fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';
import { createScratchDatabase, freePort } from './scratch-database.mjs';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export { freePort };

/** Polls `url` until it answers 2xx (up to a minute); `gone()` returning true (the server exited) stops early. */
export async function waitFor(url, gone = () => false) {
  for (let i = 0; i < 240; i++) {
    if (gone()) throw new Error(`the server behind ${url} exited before it answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

/** autocannon with a 2 s warm-up; returns the result of the measured run. */
export async function measure(label, options) {
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon(options);
  console.log(`${label}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`);
  return result;
}

export function machine() {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'})`;
}

/**
 * Builds the server and starts the api on a database of its own; returns its base URL, that database's URL and a stop function.
 * `options.databaseUrl`: run against that database instead (created beforehand, migrated by the api, never dropped), for
 * benchmarks whose seed is too large to redo every run.
 */
export async function startApi(extraEnv = {}, options = {}) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'lms-bench-'));
  const env = { ...process.env };
  let pg = null;
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
  } else if (!env.DATABASE_URL) {
    pg = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort(), persistent: false });
    env.DATABASE_URL = pg.url;
  } else {
    // A database of its own, so a benchmark never touches real data.
    const scratch = await createScratchDatabase(env.DATABASE_URL, 'lms_bench');
    env.DATABASE_URL = scratch.url;
    pg = { stop: () => scratch.drop() };
  }
  const port = await freePort();
  const api = fork(path.join(root, 'dist/apps/api/src/main.js'), [], {
    execArgv: process.env.BENCH_API_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROFILE}`] : [],
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LMS_DATA_DIR: tmp,
      STORAGE_DRIVER: env.STORAGE_DRIVER ?? 'fs',
      STORAGE_SIGNING_SECRET: env.STORAGE_SIGNING_SECRET ?? randomBytes(32).toString('hex'),
      JOBS_DRIVER: env.JOBS_DRIVER ?? 'inline',
      AUTH_JWT_SECRET: env.AUTH_JWT_SECRET ?? randomBytes(32).toString('hex'),
      ...extraEnv,
    },
    stdio: 'inherit',
  });
  let exited = false;
  const exit = new Promise((resolve) => api.once('exit', () => resolve((exited = true))));
  const stop = async () => {
    if (!exited) {
      api.kill('SIGTERM');
      await exit;
    }
    await pg?.stop();
    await rm(tmp, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/health/ready`, () => exited);
  } catch (error) {
    // Do not leave the scratch database or the process behind when the api does not come up.
    await stop();
    throw error;
  }
  return { base, databaseUrl: env.DATABASE_URL, stop };
}

/** An argon2id hash made by the built app's own password module (same parameters); call after startApi() built it. */
export async function appPasswordHash(password) {
  const { createRequire } = await import('node:module');
  const { hashPassword } = createRequire(import.meta.url)(path.join(root, 'dist/libs/identity/src/password.js'));
  return hashPassword(password);
}

/** Signs each username in through `POST /api/v1/auth/login` (a few at a time) and returns their access tokens, in order. */
export async function signIn(base, usernames, password, concurrency = 4) {
  const tokens = new Array(usernames.length);
  let next = 0;
  async function worker() {
    while (next < usernames.length) {
      const i = next++;
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: usernames[i], password }),
      });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`POST /api/v1/auth/login as ${usernames[i]} → ${res.status} ${body.slice(0, 300)}`);
      tokens[i] = JSON.parse(body).accessToken;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tokens;
}

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/**
 * Writes a published course the way publishing does (working copy with sections and lessons,
 * revision 1 with the same snapshot shape, catalogue entry) through `client` (pg); returns the
 * ids. `course`: { titleVi, summaryVi, audiences, gradeMin?, gradeMax?, ownerUnitId,
 * sections: [{ titleVi, lessons: [{ kind, titleVi, titleEn?, required?, estimatedMinutes?, content, bodyHtml?, competencies }] }] }.
 */
export async function insertPublishedCourse(client, course) {
  const { randomUUID } = await import('node:crypto');
  const id = randomUUID();
  const revisionId = randomUUID();
  const c = {
    id,
    titleVi: course.titleVi,
    titleEn: course.titleEn ?? null,
    summaryVi: course.summaryVi,
    summaryEn: course.summaryEn ?? null,
    audiences: course.audiences,
    gradeMin: course.gradeMin ?? null,
    gradeMax: course.gradeMax ?? null,
    estimatedMinutes: course.estimatedMinutes ?? null,
    coverAssetId: null,
    ownerUnitId: course.ownerUnitId,
    licence: 'CC BY 4.0',
  };
  const sections = course.sections.map((s) => ({
    id: randomUUID(),
    titleVi: s.titleVi,
    titleEn: s.titleEn ?? null,
    lessons: s.lessons.map((l) => ({
      id: randomUUID(),
      kind: l.kind,
      titleVi: l.titleVi,
      titleEn: l.titleEn ?? null,
      required: l.required ?? true,
      estimatedMinutes: l.estimatedMinutes ?? null,
      content: l.content,
      bodyHtml: l.bodyHtml ?? null,
      competencies: l.competencies,
    })),
  }));
  await client.query(
    `INSERT INTO course (id, title_vi, title_en, summary_vi, summary_en, audiences, grade_min, grade_max, estimated_minutes, owner_unit_id, licence, status, published_revision_id, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'published', $12, now())`,
    [id, c.titleVi, c.titleEn, c.summaryVi, c.summaryEn, c.audiences, c.gradeMin, c.gradeMax, c.estimatedMinutes, c.ownerUnitId, c.licence, revisionId],
  );
  for (const [i, s] of sections.entries()) {
    await client.query('INSERT INTO course_section (id, course_id, position, title_vi, title_en) VALUES ($1, $2, $3, $4, $5)', [s.id, id, i + 1, s.titleVi, s.titleEn]);
    for (const [j, l] of s.lessons.entries()) {
      await client.query(
        `INSERT INTO lesson (id, course_id, section_id, position, kind, title_vi, title_en, required, estimated_minutes, content, body_html, competencies)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [l.id, id, s.id, j + 1, l.kind, l.titleVi, l.titleEn, l.required, l.estimatedMinutes, JSON.stringify(l.content), l.bodyHtml, JSON.stringify(l.competencies)],
      );
    }
  }
  await client.query('INSERT INTO course_revision (id, course_id, number, snapshot) VALUES ($1, $2, 1, $3)', [revisionId, id, JSON.stringify({ course: c, sections })]);
  const lessons = sections.flatMap((s) => s.lessons);
  const tags = lessons.flatMap((l) => l.competencies);
  const assetIds = [...new Set(lessons.flatMap((l) => [l.content.assetId, ...(l.content.assetIds ?? [])]).filter(Boolean))];
  const searchText = fold([c.titleVi, c.summaryVi, c.titleEn ?? '', c.summaryEn ?? '', ...lessons.map((l) => l.titleVi)].join(' '));
  await client.query(
    `INSERT INTO course_catalog_entry (course_id, revision_id, title_vi, title_en, summary_vi, summary_en, audiences, grade_min, grade_max, estimated_minutes,
                                       cover_asset_id, owner_unit_id, owner_unit_path, competency_codes, competency_levels, lesson_count, asset_ids, search_text, search, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, (SELECT path FROM org_unit WHERE id = $11), $12, $13, $14, $15, $16, to_tsvector('simple', $16), now())`,
    [
      id,
      revisionId,
      c.titleVi,
      c.titleEn,
      c.summaryVi,
      c.summaryEn,
      c.audiences,
      c.gradeMin,
      c.gradeMax,
      c.estimatedMinutes,
      c.ownerUnitId,
      [...new Set(tags.map((t) => t.code))],
      [...new Set(tags.map((t) => `${t.code}:${t.level}`))],
      lessons.length,
      assetIds,
      searchText,
    ],
  );
  return { id, revisionId, sections };
}
