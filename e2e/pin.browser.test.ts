import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, launchBrowser, signIn, trpcMutation, uniqueTitle } from './support';

describe('a product owner pins an idea above the ranking', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('puts a low-ROI idea at rank 1 with a reason, shown in the backlog and the audit trail', async () => {
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    const title = uniqueTitle('E2E pinned idea');
    const created = await trpcMutation(page, 'hypothesis.create', {
      title,
      statement: 'If we thank customers by letter, a few more come back.',
      funnelStage: 'RETENTION',
      segment: 'All customers',
      channel: 'OFFLINE',
      offer: 'A thank-you letter',
      reachPerMonth: 100,
      baselineRate: 0.01,
      expectedLift: 0.01,
      valuePerConversion: 1,
      confidence: 0.1,
      cost: 10_000,
    });
    const id = (created.body.result?.data?.json as { id?: string } | undefined)?.id;
    if (!id) throw new Error(`hypothesis.create answered without an id: ${JSON.stringify(created.body)}`);
    try {
      await page.goto(`/hypotheses/${id}`);
      await page.getByTestId('action-pin').click();
      await page.getByTestId('pin-rank').fill('1');
      await page.getByTestId('reason-input').fill('The CEO promised it to our biggest store partner');
      await page.getByTestId('modal-confirm').click();
      await page.getByTestId('action-unpin').waitFor();

      await page.goto('/');
      const first = page.getByTestId('backlog-row').first();
      await expectText(first.getByTestId('cell-title'), title);
      await expectText(first.getByTestId('cell-rank'), '1');
      expect(await first.getByTestId('pin-icon').count()).toBe(1);

      await page.goto(`/hypotheses/${id}`);
      await expectText(page.getByTestId('audit-trail'), /biggest store partner/);
    } finally {
      await trpcMutation(page, 'hypothesis.pin', { id, pinnedRank: null });
      await context.close();
    }
  });
});
