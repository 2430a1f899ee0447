import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll, expectTapTargets, screenshot } from './helpers';

// Sign-in, profile, sign-out and password change against the real api (cookie session + CSRF).
// serve.mjs creates the first administrator: quantri / Hai-Phong-2026! (display name and role:
// "Quản trị hệ thống"). Tests run in file order (workers: 1); the one that changes the password
// changes it back, so the other project's run finds the same account.

const USERNAME = 'quantri';
const PASSWORD = 'Hai-Phong-2026!';
const NEW_PASSWORD = 'Bien-Do-Son-2026';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const signInAlert = (page: Page) => page.getByTestId('sign-in-error');

async function signIn(page: Page, username = USERNAME, password = PASSWORD): Promise<void> {
  await page.goto('/dang-nhap');
  await expect(heading(page)).toHaveText('Đăng nhập');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
}

async function signInAsAdmin(page: Page, password = PASSWORD): Promise<void> {
  await signIn(page, USERNAME, password);
  await expect(page).toHaveURL(/\/tai-khoan$/);
  await expect(heading(page)).toHaveText('Tài khoản của tôi');
}

async function fillChangePassword(page: Page, current: string, next: string, confirm = next): Promise<void> {
  await page.getByLabel('Mật khẩu hiện tại', { exact: true }).fill(current);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
  await page.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill(confirm);
  await page.getByRole('main').getByRole('button', { name: 'Đổi mật khẩu' }).click();
}

test('sign-in page: fields, autocomplete, show/hide password, axe, no horizontal scroll, 44 px targets', async ({ page }) => {
  await page.goto('/dang-nhap');
  await expect(heading(page)).toHaveText('Đăng nhập');
  await expect(page).toHaveTitle('Đăng nhập · Bình dân học vụ số');
  const username = page.getByLabel('Tên đăng nhập');
  const password = page.getByLabel('Mật khẩu', { exact: true });
  await expect(username).toHaveAttribute('autocomplete', 'username');
  await expect(password).toHaveAttribute('autocomplete', 'current-password');
  await expect(password).toHaveAttribute('type', 'password');

  await password.fill('bí mật');
  await page.getByRole('button', { name: 'Hiện mật khẩu' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Ẩn mật khẩu' }).click();
  await expect(password).toHaveAttribute('type', 'password');
  await password.fill('');

  await expectNoAxeViolations(page, '/dang-nhap');
  await expectNoHorizontalScroll(page, '/dang-nhap');
  await expectTapTargets(page, '/dang-nhap');
  await screenshot(page, test.info(), 'sign-in');

  // Empty form: told in words, nothing sent.
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(signInAlert(page)).toHaveText('Vui lòng nhập tên đăng nhập và mật khẩu.');
  await expect(signInAlert(page)).toHaveAttribute('role', 'alert');
  await expect(username).toBeFocused();
});

test('a wrong password shows the Vietnamese error and stays on the page', async ({ page }) => {
  await signIn(page, USERNAME, 'sai-mat-khau-1');
  await expect(signInAlert(page)).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(heading(page)).toHaveText('Đăng nhập');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
  await expectNoAxeViolations(page, '/dang-nhap (error)');
  await expectNoHorizontalScroll(page, '/dang-nhap (error)');

  // In English, the api's message is in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Password', { exact: true }).fill('wrong-password-2');
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(signInAlert(page)).toHaveText('The username or password is incorrect.');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
});

test('signing in lands on the profile, with the name and the role in Vietnamese', async ({ page }) => {
  await page.goto('/');
  const banner = page.getByRole('banner');
  await banner.getByRole('link', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/dang-nhap$/);

  await page.getByLabel('Tên đăng nhập').fill(USERNAME);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  const login = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/web/login'));
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  expect((await login).status()).toBe(200);

  await expect(page).toHaveURL(/\/tai-khoan$/);
  await expect(heading(page)).toHaveText('Tài khoản của tôi');
  await expect(page).toHaveTitle('Tài khoản của tôi · Bình dân học vụ số');
  await expect(page.getByTestId('profile-name')).toHaveText('Quản trị hệ thống');
  await expect(page.getByTestId('profile-username')).toHaveText(USERNAME);
  await expect(page.getByTestId('profile-roles')).toHaveText('Quản trị hệ thống');

  // The header: the user's name and "Đăng xuất", no "Đăng nhập".
  await expect(page.getByTestId('header-user')).toHaveText('Quản trị hệ thống');
  await expect(banner.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Đăng nhập' })).toHaveCount(0);

  // The tokens are out of reach of scripts; only the CSRF token is readable.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'lms_at')?.httpOnly).toBe(true);
  expect(cookies.find((c) => c.name === 'lms_rt')?.httpOnly).toBe(true);
  expect(cookies.find((c) => c.name === 'lms_csrf')?.httpOnly).toBe(false);

  await expectNoAxeViolations(page, '/tai-khoan');
  await expectNoHorizontalScroll(page, '/tai-khoan');
  await expectTapTargets(page, '/tai-khoan');
  await screenshot(page, test.info(), 'account');

  // English: the role in English; still signed in after a reload.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('profile-roles')).toHaveText('System administrator');
  await page.reload();
  await expect(heading(page)).toHaveText('My account');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
});

test('an expired access token is renewed with the refresh cookie, transparently', async ({ page }) => {
  await signInAsAdmin(page);
  // Drop the access token (as if it had expired): the next call gets 401, refreshes and retries.
  const cookies = await page.context().cookies();
  await page.context().clearCookies({ name: 'lms_at' });
  expect(cookies.some((c) => c.name === 'lms_rt')).toBe(true);
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/web/refresh'));
  await page.reload();
  expect((await refreshed).status()).toBe(200);
  await expect(heading(page)).toHaveText('Tài khoản của tôi');
  await expect(page.getByTestId('profile-name')).toHaveText('Quản trị hệ thống');
});

test('signing out returns to the signed-out state; /tai-khoan then asks to sign in', async ({ page }) => {
  await signInAsAdmin(page);
  const banner = page.getByRole('banner');
  const logout = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/web/logout'));
  await banner.getByRole('button', { name: 'Đăng xuất' }).click();
  const response = await logout;
  expect(response.status()).toBe(204);
  expect(response.request().headers()['x-csrf-token']).toBeTruthy();

  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(page.getByRole('status')).toHaveText('Bạn đã đăng xuất.');
  await expect(banner.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('lms_at');

  await page.goto('/');
  await expect(banner.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();

  // A protected page sends the user to sign in, and back to it afterwards.
  await page.goto('/tai-khoan');
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(heading(page)).toHaveText('Đăng nhập');
  await expect(page.getByRole('status')).toHaveText('Vui lòng đăng nhập để xem trang này.');
  await page.goto('/doi-mat-khau');
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await page.getByLabel('Tên đăng nhập').fill(USERNAME);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/doi-mat-khau$/);
  await expect(heading(page)).toHaveText('Đổi mật khẩu');
});

test('change password: checks in the page, and the policy message of the api', async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole('main').getByRole('link', { name: 'Đổi mật khẩu' }).click();
  await expect(page).toHaveURL(/\/doi-mat-khau$/);
  await expect(heading(page)).toHaveText('Đổi mật khẩu');
  for (const label of ['Mật khẩu mới', 'Nhập lại mật khẩu mới']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('autocomplete', 'new-password');
  }
  await expect(page.getByLabel('Mật khẩu hiện tại', { exact: true })).toHaveAttribute('autocomplete', 'current-password');
  await expectNoAxeViolations(page, '/doi-mat-khau');
  await expectNoHorizontalScroll(page, '/doi-mat-khau');
  await expectTapTargets(page, '/doi-mat-khau');
  await screenshot(page, test.info(), 'change-password');

  const alert = page.getByTestId('change-password-error');
  // The confirmation must match (checked here, nothing sent).
  await fillChangePassword(page, PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}x`);
  await expect(alert).toHaveText('Mật khẩu nhập lại không khớp với mật khẩu mới.');
  await expect(page.getByLabel('Nhập lại mật khẩu mới', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // A weak password: the api's policy message, in Vietnamese.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/password'));
  await fillChangePassword(page, PASSWORD, '12345678');
  const response = await answer;
  expect(response.status()).toBe(422);
  expect(response.request().headers()['x-csrf-token']).toBeTruthy();
  await expect(alert).toContainText('Mật khẩu chưa đủ mạnh');
  await expect(alert).toContainText('có cả chữ và số');
  await expect(page).toHaveURL(/\/doi-mat-khau$/);
  await expectNoAxeViolations(page, '/doi-mat-khau (policy error)');
  await expectNoHorizontalScroll(page, '/doi-mat-khau (policy error)');

  // A wrong current password: said so, and still signed in.
  await fillChangePassword(page, 'khong-dung-123', NEW_PASSWORD);
  await expect(alert).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page.getByTestId('header-user')).toHaveText('Quản trị hệ thống');
});

// Last in the file: changes the password, signs in with it, and changes it back.
test('a successful password change ends the session; the new password works', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/doi-mat-khau');
  await fillChangePassword(page, PASSWORD, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(page.getByRole('status')).toHaveText('Đã đổi mật khẩu. Vui lòng đăng nhập lại bằng mật khẩu mới.');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);

  await signIn(page, USERNAME, PASSWORD);
  await expect(signInAlert(page)).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');

  await signInAsAdmin(page, NEW_PASSWORD);
  await page.goto('/doi-mat-khau');
  await fillChangePassword(page, NEW_PASSWORD, PASSWORD);
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await signInAsAdmin(page, PASSWORD);
});
