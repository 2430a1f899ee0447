// npm run bench:profile — the competency profile (GET /api/v1/me/competency-profile) with a
// million learners' data. Seeds, with set-based SQL, a city's students (user accounts hs000001…, a
// student role on a class of grades 1–12, classes of 35 in primary, lower and upper secondary
// schools under communes), 8 published courses of 5 lessons (40 lessons tagged with competencies
// 1.1–6.3 at levels 1–6, for grade ranges) assigned to the students of their grades, and 3–8
// completed lessons per learner (about 5.5 million lesson_progress rows). The seed lives in the
// database `lms_bench_profile` of the configured server and is reused while its marker says the same
// size, seed version and migrations (else the database is recreated). Then it signs ~50 learners of
// every grade in through the api and runs autocannon against their profiles, tokens in rotation. Last line:
//   BENCH profile learners=<n> rps=<n> p99_ms=<n>
// BENCH_PROFILE_LEARNERS (1000000), BENCH_PROFILE_SIGNED_IN (50), BENCH_CONNECTIONS (10), BENCH_DURATION (10 s),
// BENCH_PROFILE_DATABASE (lms_bench_profile) change the defaults. Without DATABASE_URL it seeds an
// embedded PostgreSQL from scratch every run.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { appPasswordHash, insertPublishedCourse, machine, measure, root, signIn, startApi } from './lib/bench-api.mjs';

const LEARNERS = Number(process.env.BENCH_PROFILE_LEARNERS ?? 1_000_000);
const SIGNED_IN = Math.min(LEARNERS, Number(process.env.BENCH_PROFILE_SIGNED_IN ?? 50));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const DATABASE = process.env.BENCH_PROFILE_DATABASE ?? 'lms_bench_profile';
const PASSWORD = 'Bench-Profile-2026!';
/** Bump when the seed below changes: a database seeded by another version is recreated. */
const SEED_VERSION = 1;
const CLASS_SIZE = 35;
const CLASSES_PER_GRADE_PER_SCHOOL = 8;
const COMMUNES = 45;

/** Eight courses of five lessons (video, text, slides, video, quiz): 40 lessons over the 24 competencies. */
const COURSES = [
  { titleVi: 'Em làm quen với máy tính', grades: [1, 3], levels: [1, 2], codes: ['1.1', '3.1', '5.1'], audiences: ['student'] },
  { titleVi: 'An toàn trên mạng cho em', grades: [1, 5], levels: [1, 2], codes: ['4.1', '4.2', '2.5'], audiences: ['student', 'parent'] },
  { titleVi: 'Tìm kiếm và đánh giá thông tin', grades: [4, 6], levels: [2, 3], codes: ['1.1', '1.2', '1.3'], audiences: ['student'] },
  { titleVi: 'Giao tiếp và hợp tác trên môi trường số', grades: [4, 9], levels: [2, 3], codes: ['2.1', '2.2', '2.4'], audiences: ['student'] },
  { titleVi: 'Sáng tạo nội dung số', grades: [6, 9], levels: [3, 4], codes: ['3.1', '3.2', '3.3'], audiences: ['student'] },
  { titleVi: 'Giải quyết vấn đề với công nghệ', grades: [7, 10], levels: [3, 5], codes: ['5.1', '5.2', '5.3', '3.4'], audiences: ['student'] },
  { titleVi: 'Trí tuệ nhân tạo cho học sinh', grades: [10, 12], levels: [4, 6], codes: ['6.1', '6.2', '6.3'], audiences: ['student'] },
  { titleVi: 'Công dân số có trách nhiệm', grades: [1, 12], levels: [1, 4], codes: ['2.3', '2.6', '4.3', '4.4', '5.4'], audiences: ['student', 'parent', 'community'] },
];
const KINDS = ['video', 'text', 'slides', 'video', 'quiz'];

/** hs000001 … hs999999, then hs1000000 …: learner n's username. */
const username = (n) => `hs${n < 1_000_000 ? String(n).padStart(6, '0') : n}`;

/** What the seed depends on: its size, version and code, and the schema (the migrations' sources). */
function fingerprint() {
  const hash = createHash('sha256').update(`seed ${SEED_VERSION} learners ${LEARNERS}\n${seed.toString()}\n${JSON.stringify(COURSES)}\n`);
  const dir = path.join(root, 'migrations');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The database to seed: reused when its marker matches, else (re)created empty. */
async function prepareDatabase(serverUrl, print) {
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const exists = await withClient(admin.toString(), async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount > 0);
  if (exists) {
    const marker = await withClient(url.toString(), async (c) => {
      const { rows } = await c.query("SELECT to_regclass('public.bench_profile_seed') IS NOT NULL AS present");
      if (!rows[0].present) return null;
      return (await c.query('SELECT learners, fingerprint, seconds, seeded_at FROM bench_profile_seed')).rows[0] ?? null;
    });
    if (marker && marker.fingerprint === print) return { url: url.toString(), marker };
    console.log(`database ${DATABASE} ${marker ? `holds another seed (${marker.learners} learners, ${marker.fingerprint})` : 'has no complete seed'}: recreating it`);
    await withClient(admin.toString(), (c) => c.query(`DROP DATABASE "${DATABASE}" WITH (FORCE)`));
  }
  await withClient(admin.toString(), (c) => c.query(`CREATE DATABASE "${DATABASE}"`));
  return { url: url.toString(), marker: null };
}

async function seed(client) {
  const step = async (label, sql, params = []) => {
    const t = performance.now();
    const result = await client.query(sql, params);
    console.log(`  ${label}: ${result.rowCount ?? ''} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };
  const classesPerGrade = Math.ceil(Math.ceil(LEARNERS / 12) / CLASS_SIZE);
  const schoolsPerBand = Math.ceil(classesPerGrade / CLASSES_PER_GRADE_PER_SCHOOL);

  await client.query('BEGIN');
  // The organisation: department → communes → schools (primary 1–5, lower secondary 6–9, upper secondary 10–12) → classes.
  const { rows: [dept] } = await client.query("INSERT INTO org_unit (type, name, path) VALUES ('department', 'Sở GDĐT Hải Phòng', '') RETURNING id");
  await client.query("UPDATE org_unit SET path = id::text || '/' WHERE id = $1", [dept.id]);
  await client.query(
    `CREATE TEMP TABLE t_commune ON COMMIT DROP AS
       SELECT n, id, $2::text || id::text || '/' AS path FROM (SELECT n, gen_random_uuid() AS id FROM generate_series(1, $1::int) AS n) x`,
    [COMMUNES, `${dept.id}/`],
  );
  await step('communes', "INSERT INTO org_unit (id, type, name, parent_id, path, commune_kind) SELECT id, 'commune', 'Phường ' || n, $1, path, 'phuong' FROM t_commune", [dept.id]);
  await client.query(
    `CREATE TEMP TABLE t_school ON COMMIT DROP AS
       SELECT s.*, c.id AS commune_id, c.path || s.id::text || '/' AS path
         FROM (SELECT b.kind, b.label, b.gmin, b.gmax, n, gen_random_uuid() AS id
                 FROM (VALUES ('primary', 'Trường Tiểu học', 1, 5), ('lower_secondary', 'Trường THCS', 6, 9), ('upper_secondary', 'Trường THPT', 10, 12)) AS b(kind, label, gmin, gmax)
                CROSS JOIN generate_series(1, $1::int) AS n) s
         JOIN t_commune c ON c.n = 1 + (s.n + s.gmin) % $2::int`,
    [schoolsPerBand, COMMUNES],
  );
  await step(
    'schools',
    "INSERT INTO org_unit (id, type, name, parent_id, path, institution_kind, ownership) SELECT id, 'institution', label || ' số ' || n, commune_id, path, kind, 'public' FROM t_school",
  );
  await client.query(
    `CREATE TEMP TABLE t_class ON COMMIT DROP AS
       SELECT g AS grade, k, gen_random_uuid() AS id, s.id AS school_id, s.path AS school_path
         FROM generate_series(1, 12) AS g CROSS JOIN generate_series(1, $1::int) AS k
         JOIN t_school s ON g BETWEEN s.gmin AND s.gmax AND s.n = 1 + (k - 1) / $2::int`,
    [classesPerGrade, CLASSES_PER_GRADE_PER_SCHOOL],
  );
  await step(
    'classes',
    `INSERT INTO org_unit (id, type, name, parent_id, path, grade, cohort)
     SELECT id, 'class', grade || chr(65 + (k - 1) % $1::int), school_id, school_path || id::text || '/', grade, '2026-2027' FROM t_class`,
    [CLASSES_PER_GRADE_PER_SCHOOL],
  );
  await client.query('CREATE INDEX ON t_class (grade, k)');

  // The learners: learner n is in grade 1 + (n - 1) % 12, in that grade's class 1 + ((n - 1) / 12) / 35;
  // h, a hash of n, spreads how many lessons they completed, which and when.
  await client.query(
    `CREATE TEMP TABLE t_learner ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, 1 + (n - 1) % 12 AS grade, 1 + ((n - 1) / 12) / $2::int AS k, hashint4(n) & 2147483647 AS h
         FROM generate_series(1, $1::int) AS n`,
    [LEARNERS, CLASS_SIZE],
  );
  await step(
    'learners (user_account)',
    `INSERT INTO user_account (id, username, display_name, person_code)
     SELECT id, CASE WHEN n < 1000000 THEN 'hs' || lpad(n::text, 6, '0') ELSE 'hs' || n END,
            (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'])[1 + n % 12] || ' ' ||
            (ARRAY['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thu', 'Gia', 'Bảo', 'Hải', 'Thanh'])[1 + (n / 12) % 10] || ' ' ||
            (ARRAY['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Ngân',
                   'Phong', 'Phương', 'Quân', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy'])[1 + (n / 120) % 24],
            '031' || lpad(n::text, 9, '0')
       FROM t_learner`,
  );
  await step('student roles (role_assignment)', "INSERT INTO role_assignment (user_id, role, unit_id) SELECT l.id, 'student', c.id FROM t_learner l JOIN t_class c USING (grade, k) ORDER BY l.id");

  // The courses (published the way publishing writes them), their media, their assignments.
  const { rows: [author] } = await client.query("INSERT INTO user_account (username, display_name) VALUES ('bench-author', 'Phạm Thu Tác Giả') RETURNING id");
  await client.query("INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, 'author', $2)", [author.id, dept.id]);
  const t = performance.now();
  for (const [ci, course] of COURSES.entries()) {
    const lessons = [];
    for (const [j, kind] of KINDS.entries()) {
      const [lmin, lmax] = course.levels;
      const level = lmin + Math.floor((j * (lmax - lmin + 1)) / KINDS.length);
      const competencies = [{ code: course.codes[j % course.codes.length], level }];
      if (j === 2 && course.codes.length > 3) competencies.push({ code: course.codes[3], level });
      let content = {};
      let bodyHtml = null;
      if (kind === 'video' || kind === 'slides') {
        const { rows: [asset] } = await client.query(
          `INSERT INTO media_asset (owner_user_id, purpose, original_name, declared_size, size, content_type, status, progress_percent, attempts, source_key, part_size, derived, processed_at)
           VALUES ($1, $2, $3, 52428800, 52428800, $4, 'ready', 100, 1, $5, 8388608, $6, now()) RETURNING id`,
          [author.id, kind, `khoa-${ci + 1}-bai-${j + 1}.${kind === 'video' ? 'mp4' : 'pdf'}`, kind === 'video' ? 'video/mp4' : 'application/pdf',
            `media/bench-profile/${ci + 1}-${j + 1}/source`, JSON.stringify(kind === 'video' ? { durationSeconds: 600 } : { pageCount: 12 })],
        );
        content = { assetId: asset.id };
      } else if (kind === 'text') {
        content = { markdown: `# ${course.titleVi}\n\nBài đọc ${j + 1}.` };
        bodyHtml = `<h1>${course.titleVi}</h1>\n<p>Bài đọc ${j + 1}.</p>\n`;
      }
      lessons.push({ kind, titleVi: `${course.titleVi} — bài ${j + 1}`, titleEn: `Lesson ${j + 1}`, estimatedMinutes: 10, content, bodyHtml, competencies });
    }
    const { id } = await insertPublishedCourse(client, {
      titleVi: course.titleVi,
      summaryVi: `Khoá học cho học sinh khối ${course.grades[0]}–${course.grades[1]}.`,
      audiences: course.audiences,
      gradeMin: course.grades[0],
      gradeMax: course.grades[1],
      ownerUnitId: dept.id,
      sections: [{ titleVi: 'Nội dung', lessons }],
    });
    await client.query(
      "INSERT INTO course_assignment (course_id, unit_id, audience, grade, created_by) SELECT $1, $2, 'student', g, $3 FROM generate_series($4::int, $5::int) AS g",
      [id, dept.id, author.id, course.grades[0], course.grades[1]],
    );
  }
  console.log(`  ${COURSES.length} courses, ${COURSES.length * KINDS.length} lessons, assignments: ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Completed lessons: each learner completed 3–8 consecutive lessons among those of the courses for their grade.
  await client.query(
    `CREATE TEMP TABLE t_eligible ON COMMIT DROP AS
       SELECT g AS grade, (row_number() OVER (PARTITION BY g ORDER BY c.grade_min, c.title_vi, l.position) - 1)::int AS i, l.id AS lesson_id, l.course_id, l.kind
         FROM generate_series(1, 12) AS g JOIN course c ON g BETWEEN c.grade_min AND c.grade_max JOIN lesson l ON l.course_id = c.id`,
  );
  await client.query('CREATE INDEX ON t_eligible (grade, i)');
  await client.query('ANALYZE t_eligible; ANALYZE t_learner');
  await step(
    'completed lessons (lesson_progress)',
    `WITH m AS (SELECT grade, count(*)::int AS m FROM t_eligible GROUP BY grade)
     INSERT INTO lesson_progress (user_id, lesson_id, course_id, kind, watched, pages, max_ratio, time_spent_seconds, position, position_at, percent, best_score,
                                  started_at, updated_at, completed_at)
     SELECT l.id, e.lesson_id, e.course_id, e.kind,
            CASE WHEN e.kind = 'video' THEN '{[0,600)}'::int4multirange ELSE '{}'::int4multirange END,
            CASE WHEN e.kind = 'slides' THEN '{[1,13)}'::int4multirange ELSE '{}'::int4multirange END,
            CASE WHEN e.kind = 'text' THEN 1 ELSE 0 END,
            CASE e.kind WHEN 'video' THEN 640 WHEN 'slides' THEN 300 WHEN 'text' THEN 240 ELSE 420 END,
            CASE e.kind WHEN 'video' THEN 600 WHEN 'slides' THEN 12 END,
            CASE WHEN e.kind IN ('video', 'slides') THEN done END,
            100, CASE WHEN e.kind = 'quiz' THEN 80 + (l.n + j) % 21 END,
            done - interval '15 minutes', done, done
       FROM t_learner l
       JOIN m USING (grade)
      CROSS JOIN LATERAL generate_series(0, 2 + l.h % 6) AS j
       JOIN t_eligible e ON e.grade = l.grade AND e.i = ((l.h / 6) % m.m + j) % m.m
      CROSS JOIN LATERAL (SELECT now() - make_interval(days => 180 - ((l.h / 120) % 150 + j * 4), secs => l.h % 86400) AS done) d
      ORDER BY l.id, e.lesson_id`,
  );
  await client.query('COMMIT');
  const v = performance.now();
  await client.query('VACUUM (ANALYZE) org_unit, user_account, role_assignment, course, lesson, course_assignment, lesson_progress');
  console.log(`  vacuum and analyze: ${((performance.now() - v) / 1000).toFixed(1)} s`);
}

console.log(`bench:profile on ${machine()}, ${LEARNERS} learners, ${SIGNED_IN} signed in, ${connections} connections, ${duration} s`);
const print = fingerprint();
let prepared = { url: null, marker: null };
if (process.env.DATABASE_URL) prepared = await prepareDatabase(process.env.DATABASE_URL, print);
else console.log('no DATABASE_URL: an embedded PostgreSQL, seeded from scratch (nothing is kept)');
const api = await startApi(
  {
    // Everyone signs in from this one address; the per-IP sign-in limit does not matter here.
    AUTH_RATE_LIMIT_PER_IP: '100000',
    // Throttling counters (and anything else the api keeps in Redis) of this run only.
    JOBS_QUEUE_PREFIX: `bench-profile-${randomBytes(4).toString('hex')}`,
  },
  prepared.url ? { databaseUrl: prepared.url } : {},
);
const client = new pg.Client({ connectionString: api.databaseUrl });
await client.connect();
try {
  let seedSeconds;
  if (prepared.marker) {
    seedSeconds = Number(prepared.marker.seconds);
    console.log(`reusing ${DATABASE}: ${prepared.marker.learners} learners seeded on ${new Date(prepared.marker.seeded_at).toISOString()} in ${seedSeconds.toFixed(1)} s`);
  } else {
    console.log(`seeding ${LEARNERS} learners…`);
    const started = performance.now();
    await seed(client);
    seedSeconds = (performance.now() - started) / 1000;
    const { rows: [counts] } = await client.query(
      "SELECT (SELECT count(*) FROM user_account)::int AS accounts, (SELECT count(*) FROM lesson_progress)::int AS progress, (SELECT count(*) FROM org_unit WHERE type = 'class')::int AS classes",
    );
    await client.query('CREATE TABLE bench_profile_seed (learners integer NOT NULL, fingerprint text NOT NULL, seconds real NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())');
    await client.query('INSERT INTO bench_profile_seed (learners, fingerprint, seconds) VALUES ($1, $2, $3)', [LEARNERS, print, seedSeconds]);
    console.log(`seeded ${counts.accounts} accounts, ${counts.classes} classes, ${counts.progress} completed lessons in ${seedSeconds.toFixed(1)} s`);
  }

  // ~SIGNED_IN learners spread over the grades (learner n is in grade 1 + (n - 1) % 12) and the city.
  const step = Math.max(1, Math.floor(Math.floor(LEARNERS / 12) / SIGNED_IN));
  const picked = [...new Set(Array.from({ length: SIGNED_IN }, (_, k) => Math.min(LEARNERS, 12 * k * step + (k % 12) + 1)))];
  const usernames = picked.map(username);
  await client.query('UPDATE user_account SET password_hash = $1, failed_login_count = 0, locked_until = NULL WHERE username = ANY($2)', [await appPasswordHash(PASSWORD), usernames]);
  const signInStarted = performance.now();
  const tokens = await signIn(api.base, usernames, PASSWORD);
  console.log(`signed ${tokens.length} learners in through the api in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`);

  const first = await fetch(`${api.base}/api/v1/me/competency-profile`, { headers: { authorization: `Bearer ${tokens[0]}` } });
  const firstBody = await first.text();
  if (first.status !== 200) throw new Error(`GET /api/v1/me/competency-profile as ${usernames[0]} → ${first.status} ${firstBody.slice(0, 500)}`);
  const profile = JSON.parse(firstBody);
  const competencies = (profile.domains ?? []).flatMap((d) => d.competencies ?? []);
  console.log(
    `profile of ${usernames[0]}: grade ${profile.grade}, band ${profile.band}, summary ${JSON.stringify(profile.summary)}, ` +
      `${competencies.reduce((a, c) => a + (c.evidence?.length ?? 0), 0)} evidence, ${competencies.reduce((a, c) => a + (c.recommendations?.length ?? 0), 0)} recommendations, ${firstBody.length} bytes`,
  );

  let n = 0;
  const refused = new Map();
  const result = await measure('GET /api/v1/me/competency-profile (learners in rotation)', {
    url: `${api.base}/api/v1/me/competency-profile`,
    connections,
    duration,
    requests: [
      {
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[n++ % tokens.length]}` } }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300) return;
          const r = refused.get(status) ?? { count: 0, sample: body.slice(0, 300) };
          r.count++;
          refused.set(status, r);
        },
      },
    ],
  });
  for (const [status, r] of refused) console.log(`  non-2xx: ${r.count} × ${status} ${r.sample}`);
  if (result.errors > 0) console.log(`  errors (timeouts, resets): ${result.errors}`);
  const rps = Math.round(result['2xx'] / result.duration);
  if (refused.size > 0 || result.errors > 0) console.log(`note: rps counts 2xx answers only (${result.non2xx} non-2xx, ${result.errors} errors)`);
  console.log(`seeding: ${prepared.marker ? `reused (took ${seedSeconds.toFixed(1)} s when seeded)` : `${seedSeconds.toFixed(1)} s`}`);
  console.log(`BENCH profile learners=${LEARNERS} rps=${rps} p99_ms=${result.latency.p99}`);
} finally {
  await client.end();
  await api.stop();
}
