import { readFile } from 'node:fs/promises';
import { assignVariant, cumulativeWeights } from '@uplift/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_URL,
  expectText,
  experimentEvents,
  launchBrowser,
  postEvents,
  resultOf,
  selectOption,
  signIn,
  submittedHypothesis,
  trpcMutation,
  uniqueTitle,
} from './support';

describe('an approved hypothesis tested by an email experiment', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is started from the hypothesis, gets data through an API key and shows the win without a reload', async () => {
    const title = uniqueTitle('E2E win-back coupon');
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const { page } = owner;
    try {
      const id = await submittedHypothesis(page, title);
      await page.goto(`/hypotheses/${id}`);
      // Only an approved hypothesis offers an experiment.
      expect(await page.getByTestId('action-start-experiment').count()).toBe(0);
      await page.getByTestId('action-approve').click();
      await page.getByTestId('modal-confirm').click();
      await expectText(page.getByTestId('status-badge'), /approved/i);

      await page.getByTestId('action-start-experiment').click();
      await page.getByTestId('experiment-form').waitFor();
      // The key is a slug of the title; the planned sample is suggested from the hypothesis.
      const key = await page.getByTestId('field-key').inputValue();
      expect(key).toMatch(/^e2e-win-back-coupon-\d+-\d+$/);
      await expectText(page.getByTestId('planned-suggestion'), /Suggested [\d,]+/);
      await page.getByTestId('field-plannedUsers').fill('2000');
      // A fixed-horizon test at α = 0.05, whatever the workspace defaults are today.
      await selectOption(page, 'field-engine', 'Frequentist (p-values)');
      if (await page.getByTestId('field-sequential').isChecked()) await page.getByTestId('field-sequential').click();
      await page.getByTestId('field-alpha').fill('0.05');
      await page.getByTestId('field-start').check();
      await expectText(page.getByTestId('experiment-save'), 'Create and start');
      await page.getByTestId('experiment-save').click();
      // Below the suggested sample: a warning to confirm (input-guards.browser.test.ts).
      await page.getByTestId('warnings-confirm').click();

      await page.waitForURL((url) => url.pathname === `/experiments/${key}`);
      await expectText(page.getByTestId('experiment-status'), /running/i);
      await expectText(page.getByTestId('progress-users'), '0 of 2,000 planned users');
      await expectText(page.getByTestId('experiment-hypothesis-status'), /testing/i);

      // An admin makes an ingest key on the Integrations page; its token is shown once.
      await admin.page.getByTestId('nav-integrations').click();
      await admin.page.getByTestId('apikey-name').fill(`E2E ingest ${key}`);
      await admin.page.getByTestId('apikey-create').click();
      const token = ((await admin.page.getByTestId('apikey-token').textContent()) ?? '').trim();
      expect(token).toMatch(/^upl_/);

      // 10% vs 16% conversion on 1,000 units each: a clear win at the planned 2,000.
      await postEvents(token, [...experimentEvents(key, 'control', 100), ...experimentEvents(key, 'treatment', 160)]);

      // The worker evaluates about a second later; the page polls and shows it without a reload.
      await expect
        .poll(() => page.getByTestId('decision').getAttribute('data-outcome'), { timeout: 30_000 })
        .toBe('WIN');
      // A workspace that asks for confirmation holds the win until a product owner confirms it.
      if (await page.getByTestId('action-confirm').count()) await page.getByTestId('action-confirm').click();
      await expectText(page.getByTestId('experiment-status'), /completed/i, 15_000);
      await expectText(page.getByTestId('decision-winner'), 'Winner: Treatment (treatment)');
      await expectText(page.getByTestId('progress-users'), '2,000 of 2,000 planned users');
      const treatment = page.locator('[data-testid="results-row"][data-variant="treatment"]');
      expect(await treatment.getAttribute('data-decision')).toBe('win');
      await expectText(treatment, /\+60\.0%/);
      await page.getByTestId('lift-chart').waitFor();

      // The decision reached the hypothesis…
      await expectText(page.getByTestId('experiment-hypothesis-status'), /won/i);
      await page.getByTestId('experiment-hypothesis').click();
      await expectText(page.getByTestId('status-badge'), /won/i);
      await expectText(page.getByTestId('hypothesis-experiment'), key);
      // …and the bell.
      await page.getByTestId('notification-bell').click();
      await expectText(page.getByTestId('notification-menu'), `"${title}": WIN`, 15_000);

      // The key was for this test only: revoke it (with a confirmation) and it no longer works.
      const row = admin.page.getByTestId('apikey-row').filter({ hasText: `E2E ingest ${key}` });
      await row.getByTestId('apikey-revoke').click();
      await admin.page.getByTestId('modal-confirm').click();
      await expectText(row, /revoked/i);
      const refused = await fetch(`${API_URL}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: experimentEvents(key, 'control', 0).slice(0, 1) }),
      });
      expect(refused.status).toBe(401);
    } finally {
      await owner.context.close();
      await admin.context.close();
    }
  });

  it('imports a campaign report CSV with a preview, and splits recipients as the CLI would', async () => {
    const title = uniqueTitle('E2E report import');
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    try {
      const id = await submittedHypothesis(page, title);
      resultOf(await trpcMutation(page, 'hypothesis.approve', { id }), 'hypothesis.approve');
      const key = `e2e-import-${Date.now()}`;
      const experiment = resultOf<{ seed: string }>(
        await trpcMutation(page, 'experiment.create', {
          key,
          hypothesisId: id,
          variants: [
            { key: 'control', name: 'Current email', weight: 0.5 },
            { key: 'treatment', name: 'Coupon email', weight: 0.5 },
          ],
          metrics: { primary: { name: 'order', kind: 'binomial' } },
          analysis: { engine: 'frequentist', sequential: null, alpha: 0.05 },
          plannedUsers: 2000,
          start: true,
        }),
        'experiment.create',
      );

      await page.goto(`/experiments/${key}`);
      await page.getByTestId('tab-import').click();
      // Variants by name, a thousands separator, extra columns: what an email tool exports.
      const report = 'Variant,Recipients,Orders,Opens\nCurrent email,"1,000",100,400\nCoupon email,1000,160,420\n';
      await page.locator('input[type=file]').setInputFiles({
        name: 'campaign.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(report),
      });
      await expectText(page.getByTestId('csv-preview'), /Current email.*1,000.*100/);
      await expectText(page.getByTestId('import-summary'), /control1,000100treatment1,000160/);
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-done').waitFor();
      await expectText(page.getByTestId('report-row'), /control: 1,000 \/ 100 · treatment: 1,000 \/ 160/);

      // The report is evaluated like events: the results tab shows the win without a reload.
      await page.getByTestId('tab-results').click();
      await expect
        .poll(() => page.getByTestId('decision').getAttribute('data-outcome'), { timeout: 30_000 })
        .toBe('WIN');

      await page.getByTestId('tab-split').click();
      const recipients = ['name,email', ...Array.from({ length: 500 }, (_, i) => `Reader ${i},r${i}@example.com`)];
      await page.locator('input[type=file]').setInputFiles({
        name: 'recipients.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(recipients.join('\n')),
      });
      await expectText(page.getByTestId('split-run'), 'Split 500 rows');
      await page.getByTestId('split-run').click();
      await page.getByTestId('split-result').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('split-download-treatment').click(),
      ]);
      expect(download.suggestedFilename()).toBe('recipients.treatment.csv');
      const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
      expect(lines[0]).toBe('name,email');
      const bounds = cumulativeWeights([0.5, 0.5]);
      const expected = Array.from({ length: 500 }, (_, i) => `r${i}@example.com`).filter(
        (email) => assignVariant(experiment.seed, email, bounds) === 1,
      );
      expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(expected);
    } finally {
      await context.close();
    }
  });
});
