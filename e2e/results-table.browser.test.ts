import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bayesianExperimentWithData, cutBadges, inView, PHONE, pageOverflow } from './layout-support';
import { expectText, launchBrowser, signIn } from './support';

// Issue 14, "What peers' users expect": conversions, risk, relative/absolute, a shareable view, CSV.
describe('the results table', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows conversions and the Bayesian risk, switches to absolute lifts in the URL, copies the link and exports CSV', async () => {
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const { page } = owner;
    try {
      const key = await bayesianExperimentWithData(page, admin.page);
      const table = page.getByTestId('results-table');
      const treatment = table.locator('[data-variant="treatment"]');
      await expectText(table.locator('thead'), /Conversions/);
      await expectText(table.locator('thead'), /Risk/);
      await expectText(table.locator('[data-variant="control"]').getByTestId('results-conversions'), '100');
      await expectText(treatment.getByTestId('results-conversions'), '130');
      // 13% against 10%: +30% relative; the risk of choosing the treatment is a small share, not signed.
      await expectText(treatment.getByTestId('results-lift'), '+30.0%');
      await expectText(treatment.getByTestId('results-risk'), /^(< 0\.01%|\d+(\.\d+)?%)$/);

      await page.getByTestId('results-view').getByText('Absolute').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('absolute');
      await expectText(table.locator('thead'), /Difference/);
      await expectText(treatment.getByTestId('results-lift'), '+3 pp');
      await expectText(page.getByTestId('results-absolute-note'), /times the control's rate, in percentage points/);
      await expectText(treatment.getByTestId('results-interval'), /^[+-]?[\d.]+ pp to \+[\d.]+ pp$/);

      // The link carries the view: opened afresh, the page reads absolute again.
      await owner.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByTestId('results-copy-link').click();
      await expectText(page.getByTestId('results-copy-link'), 'Link copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(new URL(copied).pathname).toBe(`/experiments/${key}`);
      expect(new URL(copied).searchParams.get('view')).toBe('absolute');
      const other = await owner.context.newPage();
      await other.goto(copied);
      await expect
        .poll(() => other.getByTestId('results-table').getAttribute('data-view'), { timeout: 15_000 })
        .toBe('absolute');
      await other.close();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-csv').click()]);
      expect(download.suggestedFilename()).toBe(`${key}-results-absolute.csv`);
      const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
      expect(lines[0]).toBe(
        'variant,name,users,conversions,conversion rate,difference (absolute),interval low,interval high,chance to win,risk (expected loss),significance',
      );
      expect(lines[1]).toBe('control,Current email,1000,100,0.1,control,,,,,');
      expect(lines[2]).toMatch(/^treatment,Coupon email,1000,130,0\.13,0\.030\d*,[-\d.e]+,[\d.e-]+,0\.9\d*,[\d.e-]+,/);

      // Back to relative: the URL is clean again.
      await page.getByTestId('results-view').getByText('Relative (%)').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBeNull();
      await expectText(treatment.getByTestId('results-lift'), '+30.0%');

      // On a phone the variants become cards that keep the lift, the interval, the risk and the decision.
      await page.setViewportSize(PHONE);
      const card = page.locator('[data-testid="results-card"][data-variant="treatment"]');
      await card.waitFor();
      for (const testId of ['results-lift', 'results-interval', 'results-risk', 'results-significance']) {
        expect(await inView(page, testId, card), testId).toBe(true);
      }
      await expectText(card, /130 conversions/);
      expect(await cutBadges(page)).toEqual([]);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await owner.context.close();
      await admin.context.close();
    }
  }, 120_000);
});
