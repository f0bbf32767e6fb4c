import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bayesianExperimentWithData } from './layout-support';
import { demoUser, expectText, launchBrowser, signIn } from './support';

/** Picks an option of a Mantine (Multi)Select; a multi-select holding pills covers its input, hence force. */
async function pick(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click({ force: true });
  await page.getByRole('option', { name: label, exact: true }).click();
  await page.keyboard.press('Escape');
}

// Issue 14, "What peers' users expect": search, owner/channel/status filters in the URL, the lift, running first.
describe('the experiments list', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists running experiments first with their current lift, and filters by search, status, channel and owner', async () => {
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const { page } = owner;
    try {
      const key = await bayesianExperimentWithData(page, admin.page);
      await page.goto('/experiments');
      await page.getByTestId('experiment-row').first().waitFor();
      const statuses = await page
        .getByTestId('experiment-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
      expect(statuses.length).toBeGreaterThan(1);
      const firstOther = statuses.findIndex((s) => s !== 'RUNNING');
      expect(statuses.slice(firstOther).includes('RUNNING')).toBe(false);

      const row = page.locator(`[data-testid="experiment-row"][data-key="${key}"]`);
      // The list refreshes every 15 s: the worker's evaluation of the new events may land after it first loaded.
      await expectText(row.getByTestId('experiment-lift'), '+30.0%', 45_000);
      await expectText(row.getByTestId('experiment-owner'), demoUser('PRODUCT_OWNER').name);

      await page.getByTestId('experiments-search').fill(key);
      await expect.poll(() => page.getByTestId('experiment-row').count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('q')).toBe(key);

      await pick(page, 'experiments-status-filter', 'Completed');
      await page.getByTestId('experiments-empty').waitFor();
      expect(new URL(page.url()).searchParams.getAll('status')).toEqual(['COMPLETED']);
      await pick(page, 'experiments-status-filter', 'Running');
      await expect.poll(() => row.count()).toBe(1);

      await pick(page, 'experiments-channel-filter', 'Banner');
      await expect.poll(() => row.count()).toBe(0);
      await pick(page, 'experiments-channel-filter', 'Email');
      expect(new URL(page.url()).searchParams.getAll('channel')).toEqual(['BANNER', 'EMAIL']);
      await expect.poll(() => row.count()).toBe(1);

      await pick(page, 'experiments-owner-filter', demoUser('MARKETER').name);
      await expect.poll(() => row.count()).toBe(0);
      await pick(page, 'experiments-owner-filter', demoUser('PRODUCT_OWNER').name);
      await expect.poll(() => row.count()).toBe(1);

      // The URL is the view: reloaded, the same filters and the same single row.
      await page.reload();
      await expect.poll(() => page.getByTestId('experiment-row').count()).toBe(1);
      expect(await page.getByTestId('experiments-search').inputValue()).toBe(key);
      await page.getByTestId('experiments-filters-clear').click();
      await expect.poll(() => page.getByTestId('experiment-row').count()).toBeGreaterThan(1);
    } finally {
      await owner.context.close();
      await admin.context.close();
    }
  }, 120_000);
});
