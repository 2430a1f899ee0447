import type { Locator, Page } from '@playwright/test';
import { ADMIN, digits, downloadBytes, expect, pickUnit, runTag, test } from './fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, expectTapTargets, screenshot } from './helpers';

// The administration area against the real api, signed in as the first administrator: the
// organisation tree, accounts and one-time codes, roster imports (a good file and a bad one), the
// users list, and a parent who sees their child. The tests build on each other (serial): each
// project (phone, desktop) makes its own department, named with a tag unique to the run, since
// both share one database.

test.describe.configure({ mode: 'serial' });

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

let tag = '';
const names = { department: '', commune: '', school: '', spare: '' };
const STUDENT_PASSWORD = 'Hoc-Tap-So-2026';
const students: Array<{ name: string; code: string; className: string; parentPhone: string }> = [];

test.beforeEach(() => {
  if (tag) return;
  tag = runTag(test.info().project.name);
  names.department = `Sở GDĐT thử nghiệm ${tag}`;
  names.commune = `Phường Hồng Bàng ${tag}`;
  names.school = `Trường Tiểu học Lê Văn Tám ${tag}`;
  names.spare = `Trường THCS Chu Văn An ${tag}`;
});

const path = () => [
  { name: names.department, kind: 'Sở GDĐT' },
  { name: names.commune, kind: 'Phường' },
  { name: names.school, kind: 'Trường tiểu học' },
];

/** The tree row's button for a unit (its name comes first in the accessible name, then its kind). */
function unitButton(page: Page, name: string): Locator {
  return page.locator('.tree__unit', { has: page.locator('.tree__name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
}

async function checkPage(page: Page, label: string, shot?: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page, label);
  await expectTapTargets(page, label);
  if (shot) await screenshot(page, test.info(), shot);
}

test('the administration area is linked from the layout and lists its sections', async ({ page }) => {
  await page.goto('/tai-khoan');
  await expect(page.getByTestId('header-user')).toHaveText(ADMIN.displayName);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
  await expect(page).toHaveURL(/\/quan-tri$/);
  await expect(heading(page)).toHaveText('Quản trị');
  const sections = page.getByRole('navigation', { name: 'Mục quản trị' });
  for (const name of ['Đơn vị', 'Người dùng', 'Nhập danh sách', 'Duyệt đăng ký']) await expect(sections.getByRole('link', { name })).toBeVisible();
  await checkPage(page, '/quan-tri', 'admin-home');

  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page)).toHaveText('Administration');
  await expect(page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Import rosters' })).toBeVisible();
  await expectNoAxeViolations(page, '/quan-tri (English)');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(heading(page)).toHaveText('Quản trị');
});

test('organisation tree: department → commune → school → class, rename, move and archive', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/quan-tri/don-vi');
  await expect(heading(page)).toHaveText('Đơn vị');
  await expect(page.getByRole('list', { name: 'Cây đơn vị' }).or(page.getByText('Chưa có đơn vị nào.'))).toBeVisible();
  await checkPage(page, '/quan-tri/don-vi');
  const notice = page.getByTestId('org-notice');

  // A department, at the top.
  await page.getByRole('button', { name: 'Thêm Sở GDĐT' }).click();
  const addDepartment = page.getByRole('form', { name: 'Thêm Sở GDĐT' });
  await addDepartment.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(addDepartment.getByLabel('Tên Sở')).toHaveAttribute('aria-invalid', 'true');
  await expect(addDepartment.getByLabel('Tên Sở')).toBeFocused();
  await expect(addDepartment.getByText('Vui lòng nhập tên.')).toBeVisible();
  await addDepartment.getByLabel('Tên Sở').fill(names.department);
  await addDepartment.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(notice).toHaveText(`Đã thêm ${names.department} (Sở GDĐT).`);
  await expect(unitButton(page, names.department)).toBeFocused();
  await expect(unitButton(page, names.department)).toHaveAttribute('aria-expanded', 'true');

  // A ward under it: the form asks which kind of commune-level unit.
  await page.getByTestId('unit-panel').getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  let form = page.getByRole('form', { name: `Thêm đơn vị trực thuộc ${names.department}` });
  await form.getByLabel('Xã, phường hoặc đặc khu').check();
  await expect(form.getByRole('group', { name: 'Đây là' })).toBeVisible();
  await form.getByLabel('Phường', { exact: true }).check();
  await form.getByLabel('Tên xã, phường hoặc đặc khu').fill(names.commune);
  await expectNoAxeViolations(page, 'add commune form');
  await expectTapTargets(page, 'add commune form');
  await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(notice).toHaveText(`Đã thêm ${names.commune} (Phường).`);

  // A public primary school in the ward.
  await page.getByTestId('unit-panel').getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  form = page.getByRole('form', { name: `Thêm đơn vị trực thuộc ${names.commune}` });
  await expect(form.getByText('Trường hoặc cơ sở giáo dục')).toBeVisible();
  await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(form.getByText('Vui lòng chọn cấp học.')).toBeVisible();
  await expect(form.getByText('Vui lòng chọn công lập hay ngoài công lập.')).toBeVisible();
  await expect(form.getByLabel('Cấp học')).toBeFocused();
  await form.getByLabel('Cấp học').selectOption({ label: 'Tiểu học' });
  await form.getByLabel('Công lập', { exact: true }).check();
  await form.getByLabel('Tên trường').fill(names.school);
  await expectNoAxeViolations(page, 'add school form (with errors)');
  await screenshot(page, test.info(), 'admin-tree-add-school');
  await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(notice).toHaveText(`Đã thêm ${names.school} (Trường tiểu học).`);

  // A class of grade 5, first named "5A01", then renamed "5A1".
  await page.getByTestId('unit-panel').getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  form = page.getByRole('form', { name: `Thêm đơn vị trực thuộc ${names.school}` });
  await form.getByLabel('Khối', { exact: true }).selectOption({ label: 'Khối 5' });
  await form.getByLabel('Tên lớp').fill('5A01');
  await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(notice).toHaveText('Đã thêm 5A01 (Lớp (khối 5)).');
  const panel = page.getByTestId('unit-panel');
  await panel.getByRole('button', { name: 'Đổi tên' }).click();
  const rename = page.getByRole('form', { name: 'Đổi tên 5A01' });
  await rename.getByLabel('Tên mới').fill('5A1');
  await rename.getByRole('button', { name: 'Lưu tên mới' }).click();
  await expect(notice).toHaveText('Đã đổi tên thành 5A1.');
  await expect(unitButton(page, '5A1')).toContainText('Lớp (khối 5)');

  // The whole branch, open, as the tree shows it.
  const tree = page.getByRole('list', { name: 'Cây đơn vị' });
  await expect(tree.getByRole('button', { name: `Thu gọn ${names.department}` })).toBeVisible();
  await expect(tree.getByRole('button', { name: `Thu gọn ${names.commune}` })).toBeVisible();
  await expect(tree.getByRole('button', { name: `Thu gọn ${names.school}` })).toBeVisible();
  await checkPage(page, '/quan-tri/don-vi (branch open)', 'admin-tree');

  // A second school, straight under the department, then moved into the ward, then archived.
  await unitButton(page, names.department).click();
  await page.getByTestId('unit-panel').getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  form = page.getByRole('form', { name: `Thêm đơn vị trực thuộc ${names.department}` });
  await form.getByLabel('Trường hoặc cơ sở giáo dục').check();
  await form.getByLabel('Cấp học').selectOption({ label: 'Trung học cơ sở (THCS)' });
  await form.getByLabel('Ngoài công lập (tư thục)').check();
  await form.getByLabel('Tên trường').fill(names.spare);
  await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await expect(notice).toHaveText(`Đã thêm ${names.spare} (Trường THCS).`);

  await page.getByTestId('unit-panel').getByRole('button', { name: 'Chuyển sang đơn vị khác' }).click();
  const move = page.getByRole('form', { name: `Chuyển ${names.spare}` });
  await pickUnit(move, [path()[0], path()[1]]);
  await expect(move.getByText(`Đã chọn: ${names.commune} (Phường).`)).toBeVisible();
  await expectNoAxeViolations(page, 'move form');
  await move.getByRole('button', { name: 'Chuyển đơn vị' }).click();
  await expect(notice).toHaveText(`Đã chuyển ${names.spare} vào ${names.commune}.`);
  const communeBranch = page.getByRole('list', { name: `Đơn vị trực thuộc ${names.commune}` });
  await expect(communeBranch.locator('.tree__name', { hasText: names.spare })).toBeVisible();
  await expect(page.getByRole('list', { name: `Đơn vị trực thuộc ${names.department}` }).locator(':scope > li > .tree__row .tree__name', { hasText: names.spare })).toHaveCount(0);

  await unitButton(page, names.spare).click();
  await page.getByTestId('unit-panel').getByRole('button', { name: 'Lưu trữ' }).click();
  const confirm = page.getByRole('group', { name: `Lưu trữ ${names.spare}?` });
  await expect(confirm).toContainText('Dữ liệu và tài khoản cũ vẫn được giữ lại.');
  await expect(confirm.getByRole('button', { name: 'Đồng ý lưu trữ' })).toBeFocused();
  await expectNoAxeViolations(page, 'archive confirmation');
  await confirm.getByRole('button', { name: 'Đồng ý lưu trữ' }).click();
  await expect(notice).toHaveText(`Đã lưu trữ ${names.spare}.`);
  await expect(unitButton(page, names.spare)).toHaveCount(0);
  // Still there among the archived units.
  await page.getByLabel('Hiện cả đơn vị đã lưu trữ').check();
  await expect(unitButton(page, names.spare)).toContainText('Đã lưu trữ');
});

test('users: create a teacher, see the one-time code once, reset it, disable and enable, grant a role', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/quan-tri/nguoi-dung');
  await expect(heading(page)).toHaveText('Người dùng');
  await expect(page.getByTestId('people-count')).toContainText('Tìm thấy');
  await checkPage(page, '/quan-tri/nguoi-dung', 'admin-users');

  await page.getByRole('link', { name: 'Tạo tài khoản mới' }).click();
  await expect(heading(page)).toHaveText('Tạo tài khoản mới');
  // Nothing filled in: every required field says what it needs.
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByTestId('create-user-error')).toHaveText('Vui lòng sửa các ô được đánh dấu bên dưới.');
  await expect(page.getByLabel('Họ và tên')).toBeFocused();
  await expect(page.getByLabel('Họ và tên')).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, '/quan-tri/nguoi-dung/tao-moi (errors)');

  const teacher = `Trần Thị Bình ${tag}`;
  await page.getByLabel('Họ và tên').fill(teacher);
  // The username is suggested from the name.
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue(`tranthibinh${tag}`);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Giáo viên' });
  await pickUnit(page, path());
  await page.getByLabel('Số điện thoại').fill(`09${digits(8)}`);
  await screenshot(page, test.info(), 'admin-create-user');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

  await expect(heading(page)).toHaveText('Đã tạo tài khoản');
  const code = page.getByTestId('one-time-code');
  await expect(code).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId('one-time-code-username')).toHaveText(`tranthibinh${tag}`);
  await expect(page.getByRole('heading', { name: 'Mã đăng nhập lần đầu' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Sao chép mã' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'In phiếu' })).toBeVisible();
  await checkPage(page, 'one-time code', 'admin-one-time-code');
  const first = await code.textContent();

  await page.getByRole('link', { name: 'Xem tài khoản này' }).click();
  await expect(heading(page)).toHaveText(teacher);
  await expect(page.getByTestId('user-roles')).toContainText(`Giáo viên — ${names.school}`);
  await expect(page.getByTestId('user-status')).toHaveText('Đang hoạt động');
  await checkPage(page, 'user detail', 'admin-user-detail');

  // A new code replaces the first.
  await page.getByRole('button', { name: 'Cấp lại mã đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đồng ý cấp mã mới' }).click();
  await expect(page.getByTestId('user-notice')).toHaveText('Đã cấp mã đăng nhập mới.');
  await expect(page.getByTestId('one-time-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(await page.getByTestId('one-time-code').textContent()).not.toBe(first);

  // Disable (after a confirmation), then enable again.
  await page.getByRole('button', { name: 'Khoá tài khoản' }).click();
  await page.getByRole('group', { name: /^Khoá tài khoản của/ }).getByRole('button', { name: 'Khoá tài khoản' }).click();
  await expect(page.getByTestId('user-status')).toHaveText('Đã khoá');
  await page.getByRole('button', { name: 'Mở khoá tài khoản' }).click();
  await expect(page.getByTestId('user-status')).toHaveText('Đang hoạt động');

  // Another role, on the whole installation, then removed.
  const grant = page.getByRole('form', { name: 'Gán thêm vai trò' });
  await grant.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Người biên soạn' });
  await grant.getByLabel('Áp dụng cho toàn hệ thống (không gắn với đơn vị nào)').check();
  await grant.getByRole('button', { name: 'Gán vai trò' }).click();
  await expect(page.getByTestId('user-notice')).toHaveText('Đã gán vai trò Người biên soạn.');
  await expect(page.getByTestId('user-roles')).toContainText('Người biên soạn (toàn hệ thống)');
  await page.getByRole('button', { name: 'Bỏ vai trò Người biên soạn (toàn hệ thống)' }).click();
  await page.getByRole('group', { name: /^Bỏ vai trò/ }).getByRole('button', { name: 'Bỏ vai trò' }).click();
  await expect(page.getByTestId('user-notice')).toHaveText('Đã bỏ vai trò.');
  await expect(page.getByTestId('user-roles')).not.toContainText('Người biên soạn');
});

function rosterCsv(rows: ReadonlyArray<readonly string[]>): Buffer {
  const header = 'Họ và tên,Ngày sinh,Lớp,Khối,Mã định danh,Họ tên phụ huynh,SĐT phụ huynh';
  return Buffer.from([header, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n', 'utf8');
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Minh', 'Ngọc'];

async function openImport(page: Page): Promise<void> {
  await page.goto('/quan-tri/nhap-danh-sach');
  await expect(heading(page)).toHaveText('Nhập danh sách');
  await pickUnit(page, path());
  await expect(page.getByText(`Đã chọn: ${names.school} (Trường tiểu học).`)).toBeVisible();
}

test('roster import: 60 students in two classes, a progress bar to the end, the counts, the slips PDF', async ({ page }) => {
  test.setTimeout(90_000);
  const prefix = digits(10);
  const phones = digits(6);
  students.length = 0;
  for (let i = 0; i < 60; i++) {
    students.push({
      name: `${FAMILY[i % FAMILY.length]} ${i % 2 ? 'Thị' : 'Văn'} ${GIVEN[i % GIVEN.length]} ${tag}${String(i).padStart(2, '0')}`,
      code: `${prefix}${String(i).padStart(2, '0')}`,
      className: i < 30 ? '5A1' : '5A2',
      parentPhone: `09${phones}${String(i).padStart(2, '0')}`,
    });
  }
  const csv = rosterCsv(
    students.map((s, i) => [s.name, `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2015`, s.className, '5', s.code, `Phụ huynh ${s.name}`, s.parentPhone]),
  );

  await openImport(page);
  await expect(page.getByRole('link', { name: 'Mẫu danh sách học sinh (Excel)' })).toHaveAttribute('href', '/api/v1/roster-templates/students?format=xlsx');
  await checkPage(page, '/quan-tri/nhap-danh-sach', 'admin-import');

  // No file: said so, nothing sent.
  await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
  await expect(page.getByText('Vui lòng chọn tệp danh sách.')).toBeVisible();
  await expect(page.getByLabel('Tệp danh sách')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Học sinh', { exact: true }).check();
  await page.getByLabel('Tệp danh sách').setInputFiles({ name: `danh-sach-khoi-5-${tag}.csv`, mimeType: 'text/csv', buffer: csv });
  const upload = page.waitForResponse((r) => /\/roster-imports\?/.test(r.url()) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
  const response = await upload;
  expect(response.status()).toBe(202);
  expect(response.request().headers()['content-type']).toBe('text/csv');
  expect(response.request().headers()['x-csrf-token']).toBeTruthy();

  const progress = page.getByTestId('roster-progress');
  await expect(progress).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  const bar = page.getByRole('progressbar', { name: `Tiến độ nhập tệp danh-sach-khoi-5-${tag}.csv` });
  await expect(bar).toHaveAttribute('max', '60');
  await expect(bar).toHaveAttribute('value', '60');
  await expect(page.getByTestId('roster-stage')).toHaveText('Hoàn tất: đã nhập 60 dòng.');
  await expect(page.getByRole('heading', { name: 'Đã nhập xong danh sách' })).toBeFocused();
  await expect(page.getByTestId('roster-count-created')).toHaveText('60');
  await expect(page.getByTestId('roster-count-updated')).toHaveText('0');
  await expect(page.getByTestId('roster-count-unchanged')).toHaveText('0');
  await expect(page.getByTestId('roster-count-parents')).toHaveText('60');
  await expect(page.getByTestId('roster-history')).toContainText(`danh-sach-khoi-5-${tag}.csv`);
  await checkPage(page, 'import completed', 'admin-import-done');

  // The account slips of the 120 new accounts: a PDF.
  const slips = page.waitForEvent('download');
  await page.getByTestId('roster-result').getByRole('link', { name: 'Tải phiếu tài khoản để in (PDF)' }).click();
  const pdf = await downloadBytes(await slips);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('roster import with bad rows: the reasons in Vietnamese and the full error report', async ({ page }) => {
  test.setTimeout(60_000);
  const prefix = digits(10);
  const csv = rosterCsv([
    [`Lê Văn Cường ${tag}`, '31/02/2015', '5A1', '5', `${prefix}01`, 'Lê Văn Hùng', `09${digits(8)}`],
    ['', '01/03/2015', '5A1', '5', `${prefix}02`, '', ''],
    [`Phạm Thị Dung ${tag}`, '02/03/2015', '5A2', '13', `${prefix}03`, 'Phạm Văn Hải', '12345'],
    [`Đỗ Minh Em ${tag}`, '03/03/2015', '5A2', '5', `${prefix}03`, '', ''],
  ]);
  await openImport(page);
  await page.getByLabel('Tệp danh sách').setInputFiles({ name: `danh-sach-loi-${tag}.csv`, mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: 'Tải lên và nhập' }).click();

  await expect(page.getByTestId('roster-progress')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Không nhập được danh sách' })).toBeFocused();
  await expect(page.getByText('Chưa có dòng nào được nhập.')).toBeVisible();
  const table = page.getByTestId('roster-errors');
  await expect(table.getByRole('columnheader')).toHaveText(['Dòng', 'Cột', 'Lý do']);
  await expect(table).toContainText('Ngày sinh "31/02/2015" không hợp lệ (dùng dạng dd/mm/yyyy).');
  await expect(table).toContainText('không phải số điện thoại Việt Nam hợp lệ');
  await expect(table).toContainText('bị trùng với dòng 4');
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('2');
  await checkPage(page, 'import failed', 'admin-import-errors');

  const report = page.waitForEvent('download');
  await page.getByTestId('roster-result').getByRole('link', { name: 'Tải báo cáo lỗi đầy đủ (CSV)' }).click();
  const text = (await downloadBytes(await report)).toString('utf8').replace(/^\uFEFF/, '');
  expect(text.split(/\r?\n/)[0]).toBe('Dòng,Cột,Mã lỗi,Lý do,Reason');
  expect(text).toContain('INVALID_DATE');

  // In English, the same reasons in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(table).toContainText('is not a valid date');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
});

test('the users list finds an imported student by name, pages through a class, shows the parent link', async ({ page }) => {
  const student = students[7];
  await page.goto('/quan-tri/nguoi-dung');
  // The name finds the student and their parent ("Phụ huynh …"); the role filter leaves the student.
  await page.getByLabel('Tìm theo tên, tên đăng nhập hoặc mã').fill(student.name);
  await expect(page.getByTestId('people-count')).toHaveText('Tìm thấy 2 tài khoản.');
  await expect(page).toHaveURL(/q=/);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Học sinh' });
  await expect(page.getByTestId('people-count')).toHaveText('Tìm thấy 1 tài khoản.');
  await expect(page).toHaveURL(/role=student/);
  const card = page.getByTestId('people-list').getByRole('listitem').first();
  await expect(card).toContainText(student.code);
  await expect(card).toContainText(`Học sinh — ${student.className}`);

  // Everyone of this run with the role "student": 60, three pages of 20.
  await page.getByLabel('Tìm theo tên, tên đăng nhập hoặc mã').fill(tag);
  await expect(page.getByTestId('people-count')).toHaveText('Tìm thấy 60 tài khoản.');
  await expect(page.getByText('Trang 1/3')).toBeVisible();
  await page.getByRole('button', { name: 'Trang sau' }).click();
  await expect(page.getByText('Trang 2/3')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kết quả' })).toBeFocused();
  await checkPage(page, 'users list (filtered, page 2)', 'admin-users-filtered');

  await page.getByLabel('Tìm theo tên, tên đăng nhập hoặc mã').fill(student.name);
  await expect(page.getByTestId('people-count')).toHaveText('Tìm thấy 1 tài khoản.');
  await page.getByRole('link', { name: student.name }).click();
  await expect(heading(page)).toHaveText(student.name);
  await expect(page.getByTestId('user-parents')).toContainText(`Phụ huynh ${student.name}`);
  await expect(page.getByTestId('user-parents')).toContainText(student.parentPhone);
});

test('a parent signs in with the one-time code, sets a password and sees their child on "Con của tôi"', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const child = students[3];
  const parentName = `Phạm Thu Trang ${tag}`;
  const username = `ph.trang.${tag}`;

  // The school creates the parent's account and links the child.
  await page.goto('/quan-tri/nguoi-dung/tao-moi');
  await page.getByLabel('Họ và tên').fill(parentName);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Phụ huynh' });
  await pickUnit(page, path());
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const code = (await page.getByTestId('one-time-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await page.getByRole('link', { name: 'Xem tài khoản này' }).click();
  await expect(page.getByText('Chưa liên kết với học sinh nào.')).toBeVisible();
  await page.getByLabel('Tìm học sinh để liên kết').fill(child.name);
  await page.getByRole('button', { name: `Liên kết với ${child.name}` }).click();
  await expect(page.getByTestId('user-notice')).toHaveText(`Đã liên kết với ${child.name}.`);
  await expect(page.getByTestId('user-children')).toContainText(child.name);
  await checkPage(page, 'parent detail');

  // The parent, on their own phone.
  const own = await browser.newContext({ storageState: undefined });
  const phone = await own.newPage();
  await phone.goto('/dang-nhap');
  await phone.getByLabel('Tên đăng nhập').fill(username);
  await phone.getByLabel('Mật khẩu', { exact: true }).fill(code.toLowerCase());
  await phone.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(phone).toHaveURL(/\/doi-mat-khau$/);
  await phone.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(code);
  await phone.getByLabel('Mật khẩu mới', { exact: true }).fill(STUDENT_PASSWORD);
  await phone.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(STUDENT_PASSWORD);
  await phone.getByRole('main').getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(phone).toHaveURL(/\/dang-nhap$/);
  await phone.getByLabel('Tên đăng nhập').fill(username);
  await phone.getByLabel('Mật khẩu', { exact: true }).fill(STUDENT_PASSWORD);
  await phone.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(phone).toHaveURL(/\/tai-khoan$/);
  const nav = phone.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Con của tôi' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Con của tôi');
  const list = phone.getByTestId('children-list');
  await expect(list.getByRole('heading', { name: child.name })).toBeVisible();
  await expect(list).toContainText(`Lớp ${child.className} — ${names.school}`);
  await expectNoAxeViolations(phone, '/con-cua-toi');
  await expectNoHorizontalScroll(phone, '/con-cua-toi');
  await expectTapTargets(phone, '/con-cua-toi');
  await screenshot(phone, test.info(), 'my-children');

  // The administration area is not theirs.
  await phone.goto('/quan-tri/don-vi');
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Bạn không có quyền xem trang này');
  await own.close();
});
