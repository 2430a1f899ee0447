// npm run bench:progress — the progress heartbeat under load. Starts the built api on a scratch
// database, seeds a class of learners (department → commune → institution → class, grade 4) with a
// published course of one hour-long video lesson assigned to the class, signs every learner in
// through the api, then runs autocannon against POST /api/v1/progress: every request a fresh
// one-event batch (new event id, the learner's next 10-second `played` range, `spent: 10`) with the
// learners' Bearer tokens in rotation. Afterwards it checks that every acknowledged event is an
// xapi_statement row, and, on the same database, runs pgbench with a single-row upsert of the
// heartbeat's shape into a copy of lesson_progress, as the ceiling the api is compared with. Last line:
//   BENCH progress rps=<n> p99_ms=<n> pgbench_tps=<n> ratio=<rps/pgbench_tps>
// BENCH_LEARNERS, BENCH_CONNECTIONS, BENCH_DURATION, BENCH_PGBENCH_CLIENTS change the defaults (200, 50, 10 s, 8).
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { appPasswordHash, insertPublishedCourse, machine, measure, signIn, startApi } from './lib/bench-api.mjs';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 200);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const pgbenchClients = Number(process.env.BENCH_PGBENCH_CLIENTS ?? 8);
const PASSWORD = 'Bench-Progress-2026!';
const VIDEO_SECONDS = 3600;
const STEP = 10;

const api = await startApi({
  // Every learner signs in from this one address; the per-IP sign-in limit would stop a big class.
  AUTH_RATE_LIMIT_PER_IP: '100000',
  // Throttling counters (and anything else the api keeps in Redis) of this run only.
  JOBS_QUEUE_PREFIX: `bench-progress-${randomBytes(4).toString('hex')}`,
});
const client = new pg.Client({ connectionString: api.databaseUrl });
await client.connect();
const tmp = await mkdtemp(path.join(os.tmpdir(), 'lms-bench-progress-'));
try {
  console.log(`bench:progress on ${machine()}, ${LEARNERS} learners, ${connections} connections, ${duration} s; pgbench ${pgbenchClients} clients`);

  // --- seed -------------------------------------------------------------------------------------
  const started = performance.now();
  const hash = await appPasswordHash(PASSWORD);
  await client.query('BEGIN');
  const [dept, commune, institution, klass] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const paths = [`${dept}/`, `${dept}/${commune}/`, `${dept}/${commune}/${institution}/`, `${dept}/${commune}/${institution}/${klass}/`];
  await client.query(
    `INSERT INTO org_unit (id, type, name, parent_id, path, commune_kind, institution_kind, ownership, grade) VALUES
       ($1, 'department', 'Sở GDĐT Hải Phòng', NULL, $5, NULL, NULL, NULL, NULL),
       ($2, 'commune', 'Phường Lê Chân', $1, $6, 'phuong', NULL, NULL, NULL),
       ($3, 'institution', 'Trường Tiểu học Lê Văn Tám', $2, $7, NULL, 'primary', 'public', NULL),
       ($4, 'class', '4A', $3, $8, NULL, NULL, NULL, 4)`,
    [dept, commune, institution, klass, ...paths],
  );
  const { rows: [teacher] } = await client.query("INSERT INTO user_account (username, display_name) VALUES ('bench-gv', 'Nguyễn Thị Giáo Viên') RETURNING id");
  await client.query("INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, 'teacher', $2)", [teacher.id, institution]);
  const { rows: learners } = await client.query(
    `WITH u AS (
       INSERT INTO user_account (username, display_name, password_hash)
       SELECT 'bench-hs-' || lpad(n::text, 5, '0'), 'Học sinh ' || n, $1 FROM generate_series(1, $2::int) AS n
       RETURNING id, username)
     , r AS (INSERT INTO role_assignment (user_id, role, unit_id) SELECT id, 'student', $3 FROM u)
     SELECT id, username FROM u ORDER BY username`,
    [hash, LEARNERS, klass],
  );
  const assetId = randomUUID();
  await client.query(
    `INSERT INTO media_asset (id, owner_user_id, purpose, original_name, declared_size, size, content_type, status, progress_percent, attempts,
                              source_key, part_size, derived, processed_at)
     VALUES ($1, $2, 'video', 'an-toan-tren-mang.mp4', 524288000, 524288000, 'video/mp4', 'ready', 100, 1, $3, 8388608, $4, now())`,
    [assetId, teacher.id, `media/${assetId}/source`, JSON.stringify({ durationSeconds: VIDEO_SECONDS })],
  );
  const course = await insertPublishedCourse(client, {
    titleVi: 'An toàn trên mạng cho học sinh lớp 4',
    summaryVi: 'Một bài giảng video dài một giờ.',
    audiences: ['student'],
    gradeMin: 4,
    gradeMax: 5,
    ownerUnitId: institution,
    sections: [
      {
        titleVi: 'Chương 1',
        lessons: [{ kind: 'video', titleVi: 'Bài giảng: an toàn trên mạng', estimatedMinutes: 60, content: { assetId }, competencies: [{ code: '1.1', level: 2 }] }],
      },
    ],
  });
  const lessonId = course.sections[0].lessons[0].id;
  await client.query("INSERT INTO course_assignment (course_id, unit_id, audience, created_by) VALUES ($1, $2, 'student', $3)", [course.id, klass, teacher.id]);
  await client.query('COMMIT');
  await client.query('ANALYZE');
  console.log(`seeded ${LEARNERS} learners, 1 published course (1 video lesson of ${VIDEO_SECONDS} s) assigned to their class in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const signInStarted = performance.now();
  const tokens = await signIn(api.base, learners.map((l) => l.username), PASSWORD);
  console.log(`signed ${tokens.length} learners in through the api in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`);

  // --- the api ----------------------------------------------------------------------------------
  const cursor = new Array(LEARNERS).fill(0); // next second of the video each learner plays
  let n = 0;
  let sent = 0;
  let acceptedEvents = 0;
  let duplicates = 0;
  const acknowledged = [];
  const refused = new Map(); // status → { count, sample }
  const heartbeat = await measure('POST /api/v1/progress (1 played event per request, learners in rotation)', {
    url: `${api.base}/api/v1/progress`,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req, context) => {
          const i = n++ % LEARNERS;
          const from = cursor[i];
          cursor[i] = (from + STEP) % VIDEO_SECONDS;
          const event = { id: randomUUID(), lessonId, at: new Date().toISOString(), type: 'played', from, to: from + STEP, position: from + STEP, spent: STEP };
          context.eventId = event.id;
          sent++;
          return { ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[i]}` }, body: JSON.stringify({ events: [event] }) };
        },
        onResponse: (status, body, context) => {
          if (status >= 200 && status < 300) {
            const answer = JSON.parse(body);
            acceptedEvents += answer.accepted;
            duplicates += answer.duplicates;
            if (answer.accepted === 1) acknowledged.push(context.eventId);
          } else {
            const r = refused.get(status) ?? { count: 0, sample: body.slice(0, 300) };
            r.count++;
            refused.set(status, r);
          }
        },
      },
    ],
  });
  for (const [status, r] of refused) console.log(`  non-2xx: ${r.count} × ${status} ${r.sample}`);
  if (heartbeat.errors > 0) console.log(`  errors (timeouts, resets): ${heartbeat.errors}`);

  // Answers cut off when autocannon stops are not counted, though the api may still commit their
  // events: every acknowledged event must be stored, and nothing beyond what was sent.
  await new Promise((r) => setTimeout(r, 1000));
  const { rows: [stored] } = await client.query('SELECT count(*)::int AS n FROM xapi_statement');
  const { rows: [missing] } = await client.query(
    'SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM xapi_statement x WHERE x.id = a.id)',
    [acknowledged],
  );
  const { rows: [progress] } = await client.query(
    'SELECT count(*)::int AS rows, COALESCE(sum(int4multirange_length(watched)), 0)::int AS watched, COALESCE(sum(time_spent_seconds), 0)::int AS spent FROM lesson_progress',
  );
  const verdict = stored.n === acceptedEvents ? 'equal' : stored.n > acceptedEvents && stored.n <= sent && missing.n === 0 ? 'the difference was in flight when autocannon stopped' : 'MISMATCH';
  console.log(
    `xapi_statement rows=${stored.n}, events accepted in 2xx answers=${acceptedEvents} (duplicates ${duplicates}), sent=${sent} (warm-up included): ${verdict}; acknowledged but missing=${missing.n}`,
  );
  if (verdict === 'MISMATCH') {
    console.log('MISMATCH: an acknowledged event is not stored, or more events are stored than were sent');
    process.exitCode = 1;
  }
  console.log(`lesson_progress rows=${progress.rows}, credited played seconds=${progress.watched}, time spent=${progress.spent} s (capped by real elapsed time)`);

  // --- the database alone: the heartbeat's upsert through pgbench -------------------------------
  // One row per (learner, lesson) as the api keeps it; a random learner's random 10-second slot of
  // the video merged into `watched` (aligned slots, so ranges coalesce as a learner's played ranges do).
  await client.query('CREATE TABLE bench_lesson_progress (LIKE lesson_progress INCLUDING DEFAULTS INCLUDING INDEXES)');
  const script = path.join(tmp, 'upsert.sql');
  await writeFile(
    script,
    `\\set u random(1, :learners)
\\set s random(0, ${VIDEO_SECONDS / STEP - 1})
\\set f :s * ${STEP}
\\set t :f + ${STEP}
INSERT INTO bench_lesson_progress AS p (user_id, lesson_id, course_id, kind, watched, time_spent_seconds, position, position_at, updated_at)
VALUES (md5(:u::text)::uuid, :lesson, :course, 'video', int4multirange(int4range(:f, :t)), ${STEP}, :t, now(), now())
ON CONFLICT (user_id, lesson_id) DO UPDATE SET watched = p.watched + EXCLUDED.watched, time_spent_seconds = p.time_spent_seconds + EXCLUDED.time_spent_seconds,
  position = EXCLUDED.position, position_at = EXCLUDED.position_at, updated_at = now();
`,
  );
  const pgbench = spawnSync(
    process.env.PGBENCH ?? 'pgbench',
    ['-n', '-f', script, '-c', String(pgbenchClients), '-j', '2', '-T', String(duration), '-M', 'prepared',
      '-D', `learners=${LEARNERS}`, '-D', `lesson=${lessonId}`, '-D', `course=${course.id}`, api.databaseUrl],
    { encoding: 'utf8' },
  );
  const tpsMatch = /tps = ([\d.]+) \(without initial connection time\)/.exec(pgbench.stdout ?? '');
  if (pgbench.status !== 0 || !tpsMatch) {
    console.error(pgbench.error?.message ?? '', pgbench.stdout, pgbench.stderr);
    throw new Error('pgbench failed');
  }
  const latency = /latency average = ([\d.]+) ms/.exec(pgbench.stdout);
  const tps = Math.round(Number(tpsMatch[1]));
  console.log(`pgbench upsert (${pgbenchClients} clients, ${duration} s): ${tps} tps, latency average ${latency?.[1] ?? '?'} ms`);

  const rps = Math.round(heartbeat['2xx'] / heartbeat.duration);
  if (refused.size > 0 || heartbeat.errors > 0) console.log(`note: rps counts 2xx answers only (${heartbeat.non2xx} non-2xx, ${heartbeat.errors} errors)`);
  console.log(`BENCH progress rps=${rps} p99_ms=${heartbeat.latency.p99} pgbench_tps=${tps} ratio=${(rps / tps).toFixed(2)}`);
} finally {
  await client.end();
  await api.stop();
  await rm(tmp, { recursive: true, force: true });
}
