import { factorSales, mulberry32 } from '@uplift/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectText,
  launchBrowser,
  resultOf,
  type Session,
  signIn,
  submittedHypothesis,
  trpcMutation,
  trpcQuery,
  uniqueTitle,
} from './support';

interface LadderSettings {
  ladder: string[];
  policies: Record<string, unknown>;
  priorDiscount: number;
}

// 8 stores, 16 weeks of history in 2024 (long before any test starts): small enough that the plan takes seconds.
const history = factorSales(mulberry32(5), { locations: 8, preWeeks: 16, postWeeks: 0, treated: 0, lift: 0 });
const csv = ['location,week,sales', ...history.rows.map((r) => `${r.location},${r.week},${r.sales.toFixed(2)}`)].join(
  '\n',
);
const stores = [...new Set(history.rows.map((r) => r.location))];

const file = (name: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });

/**
 * A running offline experiment of a fresh offer with no location data yet: offline is made the first rung for
 * the moment the experiment is created (the demo's ladder is restored at once), so the offer starts there.
 */
async function offlineTestWithoutSplit(page: Page, key: string) {
  const original = await trpcQuery<LadderSettings>(page, 'ladder.board');
  try {
    resultOf(
      await trpcMutation(page, 'ladder.updateSettings', {
        ladder: ['OFFLINE', ...original.ladder.filter((r) => r !== 'OFFLINE')],
      }),
      'ladder settings',
    );
    const hypothesisId = await submittedHypothesis(page, uniqueTitle('E2E planned stores'), {
      offer: uniqueTitle('E2E store offer'),
    });
    resultOf(await trpcMutation(page, 'hypothesis.approve', { id: hypothesisId }), 'hypothesis.approve');
    resultOf(
      await trpcMutation(page, 'experiment.create', {
        key,
        hypothesisId,
        variants: [
          { key: 'holdout', name: 'Holdout', weight: 0.5 },
          { key: 'promo', name: 'Promo', weight: 0.5 },
        ],
        metrics: { primary: { name: 'purchases', kind: 'binomial' } },
        plannedUsers: 100,
        start: true,
      }),
      'experiment.create',
    );
  } finally {
    const { ladder, policies, priorDiscount } = original;
    resultOf(await trpcMutation(page, 'ladder.updateSettings', { ladder, policies, priorDiscount }), 'restore');
  }
  const { experiment } = await trpcQuery<{ experiment: { offerId: string } }>(page, 'experiment.get', { key });
  return experiment.offerId;
}

describe('planning which locations a location test treats', () => {
  let browser: Browser;
  let owner: Session | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await owner?.context.close();
    await browser?.close();
  });

  it('a product owner plans from history, chooses a ranked set, and the first upload treats exactly it', async () => {
    owner = await signIn(browser, 'PRODUCT_OWNER');
    const page = owner.page;
    const key = `e2e-plan-${Date.now()}`;
    const offerId = await offlineTestWithoutSplit(page, key);
    await page.goto(`/ladder/offers/${offerId}`);
    const test = page.locator(`[data-testid="location-test"][data-key="${key}"]`);
    const planner = test.getByTestId('location-plan');
    await planner.waitFor();

    await planner.locator('input[type=file]').setInputFiles(file('history.csv'));
    await expectText(planner.getByTestId('plan-file-summary'), '128 rows for 8 locations in history.csv.');
    await planner.getByTestId('plan-size').fill('2');
    await planner.getByTestId('plan-weeks').fill('4');
    await planner.getByTestId('plan-sets').fill('5');
    await planner.getByTestId('plan-start').click();

    // The worker ranks 5 of the C(8, 2) = 28 pairs; the page follows it and then shows them best first.
    await expectText(planner.getByTestId('plan-result'), /5 of 28 sets of 2 locations evaluated/, 60_000);
    const sets = planner.getByTestId('plan-set');
    expect(await sets.count()).toBe(5);
    await expectText(planner.getByTestId('plan-warnings'), /only 8 locations: GeoLift's guidance is at least 20/);
    // Rank, the pair, its minimum detectable lift, false detections and pre-period fit, and the choice.
    await expectText(sets.first(), /^1store-\d, store-\d(\+[\d.]+%|none up to \+50%)[\d.]+%[\d.]+%Treat these$/);

    // The plan is stored: a reload shows it again.
    await page.reload();
    await expect.poll(() => planner.getByTestId('plan-set').count(), { timeout: 15_000 }).toBe(5);

    const second = planner.getByTestId('plan-set').nth(1);
    const chosen = ((await second.getAttribute('data-treatment')) ?? '').split(',');
    expect(chosen).toHaveLength(2);
    await second.getByRole('button', { name: 'Treat these' }).click();
    await second.getByTestId('plan-set-chosen').waitFor();
    await expectText(planner.getByTestId('plan-chosen'), `The first upload treats ${chosen.join(', ')}`);

    const upload = test.getByTestId('location-upload');
    await upload.locator('input[type=file]').setInputFiles(file('sales.csv'));
    await expectText(upload.getByTestId('location-file-summary'), `the split treats the chosen ${chosen.join(', ')}.`);
    await upload.getByTestId('location-submit').click();
    await upload.getByTestId('location-upload-done').waitFor();

    // The split treats exactly the chosen pair; the other 6 stores are the holdout; the planner is gone.
    const split = test.getByTestId('location-split');
    await expectText(split, /2 treatment and 6 holdout locations, treatment chosen from a plan/);
    await split.getByRole('button', { name: 'Show the locations' }).click();
    await expectText(split, `Treatment: ${chosen.join(', ')}`);
    const holdout = stores.filter((s) => !chosen.includes(s));
    await expectText(split, `Holdout: ${holdout.join(', ')}`);
    expect(await test.getByTestId('location-plan').count()).toBe(0);
  }, 150_000);
});
