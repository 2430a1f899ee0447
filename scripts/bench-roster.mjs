// npm run bench:roster — imports a roster of 100,000 generated students (with a parent each, some
// shared by siblings) into a fresh database through the real api and its import job, then, in the
// same run and on the same database, loads the same rows with raw COPY into tables shaped and
// indexed like the ones the import writes (accounts, role assignments, parent links). Last line:
//   BENCH roster rows=<n> seconds=<s> copy_seconds=<s> ratio=<r>
// BENCH_ROSTER_ROWS changes the row count.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { machine, startApi } from './lib/bench-api.mjs';

const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 100_000);
const USERNAME = 'bench-admin';
const PASSWORD = 'Bench-Roster-2026!';
const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức', 'Thu', 'Quang', 'Bảo', 'Gia', 'Khánh'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hưng', 'Khánh', 'Linh', 'Mai', 'Nam', 'Phúc', 'Quỳnh', 'Sơn', 'Trang', 'Uyên', 'Vy', 'Yến', 'Thảo', 'Tuấn'];

/** The roster: grades 1–12, classes of 35, every 10th child a sibling of the one before. */
function generate(n) {
  const rows = [];
  for (let i = 1; i <= n; i++) {
    const grade = 1 + (i % 12);
    const parentOf = i % 10 === 0 ? i - 1 : i;
    rows.push({
      name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[(i >> 5) % GIVEN.length]}`,
      dob: `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${2020 - grade}`,
      className: `${grade}A${1 + Math.floor(i / 35 / 12)}`,
      grade,
      code: `031${String(i).padStart(9, '0')}`,
      parentName: `${FAMILY[parentOf % FAMILY.length]} Văn Phụ Huynh`,
      parentPhone: `09${String(parentOf).padStart(8, '0')}`,
    });
  }
  return rows;
}

async function json(res) {
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

const api = await startApi({ ADMIN_USERNAME: USERNAME, ADMIN_PASSWORD: PASSWORD, ROSTER_MAX_BYTES: String(100 * 1024 * 1024), ROSTER_MAX_ROWS: String(Math.max(ROWS, 200_000)) });
try {
  console.log(`bench:roster on ${machine()}, ${ROWS} students`);
  const { accessToken } = await json(await fetch(`${api.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USERNAME, password: PASSWORD }) }));
  const auth = { authorization: `Bearer ${accessToken}` };
  const unit = async (body) => (await json(await fetch(`${api.base}/api/v1/org/units`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) }))).id;
  const so = await unit({ type: 'department', name: 'Sở GDĐT Hải Phòng' });
  const xa = await unit({ type: 'commune', name: 'Xã An Hưng', parentId: so, communeKind: 'xa' });
  const school = await unit({ type: 'institution', name: 'Trường liên cấp Bench', parentId: xa, institutionKind: 'upper_secondary', ownership: 'public' });

  const rows = generate(ROWS);
  const csv = Buffer.from(`\uFEFFHọ và tên,Ngày sinh,Lớp,Khối,Mã định danh,Họ tên phụ huynh,SĐT phụ huynh\n${rows.map((r) => [r.name, r.dob, r.className, r.grade, r.code, r.parentName, r.parentPhone].join(',')).join('\n')}\n`);
  console.log(`file: ${(csv.length / 1024 / 1024).toFixed(1)} MB, ${rows.length} rows`);

  // 1. The import, as a school manager would run it: upload, then poll the progress.
  const started = performance.now();
  const upload = await json(await fetch(`${api.base}/api/v1/org/units/${school}/roster-imports?kind=students&fileName=bench.csv`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv }));
  let state = upload;
  let lastLine = '';
  while (state.status !== 'completed' && state.status !== 'failed') {
    await new Promise((r) => setTimeout(r, 200));
    state = await json(await fetch(`${api.base}/api/v1/roster-imports/${upload.id}`, { headers: auth }));
    const line = `  ${state.status} ${state.doneRows}${state.totalRows ? ` / ${state.totalRows}` : ''}`;
    if (line !== lastLine) console.log(line);
    lastLine = line;
  }
  const seconds = (performance.now() - started) / 1000;
  if (state.status !== 'completed') throw new Error(`import failed: ${JSON.stringify(state.failure)}`);
  console.log(`import: ${seconds.toFixed(2)} s — ${state.createdCount} students, ${state.parentsCreatedCount} parents created`);

  // 2. The same rows with raw COPY into tables shaped and indexed like the import's.
  const client = new pg.Client({ connectionString: api.databaseUrl });
  await client.connect();
  try {
    for (const table of ['user_account', 'role_assignment', 'parent_link']) {
      await client.query(`CREATE TABLE copy_${table} (LIKE ${table} INCLUDING DEFAULTS INCLUDING INDEXES)`);
    }
    const klass = await client.query("SELECT id FROM org_unit WHERE type = 'class' LIMIT 1");
    const classId = klass.rows[0].id;
    const accounts = [];
    const roles = [];
    const links = [];
    const parents = new Map();
    const code = 'otc1$' + 'x'.repeat(43);
    const iso = (dob) => dob.split('/').reverse().join('-');
    for (const r of rows) {
      const id = randomUUID();
      accounts.push(`${id}\t${r.code}\t${r.name}\t${iso(r.dob)}\t${r.code}\t\\N\t${code}\tt`);
      roles.push(`${id}\tstudent\t${classId}`);
      let parent = parents.get(r.parentPhone);
      if (!parent) {
        parent = randomUUID();
        parents.set(r.parentPhone, parent);
        accounts.push(`${parent}\t${r.parentPhone}\t${r.parentName}\t\\N\t\\N\t${r.parentPhone}\t${code}\tt`);
        roles.push(`${parent}\tparent\t${school}`);
      }
      links.push(`${parent}\t${id}`);
    }
    const copy = async (sql, lines) => {
      const stream = client.query(copyStreams.from(sql));
      await new Promise((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end(`${lines.join('\n')}\n`);
      });
    };
    const copyStarted = performance.now();
    await client.query('BEGIN');
    await copy('COPY copy_user_account (id, username, display_name, date_of_birth, person_code, phone, one_time_code_hash, must_change_password) FROM STDIN', accounts);
    await copy('COPY copy_role_assignment (user_id, role, unit_id) FROM STDIN', roles);
    await copy('COPY copy_parent_link (parent_id, child_id) FROM STDIN', links);
    await client.query('COMMIT');
    const copySeconds = (performance.now() - copyStarted) / 1000;
    console.log(`COPY: ${copySeconds.toFixed(2)} s — ${accounts.length} accounts, ${roles.length} role assignments, ${links.length} links`);
    console.log(`BENCH roster rows=${ROWS} seconds=${seconds.toFixed(2)} copy_seconds=${copySeconds.toFixed(2)} ratio=${(seconds / copySeconds).toFixed(2)}`);
  } finally {
    await client.end();
  }
} finally {
  await api.stop();
}
