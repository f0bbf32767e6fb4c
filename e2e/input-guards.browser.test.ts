import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentFormFor } from './experiment-form-support';
import { expectText, launchBrowser, selectOption, signIn, trpcQuery, uniqueTitle } from './support';

/** The error Mantine shows under the number input with this test id. */
const errorUnder = (page: Page, testId: string) =>
  page.locator(`.mantine-NumberInput-root:has([data-testid="${testId}"]) .mantine-NumberInput-error`);

describe('inputs people do not mean', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a hypothesis: negative figures stay as typed with an error; a 5000% lift asks before saving', async () => {
    const { context, page } = await signIn(browser, 'MARKETER');
    try {
      const title = uniqueTitle('E2E bold lift');
      await page.getByTestId('nav-new').click();
      await page.getByTestId('field-title').fill(title);
      await page.getByTestId('field-statement').fill('If the cart page offers free gift wrap, far more visitors buy.');
      await selectOption(page, 'field-funnelStage', 'Landing');
      await page.getByTestId('field-segment').fill('Visitors');
      await page.getByTestId('field-offer').fill('Free gift wrap');
      await page.getByTestId('field-reachPerMonth').fill('-5');
      await page.getByTestId('field-baselinePct').fill('10');
      await page.getByTestId('field-liftPct').fill('5000');
      await page.getByTestId('field-valuePerConversion').fill('-1');
      await page.getByTestId('field-confidencePct').fill('60');
      await page.getByTestId('field-cost').fill('2000');
      await page.getByTestId('field-cost').blur();
      // Not silently made 0: the numbers stay, and saving names what is wrong.
      expect(await page.getByTestId('field-reachPerMonth').inputValue()).toBe('-5');
      expect(await page.getByTestId('field-valuePerConversion').inputValue()).toBe('-1');
      // Marked at the field as typed, and again when saving is tried (nothing is sent).
      await expectText(errorUnder(page, 'field-reachPerMonth'), /must be ≥ 0/i);
      await page.getByTestId('save-draft').click();
      await expectText(errorUnder(page, 'field-reachPerMonth'), /must be ≥ 0/i);
      await expectText(errorUnder(page, 'field-valuePerConversion'), /must be ≥ 0/i);
      expect(new URL(page.url()).pathname).toBe('/hypotheses/new');

      await page.getByTestId('field-reachPerMonth').fill('20000');
      await page.getByTestId('field-valuePerConversion').fill('40');
      // Legal but implausible: said as it is typed; the payback is not "0 mo".
      await expectText(page.getByTestId('input-warnings'), /lift of 5000% more than doubles the conversion rate/);
      await expectText(page.getByTestId('roi-preview-payback'), '< 0.1 mo');
      await page.getByTestId('save-draft').click();
      const dialog = page.getByRole('dialog');
      await expectText(dialog, /5000%/);
      await page.getByTestId('warnings-back').click();
      expect(new URL(page.url()).pathname).toBe('/hypotheses/new');
      await page.getByTestId('save-draft').click();
      await page.getByTestId('warnings-confirm').click();
      await page.waitForURL((url) => /^\/hypotheses\/(?!new)/.test(url.pathname));
      await expectText(page.getByTestId('hypothesis-title'), title);
    } finally {
      await context.close();
    }
  });

  it('an experiment: negative planned users are an error; 2 users and α 0.5 are warnings confirmed first', async () => {
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    try {
      const key = await experimentFormFor(page, uniqueTitle('E2E tiny sample'));
      await expectText(page.getByTestId('planned-suggestion'), /Suggested [\d,]+/);
      await page.getByTestId('field-plannedUsers').fill('-3');
      await page.getByTestId('field-plannedUsers').blur();
      expect(await page.getByTestId('field-plannedUsers').inputValue()).toBe('-3');
      await expectText(errorUnder(page, 'field-plannedUsers'), /must be ≥ 2/i);
      await page.getByTestId('experiment-save').click();
      await expectText(errorUnder(page, 'field-plannedUsers'), /must be ≥ 2/i);

      await page.getByTestId('field-plannedUsers').fill('2');
      await page.getByTestId('field-alpha').fill('0.5');
      const warnings = page.getByTestId('input-warnings');
      await expectText(warnings, /2 planned users is below the [\d,]+ suggested/);
      await expectText(warnings, /α 0\.5 lets about 50 in 100 tests/);
      await page.getByTestId('experiment-save').click();
      await page.getByTestId('warnings-back').click();
      // Nothing was created while the user went back.
      await expect
        .poll(() =>
          trpcQuery(page, 'experiment.get', { key }).then(
            () => 'found',
            () => 'none',
          ),
        )
        .toBe('none');
      await page.getByTestId('experiment-save').click();
      await page.getByTestId('warnings-confirm').click();
      await page.waitForURL((url) => url.pathname === `/experiments/${key}`);
      await expectText(page.getByTestId('experiment-status'), /draft/i);
    } finally {
      await context.close();
    }
  });
});
