import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentFormFor } from './experiment-form-support';
import { ingestKey } from './ladder-support';
import { expectText, launchBrowser, postEvents, selectOption, signIn, uniqueTitle } from './support';

/**
 * 1,000 units per variant, 300 of whom order once; an order brings 30, 40 or 50 (in turn) in control and 40, 50
 * or 60 with the coupon, so revenue per order is 40 against 50 (+25%).
 */
function ordersWithRevenue(experiment: string, variant: string, base: number) {
  return Array.from({ length: 1000 }, (_, i) => {
    const unit = `${variant}-${i}`;
    const exposure = { id: `${unit}-x`, experiment, unit, type: 'exposure', variant };
    if (i >= 300) return [exposure];
    const order = { experiment, unit, type: 'conversion' };
    return [
      exposure,
      { ...order, id: `${unit}-o`, metric: 'orders' },
      { ...order, id: `${unit}-r`, metric: 'revenue', value: base + 10 * ((i % 3) - 1) },
    ];
  }).flat();
}

/** The error a Mantine text input shows under itself, found by its label. */
const errorOf = (scope: Locator, label: string) =>
  scope.locator('.mantine-TextInput-root').filter({ hasText: label }).locator('.mantine-TextInput-error');

/** Adds a guardrail row and fills it; its kind and direction are Mantine selects labelled in the row. */
async function addGuardrail(page: Page, name: string, kind: string) {
  await page.getByTestId('guardrail-add').click();
  const row = page.getByTestId('guardrail-row').last();
  await row.getByLabel('Name').fill(name);
  const choices: [string, string][] = [
    ['Kind', kind],
    ['Direction', 'Up is good'],
  ];
  for (const [label, option] of choices) {
    await row.getByLabel(label, { exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
}

// Issue 11 on screen: a ratio primary metric (revenue per order) names two event metrics of the experiment; the
// form says which part is missing or unknown, and the experiment shows the ratio it decides on.
describe('a ratio metric on the experiment form and page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for both parts by name, then decides on revenue per order', async () => {
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const { page } = owner;
    const key = await ingestKey(admin.page, uniqueTitle('E2E ratio'));
    try {
      const experiment = await experimentFormFor(page, uniqueTitle('E2E revenue per order'));

      await page.getByTestId('field-primaryName').fill('aov');
      expect(await page.getByTestId('ratio-parts').count()).toBe(0);
      await selectOption(page, 'field-primaryKind', 'Ratio of two metrics (e.g. revenue per order)');
      const parts = page.getByTestId('ratio-parts');
      await addGuardrail(page, 'revenue', 'Average value (e.g. revenue)');
      await addGuardrail(page, 'orders', 'Conversion (yes/no)');
      await selectOption(page, 'field-engine', 'Frequentist (p-values)');
      if (await page.getByTestId('field-sequential').isChecked()) await page.getByTestId('field-sequential').click();
      // The warning below needs the suggestion, which arrives on its own after the form opens.
      await expectText(page.getByTestId('planned-suggestion'), /Suggested [\d,]+/);
      await page.getByTestId('field-plannedUsers').fill('2000');
      await page.getByTestId('field-start').check();

      // A missing part is named under its field, and nothing is created.
      await parts.getByLabel('Numerator').fill('revenue');
      await page.getByTestId('experiment-save').click();
      await expectText(errorOf(parts, 'Denominator'), 'Is required');
      expect(await errorOf(parts, 'Numerator').count()).toBe(0);
      expect(new URL(page.url()).pathname).not.toBe(`/experiments/${experiment}`);

      // A part that is no metric of the experiment is refused with the ones it could name.
      await parts.getByLabel('Denominator').fill('order');
      await expect.poll(() => errorOf(parts, 'Denominator').count()).toBe(0);
      await page.getByTestId('experiment-save').click();
      await expectText(
        errorOf(parts, 'Denominator'),
        '"order" is not a binomial or mean metric of this experiment (revenue, orders)',
      );

      await parts.getByLabel('Denominator').fill('orders');
      await page.getByTestId('experiment-save').click();
      // Below the suggested sample: a warning to confirm (input-guards.browser.test.ts).
      await page.getByTestId('warnings-confirm').click();
      await page.waitForURL((url) => url.pathname === `/experiments/${experiment}`);
      await expectText(page.getByTestId('experiment-status'), /running/i);

      await page.getByTestId('tab-setup').click();
      await expectText(page.getByTestId('setup-summary'), /Primary metricaov \(revenue per orders\)/);
      await page.getByTestId('tab-results').click();
      await postEvents(key.token, [
        ...ordersWithRevenue(experiment, 'control', 40),
        ...ordersWithRevenue(experiment, 'treatment', 50),
      ]);

      // The results read revenue per order: 40 against 50, +25%.
      const table = page.getByTestId('results-table');
      await expectText(table.locator('thead'), /Ratio/, 60_000);
      await expectText(table.locator('[data-variant="control"]'), /1,000\s*40(\.00)?/);
      await expectText(table.locator('[data-variant="treatment"]'), /1,000\s*50(\.00)?\+25\.0%/);
      await expectText(page.getByRole('heading', { name: /^aov/ }), /aov primary metric · frequentist/);
    } finally {
      await key.revoke();
      await owner.context.close();
      await admin.context.close();
    }
  }, 120_000);
});
