import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, trpcMutation, trpcQuery } from './support';

describe('channel capacity settings', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a product owner saves a rung’s capacity and sees it after a reload', async () => {
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    const { capacity, maxTestWeeks } = await trpcQuery<{ capacity: object; maxTestWeeks: number }>(
      page,
      'workspace.get',
    );
    try {
      await page.getByTestId('nav-settings').click();
      const units = page.getByTestId('capacity-BANNER-unitsPerWeek');
      await units.waitFor();
      await units.fill('0');
      await page.getByTestId('capacity-BANNER-maxConcurrent').fill('3');
      await page.getByTestId('capacity-settings-save').click();
      await page.getByText('Must be above 0 (or clear both fields)').waitFor();

      await units.fill('15000');
      await page.getByTestId('capacity-maxTestWeeks').fill('10');
      await page.getByTestId('capacity-settings-save').click();
      await page.getByTestId('capacity-settings-saved').waitFor();

      await page.reload();
      await units.waitFor();
      expect(await units.inputValue()).toBe('15,000');
      expect(await page.getByTestId('capacity-BANNER-maxConcurrent').inputValue()).toBe('3');
      expect(await page.getByTestId('capacity-maxTestWeeks').inputValue()).toBe('10');
    } finally {
      // Leave the demo's capacity as the other tests expect it, even when an assertion failed.
      const restored = await trpcMutation(page, 'workspace.updateSettings', {
        capacity: { BANNER: (capacity as Record<string, unknown>).BANNER ?? null },
        maxTestWeeks,
      });
      expect(restored.status).toBe(200);
      await context.close();
    }
  });
});
