import { scoreRoi } from '@uplift/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, expectText, launchBrowser, selectOption, signIn, trpcMutation, uniqueTitle } from './support';

// Known inputs: 10,000 reached × 2% × 10% lift × 50 per conversion × 80% confidence = 800 a month.
const INPUTS = {
  reachPerMonth: 10_000,
  baselinePct: 2,
  liftPct: 10,
  valuePerConversion: 50,
  confidencePct: 80,
  cost: 1_000,
};

const expectedInputs = () => ({
  reachPerMonth: INPUTS.reachPerMonth,
  baselineRate: 0.02,
  expectedLift: 0.1,
  valuePerConversion: INPUTS.valuePerConversion,
  confidence: 0.8,
  cost: INPUTS.cost,
});

describe('a hypothesis from idea to approval', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marketer writes and submits it with a live ROI preview; the product owner approves it, and its ROI at approval stays', async () => {
    const title = uniqueTitle('E2E exit-intent coupon');
    const marketer = await signIn(browser, 'MARKETER');
    const { page } = marketer;

    await page.getByTestId('nav-new').click();
    await page.getByTestId('field-title').fill(title);
    await page.getByTestId('field-statement').fill('If we show a 10% coupon on exit intent, more visitors will buy.');
    await selectOption(page, 'field-funnelStage', 'Landing');
    await page.getByTestId('field-segment').fill('First-time visitors');
    await page.getByTestId('field-offer').fill('10% off the first order');
    await page.getByTestId('field-reachPerMonth').fill(String(INPUTS.reachPerMonth));
    await page.getByTestId('field-baselinePct').fill(String(INPUTS.baselinePct));
    await page.getByTestId('field-liftPct').fill(String(INPUTS.liftPct));
    await page.getByTestId('field-valuePerConversion').fill(String(INPUTS.valuePerConversion));
    await page.getByTestId('field-confidencePct').fill(String(INPUTS.confidencePct));
    // Before the cost is known there is no score to show.
    await expectText(page.getByTestId('roi-preview-roi'), '—');
    await page.getByTestId('field-cost').fill(String(INPUTS.cost));

    // The preview scores with the workspace horizon, whatever an admin set it to.
    const horizonMonths = Number(await page.getByTestId('roi-preview-horizon').getAttribute('data-months'));
    const expected = scoreRoi({ ...expectedInputs(), horizonMonths });
    expect(expected.expectedMonthlyGain).toBeCloseTo(800);
    const roiPercent = Math.round(expected.roi * 100).toLocaleString('en-US');
    await expectText(page.getByTestId('roi-preview-monthly'), '800');
    await expectText(page.getByTestId('roi-preview-roi'), `+${roiPercent}%`);
    await expectText(page.getByTestId('roi-preview-payback'), '1.3 mo');

    await page.getByTestId('save-submit').click();
    // The form lives at /hypotheses/new; saving lands on the new hypothesis's own page.
    await page.waitForURL((url) => /^\/hypotheses\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    const detailUrl = new URL(page.url()).pathname;
    await expectText(page.getByTestId('hypothesis-title'), title);
    await expectText(page.getByTestId('status-badge'), /submitted/i);
    await expectText(page.getByTestId('hypothesis-roi'), `+${roiPercent}%`);
    // A marketer may not decide on it.
    expect(await page.getByTestId('action-approve').count()).toBe(0);

    const owner = await signIn(browser, 'PRODUCT_OWNER');
    await owner.page.goto(detailUrl);
    await expectText(owner.page.getByTestId('status-badge'), /submitted/i);
    await owner.page.getByTestId('action-approve').click();
    await owner.page.getByTestId('reason-input').fill('Cheap to run; strong expected return.');
    await owner.page.getByTestId('modal-confirm').click();

    await expectText(owner.page.getByTestId('status-badge'), /approved/i);
    expect(await owner.page.getByTestId('action-approve').count()).toBe(0);
    const approval = owner.page.getByTestId('audit-row').filter({ hasText: 'Approved' });
    await expectText(approval.getByTestId('audit-actor'), demoUser('PRODUCT_OWNER').email);
    await expectText(approval.getByTestId('audit-reason'), 'Cheap to run; strong expected return.');

    // Approved as it scores today: nothing to compare with yet.
    expect(await owner.page.getByTestId('roi-at-approval').count()).toBe(0);

    // The marketer sees the decision too.
    await page.reload();
    await expectText(page.getByTestId('status-badge'), /approved/i);

    // A new horizon rescores the idea, but the ROI it was approved on stays, shown beside today's.
    await owner.page.getByTestId('nav-settings').click();
    const horizon = owner.page.getByTestId('settings-horizon');
    await horizon.waitFor();
    const changed = horizonMonths === 24 ? 18 : 24;
    try {
      await horizon.fill(String(changed));
      await owner.page.getByTestId('settings-save').click();
      await owner.page.getByTestId('modal-confirm').click();
      await expectText(owner.page.getByTestId('rescore-done'), /backlog rescored/i, 30_000);
      await owner.page.goto(detailUrl);
      const rescored = scoreRoi({ ...expectedInputs(), horizonMonths: changed });
      await expectText(
        owner.page.getByTestId('hypothesis-roi'),
        `+${Math.round(rescored.roi * 100).toLocaleString('en-US')}%`,
      );
      await expectText(owner.page.getByTestId('roi-at-approval-value'), `+${roiPercent}%`);
      await expectText(owner.page.getByTestId('roi-at-approval'), new RegExp(`${horizonMonths} months`));
    } finally {
      // Leave the workspace as the other tests expect it, even when an assertion failed.
      const restored = await trpcMutation(owner.page, 'workspace.updateSettings', { horizonMonths });
      expect(restored.status).toBe(200);
    }

    await marketer.context.close();
    await owner.context.close();
  }, 120_000);
});
