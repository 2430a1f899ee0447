import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';

// Checks shared by the browser specs.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(violations, `axe-core WCAG 2.2 AA violations on ${label}`).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
  expect(scrollWidth, `horizontal scroll on ${label} (${scrollWidth} > ${clientWidth})`).toBeLessThanOrEqual(clientWidth);
}

/** Every visible control is at least 44 × 44 px. */
export async function expectTapTargets(page: Page, label: string): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ text: el.textContent?.trim() || el.getAttribute('name') || '', rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width < 44 || rect.height < 44)
      .map(({ text, rect }) => `${text} (${Math.round(rect.width)}×${Math.round(rect.height)})`),
  );
  expect(small, `controls smaller than 44 × 44 px on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.resolve(testInfo.project.testDir, '../../test-results/screenshots');
  await page.screenshot({ path: path.join(dir, `${name}-${testInfo.project.name}.png`), fullPage: true });
}
