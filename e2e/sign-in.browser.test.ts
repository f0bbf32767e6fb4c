import { createHash } from 'node:crypto';
import { createRedis } from '@uplift/jobs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, DEMO_PASSWORD, demoUser, expectText, launchBrowser } from './support';

describe('sign in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a wrong password with a message, then lets the right one in', async () => {
    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    const owner = demoUser('PRODUCT_OWNER');

    // Signed out, the app sends you to the sign-in page.
    await page.goto('/');
    await page.waitForURL('**/sign-in');

    await page.getByTestId('sign-in-email').fill(owner.email);
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await expectText(page.getByTestId('sign-in-error'), /wrong email or password/i);
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await expectText(page.getByTestId('user-name'), owner.name);
    await expectText(page.getByTestId('user-role'), /product owner/i);
    await page.getByTestId('backlog-table').waitFor();
    expect(await page.getByTestId('backlog-row').count()).toBeGreaterThan(0);

    // Signing out ends the session: the backlog is no longer reachable.
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/sign-in');
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await context.close();
  });

  it('says when to try again once an account has had too many attempts', async () => {
    // The api counts sign-ins per account in Redis (apps/api/src/http/account-limit.ts): spend this account's
    // budget there, as a password guesser would have, with 45 seconds left in the window.
    const email = `locked-${Date.now()}@demo.uplift.local`;
    const key = `${process.env.QUEUE_PREFIX ?? 'uplift'}:sign-in:${createHash('sha256').update(email).digest('hex')}`;
    const redis = createRedis('worker'); // queues commands until connected
    const context = await browser.newContext({ baseURL: BASE_URL });
    try {
      await redis.set(key, '100000', 'EX', 45);
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByTestId('sign-in-email').fill(email);
      await page.getByTestId('sign-in-password').fill('not-the-password');
      await page.getByTestId('sign-in-submit').click();
      await expectText(
        page.getByTestId('sign-in-error'),
        /^Too many sign-in attempts for this account; try again in ([1-9]|[1-3]\d|4[0-5]) seconds?\.$/,
      );
    } finally {
      await context.close();
      await redis.del(key);
      redis.disconnect();
    }
  });
});
