import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completed, ingestKey } from './ladder-support';
import {
  expectText,
  launchBrowser,
  postEvents,
  resultOf,
  type Session,
  signIn,
  submittedHypothesis,
  trpcMutation,
  uniqueTitle,
} from './support';

/** An approved hypothesis' email experiment (control vs treatment, an unsubscribe guardrail), by key. */
async function emailExperiment(page: Page, offer: string, start: boolean) {
  const hypothesisId = await submittedHypothesis(page, uniqueTitle(`E2E ${offer}`), { offer });
  resultOf(await trpcMutation(page, 'hypothesis.approve', { id: hypothesisId }), 'hypothesis.approve');
  const key = `e2e-truth-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
  resultOf(
    await trpcMutation(page, 'experiment.create', {
      key,
      hypothesisId,
      variants: [
        { key: 'control', name: 'Current email', weight: 0.5 },
        { key: 'treatment', name: 'Coupon email', weight: 0.5 },
      ],
      metrics: {
        primary: { name: 'purchases', kind: 'binomial' },
        guardrails: [{ name: 'unsubscribe', kind: 'binomial', direction: 'down' }],
      },
      analysis: { engine: 'frequentist', sequential: null, alpha: 0.05 },
      plannedUsers: 2000,
      start,
    }),
    'experiment.create',
  );
  return key;
}

/** 10% vs 16% of 1,000 units each (the clear win of ladder-support), no unsubscribes. */
const clearWin = (key: string) =>
  (['control', 'treatment'] as const).flatMap((variant) =>
    Array.from({ length: 1000 }, (_, i) => {
      const unit = `${key}-${variant}-${i}`;
      const exposure = { id: `${unit}-x`, experiment: key, unit, type: 'exposure', variant };
      const converts = i < (variant === 'control' ? 100 : 160);
      return converts ? [exposure, { id: `${unit}-c`, experiment: key, unit, type: 'conversion' }] : [exposure];
    }).flat(),
  );

describe('status that tells the truth', () => {
  let browser: Browser;
  let owner: Session | undefined;
  let admin: Session | undefined;
  let key: { token: string; revoke: () => Promise<unknown> } | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await key?.revoke();
    await owner?.context.close();
    await admin?.context.close();
    await browser?.close();
  });
  const ready = async () => {
    owner ??= await signIn(browser, 'PRODUCT_OWNER');
    admin ??= await signIn(browser, 'ADMIN');
    key ??= await ingestKey(admin.page, uniqueTitle('E2E truth key'));
    return { page: owner.page, token: key.token };
  };

  it('a demoted offer shows what happened instead of its old projection', async () => {
    const { page } = await ready();
    await page.getByTestId('nav-ladder').click();
    const card = page.locator('[data-testid="offer-card"][data-state="DEMOTED"]').first();
    await expectText(card.getByTestId('offer-demoted'), /Lost on banners and stepped back to email/);
    expect(await card.getByTestId('offer-projected').count()).toBe(0);
    await card.getByTestId('offer-open').click();
    const offerPage = page.locator('[data-testid="offer-page"][data-state="DEMOTED"]');
    await offerPage.waitFor();
    await expectText(offerPage.getByTestId('offer-demoted'), /no projection until it wins again/);
    expect(await offerPage.getByTestId('offer-projected').count()).toBe(0);
  });

  it('"Approve: go offline" is disabled with its reason until a readiness check passes', async () => {
    const { page } = await ready();
    await page.getByTestId('nav-inbox').click();
    const proposal = page.locator('[data-testid="proposal"][data-kind="PROMOTE"][data-to="OFFLINE"]').first();
    await proposal.waitFor();
    await expectText(proposal.getByTestId('approve-blocked'), /Cannot approve yet: no readiness check for OFFLINE/);
    expect(await proposal.getByTestId('proposal-approve').isDisabled()).toBe(true);
  });

  it('a guardrail without data says so instead of "no treatment harms it"', async () => {
    const { page, token } = await ready();
    const experiment = await emailExperiment(page, uniqueTitle('Guardrail offer'), true);
    // Units in the control only: the treatment has none, so the guardrail has no interval yet.
    await postEvents(
      token,
      Array.from({ length: 20 }, (_, i) => ({
        id: `${experiment}-x${i}`,
        experiment,
        unit: `${experiment}-u${i}`,
        type: 'exposure',
        variant: 'control',
      })),
    );
    await page.goto(`/experiments/${experiment}`);
    await page.getByTestId('guardrail-no-data').waitFor({ timeout: 30_000 });
    await expectText(page.getByTestId('guardrail-no-data'), /“unsubscribe”.*not enough data yet/);
    expect(await page.getByTestId('guardrail-ok').count()).toBe(0);
  });

  it('start asks first; the ladder badge follows the worker; stop says what happens; a stopped rung can be tested again', async () => {
    const { page, token } = await ready();
    const offer = uniqueTitle('Truth offer');
    const email = await emailExperiment(page, offer, false);
    await page.goto(`/experiments/${email}`);
    await page.getByTestId('action-start').click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, /starts in email now: units are assigned from this moment/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectText(page.getByTestId('experiment-status'), /draft/i);
    await page.getByTestId('action-start').click();
    await page.getByTestId('modal-confirm').click();
    await expectText(page.getByTestId('experiment-status'), /running/i);
    await expectText(page.getByTestId('experiment-ladder'), /now on the email rung/);

    // On the first rung a stop makes the hypothesis inconclusive (not done here: cancelled).
    await page.getByTestId('action-stop').click();
    await expectText(page.getByRole('dialog'), /its hypothesis becomes inconclusive/);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    // The worker decides and moves the offer up while the page stays open: header and badges follow.
    await postEvents(token, clearWin(email));
    await completed(page, email);
    await expectText(page.getByTestId('experiment-status'), /completed/i, 20_000);
    await expectText(page.getByTestId('experiment-hypothesis-status'), /won/i, 20_000);
    await expectText(page.getByTestId('experiment-ladder'), /now on the banners rung/, 20_000);

    // The banner draft of a promoted offer: its stop leaves the hypothesis WON, and says so.
    const banner = `${email}-banner`;
    await page.goto(`/experiments/${banner}`);
    await page.getByTestId('action-stop').click();
    const stop = page.getByRole('dialog');
    await expectText(stop, /Its hypothesis stays won/);
    await expectText(stop, /a product owner can test it again on this rung/);
    expect((await stop.textContent()) ?? '').not.toMatch(/inconclusive/);
    await page.getByTestId('reason-input').fill('The banner slot went to the sale');
    await page.getByTestId('modal-confirm').click();
    await expectText(page.getByTestId('experiment-status'), /stopped/i);
    await expectText(page.getByTestId('experiment-hypothesis-status'), /won/i);

    // The board offers the same way out on the stopped offer's card.
    await page.getByTestId('nav-ladder').click();
    const card = page.locator('[data-testid="offer-card"][data-state="STOPPED"]').filter({ hasText: offer });
    await card.getByTestId('action-retest').waitFor();
    await page.goBack();
    await page.getByTestId('action-retest').click();
    await page.getByTestId('modal-confirm').click();
    await page.waitForURL((url) => url.pathname === `/experiments/${banner}-retest`);
    await expectText(page.getByTestId('experiment-status'), /draft/i);
    await expectText(page.getByTestId('experiment-ladder'), /now on the banners rung/);
    await expectText(page.getByTestId('experiment-ladder'), /Ready to test/);
  }, 180_000);
});
