import { factorSales, mulberry32 } from '@uplift/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestKey, offlineRollout } from './ladder-support';
import { expectText, launchBrowser, selectOption, signIn, trpcQuery, uniqueTitle } from './support';

/** 12 stores, 8 weeks before the start and 2 after, from a factor model with a fixed seed (no effect built in). */
function weeklySales(seed: number) {
  const sales = factorSales(mulberry32(seed), { locations: 12, preWeeks: 8, postWeeks: 2, treated: 0, lift: 0 });
  const csv = ['location,week,sales', ...sales.rows.map((r) => `${r.location},${r.week},${r.sales.toFixed(2)}`)];
  return { start: sales.start, csv: csv.join('\n') };
}

/**
 * Opens the offer's page and sends the stores' sales through the location test's upload form, as the first
 * upload: the start of the treatment and the method are asked then, and the split is proposed from it.
 */
async function uploadSales(page: Page, rollout: { key: string; offerId: string }, seed: number, method: string) {
  await page.goto(`/ladder/offers/${rollout.offerId}`);
  const test = page.locator(`[data-testid="location-test"][data-key="${rollout.key}"]`);
  const { start, csv } = weeklySales(seed);
  await test
    .getByTestId('location-upload')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'stores.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
  await expectText(test.getByTestId('location-file-summary'), '120 rows for 12 locations.');
  await test.getByTestId('location-start').fill(start);
  await selectOption(page, 'location-method', method);
  await test.getByTestId('location-submit').click();
  await expectText(test.getByTestId('location-upload-done'), /^120 rows stored/);
  await expectText(test.getByTestId('location-split'), /6 treatment and 6 holdout locations/);
  return test;
}

/** The lines a recharts chart drew (one per series), once its lazily loaded chunk has arrived. */
const drawnLines = (chart: Locator) => chart.locator('.recharts-line').count();

// Issue 11 on screen: the method of a location test is chosen on the first upload; the worker's synthetic control
// shows its look, its holdout weights and the two series, a difference-in-differences its weekly boundary.
describe('location tests analysed by the method chosen on the first upload', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const session = async () => {
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const key = await ingestKey(admin.page, uniqueTitle('E2E stores'));
    const close = async () => {
      await key.revoke();
      await owner.context.close();
      await admin.context.close();
    };
    return { page: owner.page, token: key.token, close };
  };

  it('synthetic control: week 2 of 8, built from holdout stores only, with the treated and synthetic series', async () => {
    const { page, token, close } = await session();
    try {
      const rollout = await offlineRollout(page, token, uniqueTitle('E2E synthetic stores'));
      const test = await uploadSales(page, rollout, 2026, 'Synthetic control, decides at the last week');
      await expectText(
        test.getByTestId('location-split-method'),
        'Analysed by synthetic control over 8 planned weeks.',
      );

      // The worker evaluates after the upload; the panel polls until its analysis arrives.
      await expectText(
        test.getByTestId('synthetic-look'),
        /^Week 2 of 8: a synthetic control decides at week 8 of 8 only, .* \(1\/7\)/,
        90_000,
      );
      expect(await test.getByTestId('location-analysis').getAttribute('data-method')).toBe('synthetic');
      await expectText(test, /decides only at the last week/);
      const weights = test.getByTestId('synthetic-weights');
      await expectText(weights.locator('thead'), 'Holdout location (6 treated, 6 holdouts)');
      const { experiment } = await trpcQuery<{ experiment: { locationSplit: { holdout: string[] } } }>(
        page,
        'experiment.get',
        { key: rollout.key },
      );
      const weighted = (await weights.locator('tbody tr td:first-child').allTextContents()).filter((t) =>
        t.startsWith('store-'),
      );
      expect(weighted.length).toBeGreaterThan(0);
      for (const store of weighted) expect(experiment.locationSplit.holdout).toContain(store);
      await expect.poll(() => drawnLines(test.getByTestId('synthetic-series-chart')), { timeout: 30_000 }).toBe(2);
      expect(await test.getByTestId('location-boundary-chart').count()).toBe(0);
    } finally {
      await close();
    }
  }, 240_000);

  it('difference-in-differences: this week’s z against the weekly boundary, on the offer and the results', async () => {
    const { page, token, close } = await session();
    try {
      const rollout = await offlineRollout(page, token, uniqueTitle('E2E DiD stores'));
      const test = await uploadSales(page, rollout, 7, 'Difference-in-differences, weekly looks');
      await expectText(
        test.getByTestId('location-split-method'),
        'Analysed by difference-in-differences over 8 planned weeks.',
      );

      const boundary = /^Week 2 of 8: \|z\| = \d+\.\d\d against the boundary \d+\.\d\d\./;
      await expectText(test.getByTestId('location-boundary-text'), boundary, 90_000);
      await expect.poll(() => drawnLines(test.getByTestId('location-boundary-chart')), { timeout: 30_000 }).toBe(2);
      expect(await test.getByTestId('synthetic-look').count()).toBe(0);

      // The experiment's own results show the same analysis.
      await page.goto(`/experiments/${rollout.key}`);
      await expectText(page.getByTestId('location-boundary-text'), boundary, 30_000);
      await expect.poll(() => drawnLines(page.getByTestId('location-boundary-chart')), { timeout: 30_000 }).toBe(2);
    } finally {
      await close();
    }
  }, 240_000);
});
