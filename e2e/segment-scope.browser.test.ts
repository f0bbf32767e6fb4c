import { readFile } from 'node:fs/promises';
import { assignVariant, cumulativeWeights } from '@uplift/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completed, ingestKey, runningEmailExperiment } from './ladder-support';
import { expectText, launchBrowser, postEvents, signIn, trpcQuery, uniqueTitle } from './support';

/** 1,000 units per device and variant; the coupon wins on mobile (10% → 17%) and loses on desktop (10% → 5%). */
function mobileOnlyWin(key: string) {
  const cells = [
    ['mobile', 'control', 100],
    ['mobile', 'treatment', 170],
    ['desktop', 'control', 100],
    ['desktop', 'treatment', 50],
  ] as const;
  return cells.flatMap(([device, variant, converted]) =>
    Array.from({ length: 1000 }, (_, i) => {
      const unit = `${device}-${variant}-${i}`;
      const exposure = { id: `${unit}-x`, experiment: key, unit, type: 'exposure', variant, attributes: { device } };
      return i < converted ? [exposure, { id: `${unit}-c`, experiment: key, unit, type: 'conversion' }] : [exposure];
    }).flat(),
  );
}

type Variant = { key: string; weight: number };

/** The rows of a split file the page offered for download (header dropped). */
async function downloaded(page: Page, variant: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`split-download-${variant}`).click(),
  ]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
  expect(lines[0]).toBe('email,device');
  return lines.slice(1).map((line) => line.split(','));
}

// Issue 11 on screen: a win in one segment only is approved for that segment, and every screen of the next
// experiment says whom it reaches; the recipient split keeps the segment's rows only and counts the others.
describe('an experiment scoped to the segments that won', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows its scope on the board, the offer, its results, and splits only in-scope recipients', async () => {
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const { page } = owner;
    const key = await ingestKey(admin.page, uniqueTitle('E2E scope'));
    try {
      const offer = uniqueTitle('E2E mobile coupon');
      const email = await runningEmailExperiment(page, offer, { plannedUsers: 4000, segmentAttribute: 'device' });
      await postEvents(key.token, mobileOnlyWin(email));
      await completed(page, email);

      // No overall win: the inbox proposes banners for mobile only, and the owner approves that.
      await page.getByTestId('nav-inbox').click();
      const proposal = page.getByTestId('proposal').filter({ hasText: offer });
      await expectText(proposal.getByTestId('segment-scope-summary'), 'The step applies to mobile only.', 20_000);
      expect(
        await proposal.getByTestId('segment-win').evaluateAll((rows) => rows.map((r) => r.dataset.segment)),
      ).toEqual(['mobile']);
      const offerId = (await proposal.getAttribute('data-offer')) ?? '';
      await proposal.getByTestId('proposal-approve').click();
      await page.getByTestId('modal-confirm').click();
      await expect.poll(() => proposal.count(), { timeout: 15_000 }).toBe(0);

      const banner = `${email}-banner`;
      const scope = 'device mobile only';
      await page.getByTestId('nav-ladder').click();
      const card = page.locator(`[data-testid="ladder-column"][data-rung="BANNER"] [data-offer="${offerId}"]`);
      await expectText(card.getByTestId('offer-latest'), banner);
      await expectText(card.getByTestId('scope-badge'), scope);

      // On the offer's journey the email test reached everyone; the banner test reaches mobile only.
      await page.goto(`/ladder/offers/${offerId}`);
      const journey = (k: string) => page.locator(`[data-testid="journey-experiment"][data-key="${k}"]`);
      await expectText(journey(banner).getByTestId('scope-badge'), scope);
      expect(await journey(email).getByTestId('scope-badge').count()).toBe(0);

      await page.goto(`/experiments/${banner}`);
      await expectText(page.getByTestId('scope-badge'), scope);
      await expectText(page.getByTestId('results-scope'), `These results cover ${scope}:`);

      // 40 recipients, 16 on mobile: only those are split, the 24 others are counted as left out.
      await page.getByTestId('tab-split').click();
      await expectText(page.getByTestId('split-scope'), `This experiment reaches ${scope}.`);
      const devices = ['mobile', 'desktop', 'mobile', 'tablet', 'desktop'];
      const rows = Array.from({ length: 40 }, (_, i) => [`r${i}@example.com`, devices[i % 5] as string]);
      await page.locator('input[type=file]').setInputFiles({
        name: 'recipients.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(['email,device', ...rows.map((r) => r.join(','))].join('\n')),
      });
      await expectText(page.getByTestId('split-run'), 'Split 40 rows');
      expect(await page.getByTestId('split-segment-column').inputValue()).toBe('device');
      await page.getByTestId('split-run').click();
      await expectText(page.getByTestId('split-left-out'), `24 rows left out: outside the scope (${scope}).`);

      // Each in-scope recipient lands in the file of its variant by the experiment's own hash.
      const { experiment } = await trpcQuery<{ experiment: { seed: string; variants: Variant[] } }>(
        page,
        'experiment.get',
        { key: banner },
      );
      const bounds = cumulativeWeights(experiment.variants.map((v) => v.weight));
      const mobile = rows.filter(([, device]) => device === 'mobile');
      for (const [i, { key: variant }] of experiment.variants.entries()) {
        expect(await downloaded(page, variant)).toEqual(
          mobile.filter(([id]) => assignVariant(experiment.seed, id as string, bounds) === i),
        );
      }
    } finally {
      await key.revoke();
      await owner.context.close();
      await admin.context.close();
    }
  }, 180_000);
});
