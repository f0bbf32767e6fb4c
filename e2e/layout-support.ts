import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ingestKey } from './ladder-support';
import { experimentEvents, postEvents, resultOf, submittedHypothesis, trpcMutation, uniqueTitle } from './support';

export const PHONE = { width: 390, height: 844 } as const;

/** How far the page reaches sideways beyond the viewport: 0 when nothing widens it. */
export const pageOverflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

/** Texts of visible badges whose label is cut (an ellipsis: the text is wider than its box). */
export const cutBadges = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-label')]
      .filter((label) => label.offsetParent !== null && label.scrollWidth > label.clientWidth + 1)
      .map((label) => label.textContent ?? ''),
  );

/** Whether the element is on screen inside the viewport's width (not merely in the DOM). */
export async function inView(page: Page, testId: string, within = page.locator('body')) {
  const box = await within.getByTestId(testId).first().boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= width + 1;
}

/**
 * A running Bayesian email experiment (planned far beyond the data, so it stays running) with 10% against 13%
 * of 1,000 units each, posted through an ingest key of the admin's; returns its key once the worker has
 * evaluated it and the results table shows its treatment.
 */
export async function bayesianExperimentWithData(owner: Page, admin: Page) {
  const hypothesisId = await submittedHypothesis(owner, uniqueTitle('E2E results table'), {
    offer: uniqueTitle('results offer'),
  });
  resultOf(await trpcMutation(owner, 'hypothesis.approve', { id: hypothesisId }), 'hypothesis.approve');
  const { key } = resultOf<{ key: string }>(
    await trpcMutation(owner, 'experiment.create', {
      key: `e2e-results-${Date.now()}-${Math.floor(Math.random() * 1000)}`,
      name: uniqueTitle('Results table'),
      hypothesisId,
      variants: [
        { key: 'control', name: 'Current email', weight: 0.5 },
        { key: 'treatment', name: 'Coupon email', weight: 0.5 },
      ],
      metrics: { primary: { name: 'purchases', kind: 'binomial' } },
      analysis: { engine: 'bayesian', sequential: null, alpha: 0.05 },
      plannedUsers: 100_000,
      start: true,
    }),
    'experiment.create',
  );
  const ingest = await ingestKey(admin, `E2E results ${key}`);
  try {
    await postEvents(ingest.token, [
      ...experimentEvents(key, 'control', 100),
      ...experimentEvents(key, 'treatment', 130),
    ]);
  } finally {
    await ingest.revoke();
  }
  await owner.goto(`/experiments/${key}`);
  await expect
    .poll(() => owner.locator('[data-testid="results-row"][data-variant="treatment"]').count(), { timeout: 45_000 })
    .toBe(1);
  return key;
}
