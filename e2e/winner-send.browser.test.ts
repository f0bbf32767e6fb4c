import { readFile } from 'node:fs/promises';
import { assignWinnerSend } from '@uplift/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentFormFor } from './experiment-form-support';
import { ingestKey } from './ladder-support';
import { expectText, launchBrowser, postEvents, signIn, trpcQuery, uniqueTitle } from './support';

const variants = [
  { key: 'control', weight: 0.5 },
  { key: 'treatment', weight: 0.5 },
];

/** Where a unit of the winner send falls by the domain's rule: a test variant, or the remainder. */
const placeOf = (seed: string, unit: string, winnerVariant: string | null = null) => {
  const a = assignWinnerSend({ seed, variants, testShare: 0.2, winnerVariant }, unit);
  return a.remainder ? 'remainder' : (a.variant as string);
};

/** Uploads 50 recipients to the split tab and splits them. */
async function split(page: Page, emails: string[]) {
  await page.getByTestId('tab-split').click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'list.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['email', ...emails].join('\n')),
  });
  await expectText(page.getByTestId('split-run'), `Split ${emails.length} rows`);
  await page.getByTestId('split-run').click();
  await page.getByTestId('split-result').waitFor();
}

// Issue 13 §4 on screen: a winner send set up in the form, tested on 20% of a list, decided by the worker, and the
// remainder's file with the winner downloaded from the split.
describe('a winner send', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('from setup to the remainder file with the winner', async () => {
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const { page } = owner;
    const key = await ingestKey(admin.page, uniqueTitle('E2E winner send'));
    try {
      const experiment = await experimentFormFor(page, uniqueTitle('E2E winner send'));
      // The warning below needs the suggestion, which arrives on its own after the form opens.
      await expectText(page.getByTestId('planned-suggestion'), /Suggested [\d,]+/);
      await page.getByTestId('field-plannedUsers').fill('2000');
      await page.getByTestId('field-winnerSend').check();
      await page.getByTestId('field-audienceSize').fill('1500');
      await page.getByTestId('field-start').check();
      await page.getByTestId('experiment-save').click();
      // 2,000 planned users is below the suggested sample: the form asks once before it saves.
      await page.getByTestId('warnings-confirm').click();
      // The list cannot hold the planned sample and a remainder: the field says so.
      await expectText(page.getByTestId('winner-send-fields'), 'cannot hold the planned sample of 2,000');
      await page.getByTestId('field-audienceSize').fill('10000');
      await expectText(
        page.getByTestId('test-share-minimum'),
        'Smallest share: 20% of the list (2,000 recipients) reaches the planned 2,000; the remaining 8,000 wait',
      );
      await page.getByTestId('experiment-save').click();
      await page.waitForURL((url) => url.pathname === `/experiments/${experiment}`);
      await expectText(page.getByTestId('timeline-decision'), /Due by .* \(4 h after the send\)/);
      await page.getByTestId('tab-setup').click();
      await expectText(
        page.getByTestId('setup-summary'),
        'Winner send20% of 10,000 tested; the winner goes to the rest within 4 h of the send',
      );

      // Before the decision the split gives the test's files and holds the remainder back.
      const emails = Array.from({ length: 50 }, (_, i) => `r${i}@example.com`);
      const remainder = emails.filter((u) => placeOf(experiment, u) === 'remainder');
      await split(page, emails);
      await expectText(page.getByTestId('split-waiting'), `${remainder.length} rows are the remainder`);
      expect(await page.getByTestId('split-download-remainder').count()).toBe(0);

      // 1,000 test units per variant, 10% against 16%: the worker decides WIN and the remainder gets the treatment.
      const test: { control: string[]; treatment: string[] } = { control: [], treatment: [] };
      for (let i = 0; test.control.length < 1000 || test.treatment.length < 1000; i++) {
        const place = placeOf(experiment, `u${i}`) as keyof typeof test | 'remainder';
        if (place !== 'remainder' && test[place].length < 1000) test[place].push(`u${i}`);
      }
      const events = Object.entries(test).flatMap(([variant, units]) =>
        units.flatMap((unit, i) => {
          const exposure = { id: `${unit}-x`, experiment, unit, type: 'exposure' };
          const converted = i < (variant === 'control' ? 100 : 160);
          return converted ? [exposure, { id: `${unit}-c`, experiment, unit, type: 'conversion' }] : [exposure];
        }),
      );
      await postEvents(key.token, events);
      await expect
        .poll(
          async () =>
            (
              await trpcQuery<{ experiment: { winnerVariant: string | null } }>(page, 'experiment.get', {
                key: experiment,
              })
            ).experiment.winnerVariant,
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe('treatment');

      await page.goto(`/experiments/${experiment}`);
      await expectText(page.getByTestId('timeline-decision'), '"treatment" won; the remainder gets it.');
      await expectText(
        page.getByTestId('remainder-earned'),
        /The remainder \(8,000 recipients\) earned about 480 extra/,
      );

      // After the decision the split also offers the remainder's file: every remainder row, with the winner.
      await split(page, emails);
      await expectText(
        page.getByTestId('split-remainder'),
        `The remainder (${remainder.length} rows) gets “treatment”`,
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('split-download-remainder').click(),
      ]);
      expect(download.suggestedFilename()).toBe('list.remainder.csv');
      const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
      expect(lines).toEqual(['email', ...remainder]);
    } finally {
      await key.revoke();
      await owner.context.close();
      await admin.context.close();
    }
  }, 180_000);
});
