import { defineConfig } from '@playwright/test';

// Browser tests of the web app, against the real, built api (which serves dist/web).
//
//   npm run build && DATABASE_URL=postgres://…/postgres npm run test:browser
//
// Uses the system Chromium; never downloads a browser. Set BROWSER_BASE_URL to run the specs
// against an already running server (then no server is started here).
const port = Number(process.env.BROWSER_TEST_PORT ?? 3199);
const externalBaseUrl = process.env.BROWSER_BASE_URL;
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/browser',
  reporter: 'list',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'phone',
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    {
      name: 'desktop',
      // Learners and teachers learn on phones (360 × 740): the learning journeys run there only.
      testIgnore: ['**/learning.spec.ts'],
      use: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
    },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: 'node test/browser/serve.mjs',
        cwd: '../..',
        url: `http://127.0.0.1:${port}/health/live`,
        env: { PORT: String(port) },
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'pipe',
        stderr: 'pipe',
        // SIGTERM (not SIGKILL), so serve.mjs stops the api and drops its database.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      },
});
