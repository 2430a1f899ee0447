import { test as base, expect, type BrowserContextOptions, type Download, type Locator, type Page } from '@playwright/test';

// The administrator's session, signed in once per worker (that is, once per project): the api
// limits sign-ins per account per minute, and sign-in itself is what sign-in.spec.ts tests.
// Each test still gets a fresh browser context, with these cookies in it.

export const ADMIN = { username: 'quantri', password: 'Hai-Phong-2026!', displayName: 'Quản trị hệ thống' } as const;

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

export const test = base.extend<{ asAdmin: boolean }, { adminState: StorageState }>({
  adminState: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      const response = await request.post('/api/v1/auth/web/login', { data: { username: ADMIN.username, password: ADMIN.password } });
      expect(response.status(), 'the administrator signs in').toBe(200);
      const state = await request.storageState();
      await request.dispose();
      await use(state);
    },
    { scope: 'worker' },
  ],
  // Signed in as the administrator unless a file says `test.use({ asAdmin: false })`.
  asAdmin: [true, { option: true }],
  storageState: async ({ asAdmin, adminState }, use) => {
    await use(asAdmin ? adminState : undefined);
  },
});

export { expect };

/** A short tag that makes this run's names and codes unique: both projects share one database. */
export function runTag(projectName: string): string {
  return `${projectName.slice(0, 1)}${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1296).toString(36).padStart(2, '0')}`;
}

/** Random decimal digits (for student codes and phone numbers unique to a run). */
export function digits(count: number): string {
  let out = '';
  while (out.length < count) out += Math.floor(Math.random() * 10).toString();
  return out;
}

/** Calls the api from the page's context (its cookies), with the CSRF header an unsafe request needs. */
export async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'lms_csrf')?.value;
  const response = await page.request.post(path, { data, headers: { 'X-CSRF-Token': decodeURIComponent(csrf ?? '') } });
  expect(response.ok(), `POST ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The bytes of a download, read whole. */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Chooses a unit in the web app's UnitPicker: one select per level, by the options' text. */
export async function pickUnit(scope: Locator | Page, path: ReadonlyArray<{ name: string; kind: string }>): Promise<void> {
  for (let i = 0; i < path.length; i++) {
    const label = i === 0 ? 'Chọn đơn vị' : `Trực thuộc ${path[i - 1].name}`;
    await scope.getByLabel(label, { exact: true }).selectOption({ label: `${path[i].name} — ${path[i].kind}` });
  }
}
