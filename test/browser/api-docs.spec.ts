import { expect, test } from '@playwright/test';

// The OpenAPI UI is for integrators, not learners: it is checked for working under the api's
// Content-Security-Policy (no inline scripts), not for the web app's accessibility rules.
test('the API documentation renders every operation under the security policy', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const spec = (await (await page.request.get('/api/docs-json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.values(spec.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  await page.goto('/api/docs');
  await expect(page.locator('.opblock')).toHaveCount(operations);
  await expect(page.getByText('getHealthReady').or(page.getByText('/health/ready')).first()).toBeVisible();
  expect(problems).toEqual([]);
});
