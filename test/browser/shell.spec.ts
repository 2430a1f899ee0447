import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';

// The web shell against the real api: language, status, layout at 360 px, accessibility.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const PAGES = [
  { name: 'home', path: '/', heading: 'Học kỹ năng số cho mọi người' },
  { name: 'status', path: '/status', heading: 'Tình trạng hệ thống' },
  { name: 'not-found', path: '/khong-co-trang-nay', heading: 'Không tìm thấy trang' },
] as const;

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(violations, `axe-core WCAG 2.2 AA violations on ${label}`).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
  expect(scrollWidth, `horizontal scroll on ${label} (${scrollWidth} > ${clientWidth})`).toBeLessThanOrEqual(clientWidth);
}

/** Waits until the status page has the api's answer (not "checking…"). */
async function waitForReadiness(page: Page): Promise<void> {
  await expect(page.getByTestId('readiness')).not.toHaveAttribute('data-state', 'checking');
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.resolve(testInfo.project.testDir, '../../test-results/screenshots');
  await page.screenshot({ path: path.join(dir, `${name}-${testInfo.project.name}.png`), fullPage: true });
}

test('home page is in Vietnamese by default', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Học kỹ năng số cho mọi người');
  await expect(page).toHaveTitle('Trang chủ · Bình dân học vụ số');
  await expect(page.getByRole('banner')).toContainText('Bình dân học vụ số');
  await expect(page.getByRole('banner')).toContainText('Học tập số Hải Phòng');
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Thông tư 02/2025/TT-BGDĐT');
  await expect(page.getByRole('button', { name: 'Tiếng Việt' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, test.info(), 'shell');
});

test('switching to English changes the text and <html lang>, and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digital skills for everyone');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle('Home · Digital Literacy for All');
  await expectNoAxeViolations(page, 'home (English)');
  await expectNoHorizontalScroll(page, 'home (English)');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digital skills for everyone');

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Học kỹ năng số cho mọi người');
  expect(await page.evaluate(() => localStorage.getItem('lms.language'))).toBe('vi');
});

test('status page shows, in words, that the api is ready', async ({ page }) => {
  const request = page.waitForRequest((r) => new URL(r.url()).pathname === '/health/ready');
  await page.goto('/status');
  expect((await request).headers()['accept-language']).toMatch(/^vi\b/);
  await waitForReadiness(page);
  const box = page.getByTestId('readiness');
  await expect(box).toHaveAttribute('data-state', 'ready');
  await expect(box).toContainText('Hệ thống sẵn sàng phục vụ.');
  await expect(box).toContainText('Kiểm tra lúc');
  await screenshot(page, test.info(), 'status');

  // Check again, in English: the request carries the new language.
  await page.getByRole('button', { name: 'English' }).click();
  const again = page.waitForRequest((r) => new URL(r.url()).pathname === '/health/ready');
  await page.getByRole('button', { name: 'Check again' }).click();
  expect((await again).headers()['accept-language']).toMatch(/^en\b/);
  await waitForReadiness(page);
  await expect(box).toContainText('The system is ready.');
});

test('status page explains a failing api in words (responses stubbed in the browser)', async ({ page }) => {
  const down = {
    status: 'error',
    info: { accepting: { status: 'up' }, storage: { status: 'up' } },
    error: { database: { status: 'down', message: 'timeout' } },
    details: { accepting: { status: 'up' }, database: { status: 'down', message: 'timeout' }, storage: { status: 'up' } },
  };
  await page.route('**/health/ready', (route) => route.fulfill({ status: 503, json: down }));
  await page.goto('/status');
  await waitForReadiness(page);
  const box = page.getByTestId('readiness');
  await expect(box).toHaveAttribute('data-state', 'not-ready');
  await expect(box).toContainText('Hệ thống chưa sẵn sàng');
  await expect(page.locator('[data-component="database"]')).toHaveText('!Cơ sở dữ liệu: đang gặp sự cố');
  await expect(page.locator('[data-component="storage"]')).toHaveText('✓Kho lưu trữ tệp: hoạt động bình thường');
  await expectNoAxeViolations(page, '/status (not ready)');

  await page.unroute('**/health/ready');
  await page.route('**/health/ready', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Kiểm tra lại' }).click();
  await expect(box).toHaveAttribute('data-state', 'unreachable');
  await expect(box).toContainText('Không kết nối được với máy chủ');
});

test('unknown addresses show the not-found page, with a way home', async ({ page }) => {
  await page.goto('/khong-co-trang-nay');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await page.getByRole('main').getByRole('link', { name: 'Về trang chủ' }).click();
  await expect(page).toHaveURL(/\/$/);
  // Focus moves to the new page's heading, so a screen reader announces it.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  // The shell is rendered by script: Tab only once it is on screen.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

for (const target of PAGES) {
  test(`${target.name}: no axe-core violations, no horizontal scroll, 44 px targets`, async ({ page }) => {
    await page.goto(target.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.heading);
    if (target.name === 'status') await waitForReadiness(page);

    await expectNoAxeViolations(page, target.path);
    await expectNoHorizontalScroll(page, target.path);

    // Every control of the shell is a tap target (links inside running text would be exempt).
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ text: el.textContent?.trim() ?? '', rect: el.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width < 44 || rect.height < 44)
        .map(({ text, rect }) => `${text} (${Math.round(rect.width)}×${Math.round(rect.height)})`),
    );
    expect(small, 'controls smaller than 44 × 44 px').toEqual([]);
  });
}

test('an uncaught error in the page is reported to the api', async ({ page }) => {
  await page.goto('/');
  const reported = page.waitForResponse((res) => res.url().endsWith('/api/v1/client-errors') && res.request().method() === 'POST');
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('Lỗi thử nghiệm trong trình duyệt');
    }, 0);
  });
  const response = await reported;
  expect(response.status()).toBe(202);
  expect(response.request().postDataJSON()).toMatchObject({ message: expect.stringContaining('Lỗi thử nghiệm trong trình duyệt'), url: '/', language: 'vi' });
  expect((await response.json()) as { accepted: boolean }).toMatchObject({ accepted: true });
});
