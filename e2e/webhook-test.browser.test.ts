import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, launchBrowser, signIn } from './support';

// Issue 14: "send a test delivery" on the integrations page posts a ping through the real delivery code and says
// what came back. The browser stack refuses private targets, so a loopback endpoint's refusal is what it shows.
describe('webhook test delivery', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a ping to one endpoint and shows the result beside it', async () => {
    const { page, context } = await signIn(browser, 'ADMIN');
    const url = `https://hooks.example.com/e2e-ping-${Date.now()}`;
    try {
      await page.goto('/settings/integrations');
      await page.getByTestId('webhook-url').fill(url);
      await page.getByTestId('webhook-create').click();
      const row = page.getByTestId('webhook-row').filter({ hasText: url });
      await row.getByTestId('webhook-test').click();
      const result = row.getByTestId('webhook-test-result');
      await expectText(result, /^(Delivered: HTTP \d{3}|Not delivered: .+)$/, 30_000);
      expect(['DELIVERED', 'FAILED']).toContain(await result.getAttribute('data-status'));
    } finally {
      const row = page.getByTestId('webhook-row').filter({ hasText: url });
      if (await row.getByTestId('webhook-disable').count()) {
        await row.getByTestId('webhook-disable').click();
        await page.getByTestId('modal-confirm').click();
      }
      await context.close();
    }
  });
});
