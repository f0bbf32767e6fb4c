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
});
