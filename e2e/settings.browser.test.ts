import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, launchBrowser, signIn, trpcMutation } from './support';

describe('workspace settings', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a new horizon rescores the backlog, with progress until done', async () => {
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    await page.getByTestId('nav-settings').click();
    const input = page.getByTestId('settings-horizon');
    await input.waitFor();
    const original = Number(await input.inputValue());
    const changed = original === 24 ? 18 : 24;
    try {
      // Out of range stays as typed, marked at the field, and cannot be saved (0 is not quietly made 1).
      await input.fill('0');
      await input.blur();
      expect(await input.inputValue()).toBe('0');
      await expectText(
        page.locator('.mantine-NumberInput-root:has([data-testid="settings-horizon"]) .mantine-NumberInput-error'),
        /1–120/,
      );
      expect(await page.getByTestId('settings-save').isDisabled()).toBe(true);
      // A new horizon rescores every hypothesis: asked first, saying how many.
      await input.fill(String(changed));
      await page.getByTestId('settings-save').click();
      await expectText(page.getByRole('dialog'), /rescores all [\d,]+ hypotheses of this workspace/);
      const count = Number(
        ((await page.getByRole('dialog').textContent()) ?? '').match(/all ([\d,]+) hyp/)?.[1]?.replaceAll(',', ''),
      );
      expect(count).toBeGreaterThan(5);
      await page.getByTestId('modal-confirm').click();
      await expectText(page.getByTestId('rescore-done'), /backlog rescored/i, 30_000);

      // Every score now uses the new horizon: the breakdown of a ranked hypothesis says so.
      await page.getByTestId('nav-backlog').click();
      await page.getByTestId('cell-title').first().click();
      await expectText(page.locator('[data-testid="breakdown-row"][data-symbol="H"] td').last(), String(changed));
    } finally {
      // Leave the workspace as the other tests expect it, even when an assertion failed.
      const restored = await trpcMutation(page, 'workspace.updateSettings', { horizonMonths: original });
      expect(restored.status).toBe(200);
      await context.close();
    }
  });

  it("keeps raw events of ended tests as long as the workspace says, or the server's default when cleared", async () => {
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    await page.getByTestId('nav-settings').click();
    const input = page.getByTestId('settings-rawEventRetentionDays');
    try {
      expect(await input.inputValue()).toBe('');
      expect(await input.getAttribute('placeholder')).toBe('Server default');
      await input.fill('0');
      await page.getByTestId('experiment-settings-save').click();
      await expectText(
        page.locator(
          '.mantine-NumberInput-root:has([data-testid="settings-rawEventRetentionDays"]) .mantine-NumberInput-error',
        ),
        'Must be 1–36,500 days',
      );
      // A hundred years: nothing of the demo's is dropped while the other tests run.
      await input.fill('36500');
      await page.getByTestId('experiment-settings-save').click();
      await page.getByTestId('experiment-settings-saved').waitFor();
      await page.reload();
      await expect.poll(() => input.inputValue()).toBe('36,500');
      await input.fill('');
      await page.getByTestId('experiment-settings-save').click();
      await page.getByTestId('experiment-settings-saved').waitFor();
      await page.reload();
      await page.getByTestId('experiment-settings').waitFor();
      expect(await input.inputValue()).toBe('');
    } finally {
      const restored = await trpcMutation(page, 'workspace.updateSettings', { rawEventRetentionDays: null });
      expect(restored.status).toBe(200);
      await context.close();
    }
  });
});
