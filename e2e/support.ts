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

/** The api's own origin: the REST /v1 endpoints are not proxied by the web server. */
export const API_URL = (process.env.API_URL ?? 'http://localhost:3310').replace(/\/$/, '');

/** Reads a tRPC mutation's answer, failing with the api's own words when there is none. */
export function resultOf<T>(answer: Awaited<ReturnType<typeof trpcMutation>>, what: string): T {
  const data = answer.body.result?.data?.json;
  if (answer.status !== 200 || data === undefined) throw new Error(`${what} failed: ${JSON.stringify(answer.body)}`);
  return data as T;
}

/**
 * A submitted EMAIL hypothesis of our own (a unique title), so no other test's data matters; returns its id.
 * `fields` override the defaults (e.g. a unique offer, which names the offer on the channel ladder).
 */
export async function submittedHypothesis(page: Page, title: string, fields: Record<string, unknown> = {}) {
  const created = resultOf<{ id: string }>(
    await trpcMutation(page, 'hypothesis.create', {
      title,
      statement: 'If the win-back email carries a 20% coupon, more lapsed buyers order again.',
      funnelStage: 'RETENTION',
      segment: 'Lapsed buyers',
      channel: 'EMAIL',
      offer: '20% coupon',
      reachPerMonth: 20_000,
      baselineRate: 0.1,
      expectedLift: 0.3,
      valuePerConversion: 40,
      confidence: 0.6,
      cost: 2_000,
      submit: true,
      ...fields,
    }),
    'hypothesis.create',
  );
  return created.id;
}

/** 1,000 units per variant, all exposed, of whom `conversions` convert: one batch to POST /v1/events. */
export function experimentEvents(experiment: string, variant: string, conversions: number) {
  return Array.from({ length: 1000 }, (_, i) => {
    const unit = `${variant}-${i}`;
    const exposure = { id: `${unit}-x`, experiment, unit, type: 'exposure', variant };
    return i < conversions ? [exposure, { id: `${unit}-c`, experiment, unit, type: 'conversion' }] : [exposure];
  }).flat();
}

/** POSTs events to the api's REST /v1/events with an API key, as an email tool would. */
export async function postEvents(token: string, batch: unknown[]) {
  // Batches of at most 10,000 events (the api's limit).
  for (let start = 0; start < batch.length; start += 10_000) {
    const response = await fetch(`${API_URL}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: batch.slice(start, start + 10_000) }),
    });
    expect(response.status, await response.clone().text()).toBe(202);
  }
}

/** Reads a tRPC query over HTTP as the signed-in user of `page`, failing with the api's own words. */
export async function trpcQuery<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const workspace = await page.evaluate(() => localStorage.getItem('uplift.workspace'));
  if (!workspace) throw new Error('No workspace chosen in this page yet (sign in first).');
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/trpc/${path}${query}`, { headers: { 'x-workspace': workspace } });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
  if (response.status() !== 200 || body.result?.data?.json === undefined) {
    throw new Error(`${path} failed: ${JSON.stringify(body)}`);
  }
  return body.result.data.json as T;
}
