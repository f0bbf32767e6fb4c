import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LadderSettings, postClearWin, runningEmailExperiment } from './ladder-support';
import {
  demoUser,
  expectText,
  launchBrowser,
  resultOf,
  type Session,
  selectOption,
  signIn,
  trpcMutation,
  trpcQuery,
  uniqueTitle,
} from './support';

const column = (page: Page, rung: string) => page.locator(`[data-testid="ladder-column"][data-rung="${rung}"]`);
const proposalTo = (page: Page, offerId: string, rung: string) =>
  page.locator(`[data-testid="proposal"][data-offer="${offerId}"][data-to="${rung}"]`);

// One offer climbs email → banners → offline; each step below builds on the one before.
describe('an offer climbing the channel ladder', () => {
  let browser: Browser;
  let owner: Session | undefined;
  let admin: Session | undefined;
  let token = '';
  let apiKeyId = '';
  const offerName = uniqueTitle('E2E ladder offer');
  const key = `e2e-ladder-${Date.now()}`;
  const bannerKey = `${key}-banner`;
  let offerId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  /** Signs in once (inside a test: signing in polls with expect) and makes an ingest key for the file. */
  const ready = async () => {
    owner ??= await signIn(browser, 'PRODUCT_OWNER');
    admin ??= await signIn(browser, 'ADMIN');
    if (!token) {
      const created = resultOf<{ id: string; token: string }>(
        await trpcMutation(admin.page, 'apiKey.create', { name: `E2E ladder ${key}`, scopes: ['ingest'] }),
        'apiKey.create',
      );
      token = created.token;
      apiKeyId = created.id;
    }
    return owner.page;
  };
  afterAll(async () => {
    if (apiKeyId && admin) await trpcMutation(admin.page, 'apiKey.revoke', { id: apiKeyId });
    await owner?.context.close();
    await admin?.context.close();
    await browser?.close();
  });

  it('an email win proposes banners; approving it creates the banner experiment', async () => {
    const page = await ready();
    const original = await trpcQuery<LadderSettings>(page, 'ladder.board');
    try {
      // Banners ask a product owner in this test, whatever the workspace's default is.
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('ladder-settings').waitFor();
      await selectOption(page, 'policy-approval-BANNER', 'Product owner');
      await page.getByTestId('ladder-settings-save').click();
      await page.getByTestId('ladder-settings-saved').waitFor();
      const saved = await trpcQuery<LadderSettings>(page, 'ladder.board');
      expect(saved.policies.BANNER?.approval).toBe('product_owner');

      await runningEmailExperiment(page, offerName, { key, plannedUsers: 2000 });
      await postClearWin(page, token, key);

      // The win waits in the inbox, in plain words: 20,000 reached × 10% × 60% × 40 = 48,000 a month.
      await page.getByTestId('nav-inbox').click();
      const proposal = page.getByTestId('proposal').filter({ hasText: offerName });
      await expectText(
        proposal.getByTestId('proposal-evidence'),
        /^\+60\.0% purchases in email, 95% CI \+[\d.]+%…\+[\d.]+%, 2,000 recipients; projected \+€48,000 per month on banners$/,
        15_000,
      );
      expect(await proposal.getByTestId('readiness-status').getAttribute('data-state')).toBe('not_required');
      offerId = (await proposal.getAttribute('data-offer')) ?? '';
      expect(offerId).not.toBe('');

      // Banners reach more people than the email list: the product owner sets the rung's own reach, and the
      // projection follows it (50,000 × 10% × 60% × 40 = 120,000 a month).
      const reach = proposal.getByTestId('next-rung-reach-input');
      expect(await reach.inputValue()).toBe('20,000');
      await reach.fill('50000');
      await expectText(
        proposal.getByTestId('next-rung-reach-projection'),
        'At this reach: projected +€120,000 per month on banners.',
      );
      await proposal.getByTestId('proposal-approve').click();
      await page.getByTestId('reason-input').fill('Clear email win; banners are cheap.');
      await page.getByTestId('modal-confirm').click();
      const decided = page.locator('[data-testid="decided-row"]').filter({ hasText: offerName });
      await expectText(decided.getByTestId('decided-status'), 'Applied');
      await expectText(decided.getByTestId('decided-by'), demoUser('PRODUCT_OWNER').email);
      expect(await proposal.count()).toBe(0);

      // The offer stands on banners with a draft experiment ready to start.
      await page.goto(`/ladder/offers/${offerId}`);
      await expectText(page.getByTestId('offer-rung'), /banners/);
      const draft = page.locator(`[data-testid="journey-experiment"][data-key="${bannerKey}"]`);
      await expectText(draft.getByTestId('experiment-status'), /draft/i);
      await expectText(draft.getByTestId('journey-experiment-reach'), 'Reach 50,000 per month');
      await expectText(
        page.locator('[data-testid="journey-promotion"][data-status="APPLIED"]'),
        /Applied by .*Clear email win/,
      );
      await page.getByTestId('nav-ladder').click();
      const card = column(page, 'BANNER').locator(`[data-testid="offer-card"][data-offer="${offerId}"]`);
      await expectText(card.getByTestId('offer-state'), 'Ready to test');
      await expectText(card.getByTestId('offer-latest'), bannerKey);
      await expectText(card.getByTestId('offer-projected'), /\+€120,000/);

      // The email experiment's page links back to the offer, and says when its winner went live.
      await page.goto(`/experiments/${key}`);
      await expectText(page.getByTestId('experiment-ladder-link'), offerName);
      await expectText(page.getByTestId('rolled-out'), /^Rolled out on /);
    } finally {
      const { ladder, policies, priorDiscount } = original;
      const restored = await trpcMutation(page, 'ladder.updateSettings', { ladder, policies, priorDiscount });
      expect(restored.status).toBe(200);
    }
  }, 120_000);

  it('a banner win asks a product owner before going offline', async () => {
    expect(offerId, 'needs the offer of the previous test').not.toBe('');
    const page = await ready();
    await page.goto('/ladder');
    const card = column(page, 'BANNER').locator(`[data-testid="offer-card"][data-offer="${offerId}"]`);
    await card.getByTestId('offer-start-experiment').click();
    await page.getByTestId('modal-confirm').click();
    await expectText(card.getByTestId('offer-state'), 'Testing');

    await postClearWin(page, token, bannerKey);
    await page.reload();
    await expectText(card.getByTestId('offer-state'), 'Waiting for approval', 20_000);
    await card.getByTestId('offer-review').click();

    const proposal = proposalTo(page, offerId, 'OFFLINE');
    await expectText(proposal.getByTestId('proposal-step'), 'Banners → Offline');
    await expectText(
      proposal.getByTestId('proposal-evidence'),
      /^\+60\.0% purchases on banners, .*2,000 visitors;.* offline$/,
    );
    expect(await proposal.getByTestId('readiness-status').getAttribute('data-state')).toBe('missing');

    // When the offer cannot be read, the card says so and offers another try (not a blank line).
    await page.route(
      (url) => url.pathname.includes('ladder.offer'),
      (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }),
    );
    await page.reload();
    await expectText(
      proposal.getByTestId('readiness-status'),
      "Could not load the offer's readiness checks. Try again",
    );
    await page.unrouteAll();
    await proposal.getByTestId('readiness-status').getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => proposal.getByTestId('readiness-status').getAttribute('data-state')).toBe('missing');
  }, 120_000);

  it('the readiness gate holds back an offer that loses money per sale, and lets a profitable one through', async () => {
    expect(offerId, 'needs the offer of the previous tests').not.toBe('');
    const page = await ready();
    const checkReadiness = async (discountPct: string, margin: string, passes: boolean) => {
      await page.goto(`/ladder/offers/${offerId}`);
      const form = page.getByTestId('readiness-form');
      await form.waitFor();
      expect(await page.getByTestId('readiness-rung').inputValue()).toBe('Offline');
      await page.getByTestId('readiness-price').fill('40');
      await page.getByTestId('readiness-discountPct').fill(discountPct);
      await page.getByTestId('readiness-unitCost').fill('30');
      await page.getByTestId('readiness-fulfilmentCost').fill('2');
      await page.getByTestId('readiness-expectedVolumePerMonth').fill('1000');
      await page.getByTestId('readiness-capacityPerMonth').fill('5000');
      await page.getByTestId('readiness-deliverable').check();
      // The margin is computed as the figures are typed, by the gate's own rule.
      await expectText(page.getByTestId('readiness-margin'), margin);
      await expect.poll(() => page.getByTestId('readiness-live').getAttribute('data-passes')).toBe(String(passes));
      await page.getByTestId('readiness-save').click();
      await expect.poll(() => page.getByTestId('readiness-saved').getAttribute('data-passed')).toBe(String(passes));
      await expect
        .poll(() => page.getByTestId('readiness-row').first().getAttribute('data-passed'))
        .toBe(String(passes));
    };

    // 40 × (1 − 25%) − 30 − 2 = −2 per sale.
    await checkReadiness('25', '-2.00', false);
    await expectText(page.getByTestId('readiness-failures'), /margin per conversion after the discount is -2\.00/);

    await page.getByTestId('nav-inbox').click();
    const proposal = proposalTo(page, offerId, 'OFFLINE');
    await expect.poll(() => proposal.getByTestId('readiness-status').getAttribute('data-state')).toBe('failed');
    // Approval is disabled with the reason, and the api refuses it for the same one.
    expect(await proposal.getByTestId('proposal-approve').isDisabled()).toBe(true);
    await expectText(proposal.getByTestId('approve-blocked'), /latest readiness check for OFFLINE failed/);
    const id = await proposal.getAttribute('data-promotion');
    const refused = await trpcMutation(page, 'ladder.approve', { id });
    expect(JSON.stringify(refused.body)).toMatch(/latest readiness check for OFFLINE failed/);
    expect(await proposal.count()).toBe(1);

    // 40 × (1 − 15%) − 30 − 2 = +2 per sale.
    await checkReadiness('15', '2.00', true);
    await page.getByTestId('nav-inbox').click();
    await expect.poll(() => proposal.getByTestId('readiness-status').getAttribute('data-state')).toBe('passed');
    await proposal.getByTestId('proposal-approve').click();
    await page.getByTestId('modal-confirm').click();
    // A loaded machine can take more than the poll's default second to apply the step and refresh the inbox.
    await expect.poll(() => proposal.count(), { timeout: 15_000 }).toBe(0);

    // Offline starts as a rollout with a holdout, so the offer is testing on its new rung.
    await page.getByTestId('nav-ladder').click();
    const card = column(page, 'OFFLINE').locator(`[data-testid="offer-card"][data-offer="${offerId}"]`);
    await expectText(card.getByTestId('offer-state'), 'Testing');
    await card.getByTestId('offer-open').click();
    await expectText(page.getByTestId('offer-rung'), /offline/);
    const rollout = page.locator(`[data-testid="journey-experiment"][data-key="${key}-offline"]`);
    await expectText(rollout.getByTestId('experiment-status'), /running/i);
    await page.locator(`[data-testid="location-test"][data-key="${key}-offline"]`).waitFor();
  }, 120_000);
});
