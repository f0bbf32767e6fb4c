import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectText,
  launchBrowser,
  resultOf,
  selectOption,
  signIn,
  submittedHypothesis,
  trpcMutation,
  trpcQuery,
  uniqueTitle,
} from './support';

/** A completed RETENTION · EMAIL experiment of our own: approved, started, a clear win imported, decided. */
async function completedExperiment(page: Page, title: string) {
  const id = await submittedHypothesis(page, title);
  resultOf(await trpcMutation(page, 'hypothesis.approve', { id }), 'hypothesis.approve');
  const key = `e2e-learn-${Date.now()}`;
  resultOf(
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
  const report = {
    variants: [
      { key: 'control', users: 1000, conversions: 100 },
      { key: 'treatment', users: 1000, conversions: 160 },
    ],
  };
  resultOf(await trpcMutation(page, 'experiment.importReport', { key, report }), 'experiment.importReport');
  // The worker decides within seconds; a workspace that asks for confirmation holds the win until confirmed.
  await expect
    .poll(
      async () => {
        const { experiment } = await trpcQuery<{ experiment: { status: string; pendingOutcome: string | null } }>(
          page,
          'experiment.get',
          { key },
        );
        if (experiment.pendingOutcome) await trpcMutation(page, 'experiment.confirmDecision', { key });
        return experiment.status;
      },
      { timeout: 45_000, interval: 1_000 },
    )
    .toBe('COMPLETED');
  return key;
}

describe('learnings', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('recorded on a completed experiment, found in the library, shown as related on a new hypothesis', async () => {
    const stamp = Date.now().toString(36);
    const word = `zorblax${stamp}`;
    const tag = `e2e ${stamp}`;
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    try {
      const key = await completedExperiment(page, uniqueTitle('E2E learning coupon'));

      // The experiment page of the completed test offers the "What we learned" card.
      await page.goto(`/experiments/${key}`);
      await page.getByTestId('learning-card').waitFor();
      await page
        .getByTestId('learning-text-input')
        .fill(`The ${word} coupon won because lapsed buyers wanted a reason.`);
      const tagsInput = page.getByTestId('learning-tags-input');
      await tagsInput.fill(tag.toUpperCase());
      await tagsInput.press('Enter');
      await page.getByTestId('learning-save').click();
      const card = page.getByTestId('learning-card');
      await expectText(card.getByTestId('learning-text'), new RegExp(word));
      // Tags are stored lower-case, whatever was typed.
      await expectText(card.getByTestId('learning-tags'), tag);
      await expectText(card.getByTestId('learning-lift'), '+60.0%');

      // The library finds it by its tag…
      await page.getByTestId('nav-learnings').click();
      await page.getByTestId('learnings-page').waitFor();
      await selectOption(page, 'learnings-filter-tag', tag);
      const items = page.getByTestId('learning-item');
      await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(1);
      await expectText(items.first().getByTestId('learning-text'), new RegExp(word));
      await expectText(items.first().getByTestId('outcome-badge'), 'Win');
      await expectText(items.first(), /Retention · Email/);
      // …and by a fragment of its words, with the tag filter cleared.
      await page.goto('/learnings');
      await page.getByTestId('learnings-search').fill(word.slice(0, -2));
      await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(1);
      await expectText(items.first().getByTestId('learning-experiment'), /Coupon|E2E|e2e/i);
      await page.getByTestId('learnings-search').fill(`${word}-nothing-like-it`);
      await page.getByTestId('learnings-empty').waitFor();

      // A new hypothesis at the same stage and channel that shares its word shows it as related.
      await page.getByTestId('nav-new').click();
      await page.getByTestId('field-title').fill(`Another ${word} offer for lapsed buyers`);
      await selectOption(page, 'field-funnelStage', 'Retention');
      const related = page.getByTestId('related-learnings');
      await expectText(related, new RegExp(word), 15_000);
      await expectText(related.getByTestId('learning-experiment').first(), /./);
    } finally {
      await context.close();
    }
  });
});
