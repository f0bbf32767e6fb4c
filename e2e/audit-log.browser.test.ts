import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestKey, postClearWin, runningEmailExperiment } from './ladder-support';
import { demoUser, expectText, launchBrowser, signIn, trpcQuery, uniqueTitle } from './support';

// Issue 14, the audit log: human labels instead of codes, the object's name linked to its page, and the worker
// named as "Uplift (automatic)" instead of a dash.
describe('the audit log reads as sentences', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the experiment the worker decided, links it, and says the worker did it', async () => {
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const key = await ingestKey(admin.page, uniqueTitle('E2E audit'));
    try {
      const experiment = await runningEmailExperiment(owner.page, uniqueTitle('audit tote'), { plannedUsers: 2_000 });
      await postClearWin(owner.page, key.token, experiment);
      const { experiment: row } = await trpcQuery<{ experiment: { name: string } }>(owner.page, 'experiment.get', {
        key: experiment,
      });

      await owner.page.goto('/audit');
      await owner.page.getByTestId('audit-table').waitFor();
      const decided = owner.page
        .getByTestId('audit-row')
        .filter({ has: owner.page.locator(`a[href="/experiments/${experiment}"]`) })
        .and(owner.page.locator('[data-action="experiment.complete"]'));
      await expectText(decided.getByTestId('audit-action'), 'Experiment decided');
      await expectText(decided.getByTestId('audit-actor'), 'Uplift (automatic)');
      await expectText(decided.getByTestId('audit-subject'), `Experiment · ${row.name}`);

      // No action anywhere in the log reads as a code (`offer.promote`, `experiment.report`).
      const actions = await owner.page.getByTestId('audit-action').allTextContents();
      expect(actions.length).toBeGreaterThan(3);
      expect(actions.filter((a) => /^[a-z]+[A-Za-z]*(\.[A-Za-z+]+)+$/.test(a.trim()))).toEqual([]);
      expect(await owner.page.getByTestId('audit-actor').filter({ hasText: /^—$/ }).count()).toBe(0);
      // A person is named by their email: the product owner created and started the same experiment.
      const started = owner.page
        .getByTestId('audit-row')
        .filter({ has: owner.page.locator(`a[href="/experiments/${experiment}"]`) })
        .and(owner.page.locator('[data-action="experiment.create+start"]'));
      await expectText(started.getByTestId('audit-actor'), demoUser('PRODUCT_OWNER').email);
      await expectText(started.getByTestId('audit-action'), 'Experiment created and started');

      // The name leads to the experiment's page.
      await decided.getByTestId('audit-subject-link').click();
      await owner.page.waitForURL(`**/experiments/${experiment}`);
      await owner.page.getByTestId('experiment-status').waitFor();
    } finally {
      await key.revoke();
      await owner.context.close();
      await admin.context.close();
    }
  });
});
