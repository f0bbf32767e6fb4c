import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../packages/db/src/seed';

/** Where the running app is (web origin, which proxies the api); set by whoever started the stack. */
export const BASE_URL = (() => {
  const url = process.env.E2E_BASE_URL;
  if (!url) {
    throw new Error(
      'E2E_BASE_URL is not set: start the app (npm start) and run e.g. E2E_BASE_URL=http://localhost:5173 npx vitest run --project browser',
    );
  }
  return url.replace(/\/$/, '');
})();

/** Headless Chromium from the OS package; no browser download (this machine reaches no CDN). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type DemoRole = (typeof DEMO_USERS)[number]['role'];
export const demoUser = (role: DemoRole) => {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role} in packages/db/src/seed.ts`);
  return user;
};
export { DEMO_PASSWORD };

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser profile (own cookies) signed in through the sign-in form. */
export async function signIn(browser: Browser, role: DemoRole): Promise<Session> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const user = demoUser(role);
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(user.email);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor();
  await expectText(page.getByTestId('user-name'), user.name);
  return { context, page };
}

/** Waits (the app answers asynchronously) until the element's text matches. */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000) {
  await expect
    .poll(async () => ((await locator.count()) ? ((await locator.first().textContent()) ?? '') : ''), { timeout })
    .toMatch(expected);
}

/** Titles carry a timestamp so the suite can rerun against the same database. */
export const uniqueTitle = (what: string) => `${what} ${Date.now()}-${Math.floor(Math.random() * 1000)}`;

/** Picks an option of a Mantine Select by its visible label. */
export async function selectOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/**
 * Calls a tRPC mutation over HTTP as the signed-in user of `page` (its cookies, its workspace), the way
 * a hand-made request would: the api, not the UI, must refuse what the role may not do.
 */
export async function trpcMutation(page: Page, path: string, input: unknown) {
  const workspace = await page.evaluate(() => localStorage.getItem('uplift.workspace'));
  if (!workspace) throw new Error('No workspace chosen in this page yet (sign in first).');
  const response = await page.request.post(`/trpc/${path}`, {
    headers: { 'content-type': 'application/json', 'x-workspace': workspace },
    data: { json: input },
  });
  return { status: response.status(), body: (await response.json()) as { result?: { data?: { json?: unknown } } } };
}
