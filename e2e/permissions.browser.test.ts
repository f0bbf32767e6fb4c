import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, launchBrowser, signIn, trpcMutation, uniqueTitle } from './support';

describe('a marketer cannot approve', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows no Approve button, and the api refuses a hand-made approve call with 403', async () => {
    const { context, page } = await signIn(browser, 'MARKETER');
    const created = await trpcMutation(page, 'hypothesis.create', {
      title: uniqueTitle('E2E forbidden approval'),
      statement: 'If we send a reminder, more people finish onboarding.',
      funnelStage: 'ONBOARDING',
      segment: 'New accounts',
      channel: 'EMAIL',
      offer: 'A reminder email',
      reachPerMonth: 2_000,
      baselineRate: 0.1,
      expectedLift: 0.05,
      valuePerConversion: 20,
      confidence: 0.5,
      cost: 500,
      submit: true,
    });
    expect(created.status).toBe(200);
    const id = (created.body.result?.data?.json as { id?: string } | undefined)?.id;
    if (!id) throw new Error(`hypothesis.create answered without an id: ${JSON.stringify(created.body)}`);

    await page.goto(`/hypotheses/${id}`);
    await expectText(page.getByTestId('status-badge'), /submitted/i);
    await page.getByTestId('hypothesis-actions').waitFor();
    expect(await page.getByTestId('action-withdraw').count()).toBe(1);
    expect(await page.getByTestId('action-approve').count()).toBe(0);
    expect(await page.getByTestId('action-reject').count()).toBe(0);

    const approve = await trpcMutation(page, 'hypothesis.approve', { id });
    expect(approve.status).toBe(403);

    // Nothing changed.
    await page.reload();
    await expectText(page.getByTestId('status-badge'), /submitted/i);
    await context.close();
  });
});
