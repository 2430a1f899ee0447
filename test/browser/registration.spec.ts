import type { Page } from '@playwright/test';
import { apiPost, digits, expect, runTag, test } from './fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, expectTapTargets, screenshot } from './helpers';

// Self-registration of parents and community learners. serve.mjs starts the api with
// REGISTRATION_MODE=approval: a registrant waits until a manager of the school accepts them. The
// "closed" page (mode off, the api's default) is checked with the mode answer stubbed in the browser.

type Unit = { id: string; name: string };

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const PASSWORD = 'Gia-Dinh-So-2026';

async function checkPage(page: Page, label: string, shot?: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page, label);
  await expectTapTargets(page, label);
  if (shot) await screenshot(page, test.info(), shot);
}

test.describe('when registration is off', () => {
  test.use({ asAdmin: false });

  test('the registration page says it is closed and leads to sign-in', async ({ page }) => {
    await page.route('**/api/v1/registration', (route) => route.fulfill({ json: { mode: 'off' } }));
    await page.goto('/dang-ky');
    await expect(heading(page)).toHaveText('Đăng ký tài khoản');
    await expect(page.getByTestId('registration-closed')).toHaveText('Hiện chưa mở đăng ký tài khoản trực tuyến.');
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await checkPage(page, '/dang-ky (closed)', 'register-closed');
    await page.getByRole('main').getByRole('link', { name: 'Đến trang đăng nhập' }).click();
    await expect(page).toHaveURL(/\/dang-nhap$/);
    // The sign-in page offers no registration either.
    await expect(page.getByRole('link', { name: 'Đăng ký tài khoản' })).toHaveCount(0);
  });
});

test.describe('with approval by the school', () => {
  test.describe.configure({ mode: 'serial' });

  let tag = '';
  let school: Unit;
  const parent = { name: '', username: '' };
  const learner = { name: '', username: '' };

  test.beforeEach(async ({ page }) => {
    if (tag) return;
    tag = runTag(test.info().project.name);
    parent.name = `Ngô Thị Mai ${tag}`;
    parent.username = `mai.ngo.${tag}`;
    learner.name = `Đinh Văn Tùng ${tag}`;
    learner.username = `tung.dinh.${tag}`;
    // A school to register at, made through the api as the administrator.
    const department = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'department', name: `Sở GDĐT đăng ký ${tag}` });
    const commune = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'commune', name: `Xã An Lão ${tag}`, communeKind: 'xa', parentId: department.id });
    school = await apiPost<Unit>(page, '/api/v1/org/units', {
      type: 'institution',
      name: `Trường Mầm non Hoa Sen ${tag}`,
      institutionKind: 'preschool',
      ownership: 'public',
      parentId: commune.id,
    });
  });

  async function register(page: Page, who: { name: string; username: string }, kind: 'Phụ huynh học sinh' | 'Người dân'): Promise<void> {
    await page.goto('/dang-ky');
    await expect(heading(page)).toHaveText('Đăng ký tài khoản');
    await page.getByLabel(kind, { exact: true }).check();
    // Typed without diacritics, the school is found all the same.
    await page.getByLabel('Tìm trường').fill(`mam non hoa sen ${tag}`);
    await expect(page.getByText('Tìm thấy 1 trường.')).toBeVisible();
    await page.getByLabel(school.name, { exact: true }).check();
    await page.getByLabel('Họ và tên').fill(who.name);
    await page.getByLabel('Tên đăng nhập').fill(who.username);
    await page.getByLabel('Số điện thoại').fill(`09${digits(8)}`);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill(PASSWORD);
  }

  test('a parent registers and is told to wait for the school; they cannot sign in yet', async ({ browser }) => {
    const context = await browser.newContext({ storageState: undefined });
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Đăng ký tài khoản' }).click();
    await expect(page).toHaveURL(/\/dang-ky$/);
    await expect(heading(page)).toHaveText('Đăng ký tài khoản');
    await checkPage(page, '/dang-ky', 'register');

    // Nothing filled in: each field says what it needs, focus goes to the first.
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(page.getByTestId('register-error')).toHaveText('Vui lòng sửa các ô được đánh dấu bên dưới.');
    await expect(page.getByText('Vui lòng chọn bạn là phụ huynh hay người dân.')).toBeVisible();
    await expect(page.getByLabel('Phụ huynh học sinh')).toBeFocused();
    await expect(page.getByLabel('Họ và tên')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Họ và tên')).toHaveAttribute('aria-describedby', /.+/);
    await expectNoAxeViolations(page, '/dang-ky (errors)');

    await register(page, parent, 'Phụ huynh học sinh');
    await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill(`${PASSWORD}x`);
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(page.getByText('Mật khẩu nhập lại không khớp.')).toBeVisible();
    await expect(page.getByLabel('Nhập lại mật khẩu', { exact: true })).toBeFocused();
    await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill(PASSWORD);
    await screenshot(page, test.info(), 'register-filled');
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/registration') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    expect((await sent).status()).toBe(201);
    await expect(heading(page)).toHaveText('Đã gửi đăng ký');
    await expect(page.getByTestId('registration-result')).toContainText('chờ nhà trường duyệt');
    await expect(page.getByTestId('registration-result')).toContainText(school.name);
    await checkPage(page, '/dang-ky (sent)', 'register-pending');

    // The same username again: the api's message, on the field.
    await register(page, parent, 'Phụ huynh học sinh');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(page.getByLabel('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();

    // Waiting for approval: no way in yet.
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill(parent.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByTestId('sign-in-error')).toContainText('Tài khoản đang chờ nhà trường duyệt.');
    await expect(page).toHaveURL(/\/dang-nhap$/);

    // A community learner registers too (the school will turn this one down).
    await register(page, learner, 'Người dân');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(page.getByTestId('registration-result')).toContainText('chờ nhà trường duyệt');
    await context.close();
  });

  test('the school approves the parent and rejects the learner; the parent then signs in', async ({ page, browser }) => {
    await page.goto('/quan-tri');
    await page.getByRole('navigation', { name: 'Mục quản trị' }).getByRole('link', { name: 'Duyệt đăng ký' }).click();
    await expect(heading(page)).toHaveText('Duyệt đăng ký');
    const list = page.getByTestId('registrations-list');
    const parentCard = list.getByRole('listitem').filter({ hasText: parent.name }).first();
    await expect(parentCard).toContainText(`Phụ huynh — ${school.name}`);
    await expect(list.getByRole('listitem').filter({ hasText: learner.name }).first()).toContainText(`Người học tự do — ${school.name}`);
    await checkPage(page, '/quan-tri/dang-ky', 'admin-registrations');

    await page.getByRole('button', { name: `Duyệt đăng ký của ${parent.name}` }).click();
    await expect(page.getByTestId('registrations-notice')).toHaveText(`Đã duyệt đăng ký của ${parent.name}. Người này đã đăng nhập được.`);
    await expect(list.getByText(parent.name)).toHaveCount(0);

    await page.getByRole('button', { name: `Từ chối đăng ký của ${learner.name}` }).click();
    const confirm = page.getByRole('group', { name: `Từ chối đăng ký của ${learner.name}? Tài khoản đăng ký sẽ bị xoá.` });
    await expect(confirm.getByRole('button', { name: 'Đồng ý từ chối' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Đồng ý từ chối' }).click();
    await expect(page.getByTestId('registrations-notice')).toHaveText(`Đã từ chối đăng ký của ${learner.name}.`);

    // The parent, accepted, signs in.
    const context = await browser.newContext({ storageState: undefined });
    const own = await context.newPage();
    await own.goto('/dang-nhap');
    await own.getByLabel('Tên đăng nhập').fill(parent.username);
    await own.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await own.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(own).toHaveURL(/\/tai-khoan$/);
    await expect(own.getByTestId('profile-roles')).toHaveText('Phụ huynh');
    // No child linked yet: "Con của tôi" says so.
    await own.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Con của tôi' }).click();
    await expect(own.getByText('Chưa có học sinh nào được liên kết với tài khoản của bạn.')).toBeVisible();
    await expectNoAxeViolations(own, '/con-cua-toi (empty)');
    await context.close();
  });
});
