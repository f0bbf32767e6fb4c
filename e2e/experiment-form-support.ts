import type { Page } from 'playwright-core';
import { expectText, submittedHypothesis } from './support';

/**
 * A submitted hypothesis of our own, approved on its page by the signed-in product owner, and the experiment form
 * opened from it; returns the key the form proposes.
 */
export async function experimentFormFor(page: Page, title: string) {
  const id = await submittedHypothesis(page, title);
  await page.goto(`/hypotheses/${id}`);
  await page.getByTestId('action-approve').click();
  await page.getByTestId('modal-confirm').click();
  await expectText(page.getByTestId('status-badge'), /approved/i);
  await page.getByTestId('action-start-experiment').click();
  await page.getByTestId('experiment-form').waitFor();
  return page.getByTestId('field-key').inputValue();
}
