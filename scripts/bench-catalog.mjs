// npm run bench:catalog — seeds 10,000 published courses (course, revision and catalogue entry, as
// publishing writes them) into a scratch database, then measures catalogue searches with autocannon
// (a rotation of realistic queries: words without diacritics, filters by audience, grade and
// competency, paging) and, in the same run, GET /health/live. Last line:
//   BENCH catalog rps=<n> p99_ms=<n> health_rps=<n> ratio=<r>
// BENCH_COURSES, BENCH_DURATION, BENCH_CONNECTIONS change the defaults (10000, 8 s, 20).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { machine, measure, startApi } from './lib/bench-api.mjs';

const COURSES = Number(process.env.BENCH_COURSES ?? 10_000);
const duration = Number(process.env.BENCH_DURATION ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

const TOPICS = [
  ['An toàn thông tin', 'Mật khẩu mạnh, nhận biết lừa đảo trực tuyến và bảo vệ dữ liệu cá nhân.', ['4.1', '4.2']],
  ['Tìm kiếm thông tin trên Internet', 'Dùng công cụ tìm kiếm, đánh giá nguồn tin và lọc kết quả.', ['1.1', '1.2']],
  ['Giao tiếp qua mạng', 'Thư điện tử, tin nhắn và quy tắc ứng xử trên mạng.', ['2.1', '2.5']],
  ['Soạn thảo văn bản', 'Tạo, định dạng và chia sẻ văn bản số.', ['3.1', '3.2']],
  ['Trí tuệ nhân tạo cho mọi người', 'Hiểu biết về AI và sử dụng AI có trách nhiệm.', ['6.1', '6.2']],
  ['Dịch vụ công trực tuyến', 'Sử dụng VNeID và cổng dịch vụ công quốc gia.', ['2.3', '5.2']],
  ['Lập trình Scratch', 'Tư duy máy tính qua các dự án Scratch nhỏ.', ['3.4', '5.3']],
  ['Sức khoẻ số', 'Cân bằng thời gian dùng thiết bị và an sinh số.', ['4.3', '4.4']],
];
const AUDIENCES = [['student'], ['teacher', 'staff'], ['parent', 'community'], ['student', 'parent']];

const api = await startApi({});
const client = new pg.Client({ connectionString: api.databaseUrl });
await client.connect();
try {
  console.log(`bench:catalog on ${machine()}, ${COURSES} published courses, ${connections} connections, ${duration} s`);
  const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const started = performance.now();
  await client.query('BEGIN');
  const { rows: [dept] } = await client.query("INSERT INTO org_unit (id, type, name, path) VALUES (gen_random_uuid(), 'department', 'Sở GDĐT Hải Phòng', '') RETURNING id");
  await client.query("UPDATE org_unit SET path = id::text || '/' WHERE id = $1", [dept.id]);
  const batch = 1000;
  for (let start = 0; start < COURSES; start += batch) {
    const ids = [];
    const revisions = [];
    const titles = [];
    const summaries = [];
    const audiences = [];
    const gradeMin = [];
    const gradeMax = [];
    const codes = [];
    const levels = [];
    const search = [];
    for (let i = start; i < Math.min(COURSES, start + batch); i++) {
      const [title, summary, comps] = TOPICS[i % TOPICS.length];
      const level = 1 + (i % 5);
      const g = 1 + (i % 12);
      ids.push(randomUUID());
      revisions.push(randomUUID());
      titles.push(`${title} ${1 + Math.floor(i / TOPICS.length)}`);
      summaries.push(summary);
      audiences.push(`{${AUDIENCES[i % AUDIENCES.length].join(',')}}`);
      gradeMin.push(g);
      gradeMax.push(Math.min(12, g + 2));
      codes.push(`{${comps.join(',')}}`);
      levels.push(`{${comps.map((c) => `${c}:${level}`).join(',')}}`);
      search.push(fold(`${title} ${summary}`));
    }
    await client.query(
      `INSERT INTO course (id, title_vi, summary_vi, audiences, grade_min, grade_max, owner_unit_id, licence, status, published_revision_id, published_at)
       SELECT id, t, s, a::varchar[], gmin, gmax, $8, 'CC BY 4.0', 'published', r, now()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::smallint[]) AS x(id, r, t, s, a, gmin, gmax)`,
      [ids, revisions, titles, summaries, audiences, gradeMin, gradeMax, dept.id],
    );
    await client.query(
      `INSERT INTO course_revision (id, course_id, number, snapshot) SELECT r, id, 1, '{"course":{},"sections":[]}'::jsonb FROM unnest($1::uuid[], $2::uuid[]) AS x(id, r)`,
      [ids, revisions],
    );
    await client.query(
      `INSERT INTO course_catalog_entry (course_id, revision_id, title_vi, summary_vi, audiences, grade_min, grade_max, owner_unit_id, owner_unit_path,
                                         competency_codes, competency_levels, lesson_count, asset_ids, search_text, search, published_at)
       SELECT id, r, t, s, a::varchar[], gmin, gmax, $10::uuid, $10::uuid::text || '/', c::varchar[], l::varchar[], 6, '{}'::uuid[], st, to_tsvector('simple', st), now()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::smallint[], $8::text[], $9::text[], $11::text[])
              AS x(id, r, t, s, a, gmin, gmax, c, l, st)`,
      [ids, revisions, titles, summaries, audiences, gradeMin, gradeMax, codes, levels, dept.id, search],
    );
  }
  await client.query('COMMIT');
  await client.query('ANALYZE course_catalog_entry');
  console.log(`seeded ${COURSES} courses in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const queries = [
    'q=an%20toan%20thong%20tin',
    'q=tim%20kiem&audience=student',
    'grade=4&audience=parent',
    'competency=4.2&level=3',
    'q=tri%20tue%20nhan%20tao&grade=10',
    'q=dich%20vu%20cong&page=3',
    'audience=teacher&pageSize=20',
    'q=m%E1%BA%ADt%20kh%E1%BA%A9u',
  ];
  let n = 0;
  const catalog = await measure('GET /api/v1/catalog/courses (rotating searches)', {
    url: `${api.base}/api/v1/catalog/courses`,
    connections,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/catalog/courses?${queries[n++ % queries.length]}` }) }],
  });
  const health = await measure('GET /health/live', { url: `${api.base}/health/live`, connections, duration });
  const rps = Math.round(catalog.requests.average);
  const healthRps = Math.round(health.requests.average);
  console.log(`BENCH catalog rps=${rps} p99_ms=${catalog.latency.p99} health_rps=${healthRps} ratio=${(rps / healthRps).toFixed(2)}`);
} finally {
  await client.end();
  await api.stop();
}
