import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentFormFor } from './experiment-form-support';
import { expectText, launchBrowser, selectOption, signIn, submittedHypothesis, uniqueTitle } from './support';

// Issue 14, wording: what the screens say must be what a person means — not-found pages, channels as words, money
// in the workspace's currency, no correction offered to the Bayesian rule, a binary file called what it is, and
// the expected duration beside the planned users.
/** Holds the planned-users suggestion on its way back until `release` lets it through (and stops holding). */
async function holdSuggestions(page: Page) {
  const held: Array<() => Promise<void>> = [];
  await page.route(
    (url) => url.pathname.includes('experiment.suggestPlannedUsers'),
    (route) => void held.push(() => route.continue()),
  );
  return {
    count: () => held.length,
    release: async () => {
      await Promise.all(held.map((release) => release()));
      await page.unrouteAll();
    },
  };
}

describe('wording people read', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a not-found page for an unknown hypothesis or experiment, not “Something went wrong”', async () => {
    const { page, context } = await signIn(browser, 'ANALYST');
    try {
      await page.goto('/hypotheses/no-such-hypothesis-id');
      await expectText(page.getByTestId('not-found'), /No such hypothesis/);
      expect(await page.getByText('Something went wrong').count()).toBe(0);
      await page.goto('/experiments/no-such-experiment-key');
      await expectText(page.getByTestId('not-found'), /No such experiment/);
      expect(await page.getByText('Something went wrong').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('writes SMS in capitals and money in the workspace currency', async () => {
    const { page, context } = await signIn(browser, 'MARKETER');
    try {
      await page.goto('/');
      await page.getByTestId('filter-channel').click();
      await page.getByRole('option', { name: 'SMS', exact: true }).waitFor();
      expect(await page.getByRole('option', { name: 'Sms', exact: true }).count()).toBe(0);
      await page.keyboard.press('Escape');

      // The demo workspace counts in euros: the score breakdown's money rows say so.
      const id = await submittedHypothesis(page, uniqueTitle('E2E money'));
      await page.goto(`/hypotheses/${id}`);
      const value = page.locator('[data-testid="breakdown-row"][data-symbol="v"] td').last();
      await expectText(value, /^€40$/);
    } finally {
      await context.close();
    }
  });

  it('shows the expected duration beside the planned users, and no correction for the Bayesian rule', async () => {
    const { page, context } = await signIn(browser, 'PRODUCT_OWNER');
    try {
      await experimentFormFor(page, uniqueTitle('E2E duration'));
      // The suggestion fills the field once it arrives; typing over it before then is the test below.
      await expectText(page.getByTestId('planned-suggestion'), /Suggested [\d,]+/);
      // The demo's email capacity: 6,000 recipients a week over 2 tests, 3,000 each; 12,000 users take 4 weeks.
      await page.getByTestId('field-plannedUsers').fill('12000');
      await expectText(page.getByTestId('planned-duration'), '≈ 4 weeks at 3,000 recipients a week');
      await page.getByTestId('field-plannedUsers').fill('12001');
      await expectText(page.getByTestId('planned-duration'), '≈ 5 weeks at 3,000 recipients a week');

      await page.getByTestId('field-correction').waitFor();
      await selectOption(page, 'field-engine', 'Bayesian (chance to win)');
      await expect.poll(() => page.getByTestId('field-correction').count()).toBe(0);
      await selectOption(page, 'field-engine', 'Frequentist (p-values)');
      await page.getByTestId('field-correction').waitFor();
    } finally {
      await context.close();
    }
  });

  it('keeps what a person types in Planned users when the suggestion arrives while the field has focus', async () => {
    const { page, context } = await signIn(browser, 'PRODUCT_OWNER');
    // The suggestion is held on its way back, then let through once the person is in the field.
    const suggestions = await holdSuggestions(page);
    try {
      await experimentFormFor(page, uniqueTitle('E2E planned focus'));
      await expectText(page.getByTestId('planned-suggestion'), 'Working out a suggestion…');
      await page.getByTestId('field-plannedUsers').click();
      expect(suggestions.count()).toBeGreaterThan(0);
      await suggestions.release();
      await expectText(page.getByTestId('planned-suggestion'), /Suggested [\d,]+/);
      await page.getByTestId('field-plannedUsers').pressSequentially('12000');
      expect(await page.getByTestId('field-plannedUsers').inputValue()).toBe('12,000');
      await expectText(page.getByTestId('planned-duration'), '≈ 4 weeks at 3,000 recipients a week');
    } finally {
      await context.close();
    }
  });

  it('asks about a sample below the suggestion when Save is pressed before the suggestion arrives', async () => {
    const { page, context } = await signIn(browser, 'PRODUCT_OWNER');
    const suggestions = await holdSuggestions(page);
    try {
      await experimentFormFor(page, uniqueTitle('E2E save before suggestion'));
      await expectText(page.getByTestId('planned-suggestion'), 'Working out a suggestion…');
      await page.getByTestId('field-plannedUsers').fill('200');
      await page.getByTestId('experiment-save').click();
      // Saving waits for the suggestion instead of saving without it.
      await expect.poll(() => page.getByTestId('experiment-save').getAttribute('data-loading')).toBe('true');
      expect(await page.getByTestId('warnings-confirm').count()).toBe(0);
      await suggestions.release();
      await expectText(page.getByTestId('warnings-modal'), /200 planned users is below the [\d,]+ suggested/);
      await page.getByTestId('warnings-back').click();
      expect(new URL(page.url()).pathname).toBe('/experiments/new'); // nothing was created
    } finally {
      await context.close();
    }
  });

  it('calls a binary file uploaded as CSV what it is instead of showing garbage', async () => {
    const { page, context } = await signIn(browser, 'PRODUCT_OWNER');
    try {
      await page.goto('/experiments/welcome-gift-email');
      await page.getByTestId('tab-import').click();
      // The first bytes of a PNG image, renamed to .csv.
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      await page
        .locator('input[type=file]')
        .first()
        .setInputFiles({ name: 'logo.csv', mimeType: 'text/csv', buffer: png });
      await expectText(page.getByTestId('import-file-error'), /logo\.csv is not a CSV file/);
    } finally {
      await context.close();
    }
  });
});
