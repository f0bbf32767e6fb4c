import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentFormFor } from './experiment-form-support';
import { expectText, launchBrowser, signIn, uniqueTitle } from './support';

describe('a draft experiment edited before it starts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a third variant and a new sample, then freezes once started', async () => {
    const title = uniqueTitle('E2E edited draft');
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const analyst = await signIn(browser, 'ANALYST');
    const { page } = owner;
    try {
      // A draft: created, not started.
      const key = await experimentFormFor(page, title);
      await expectText(page.getByTestId('planned-suggestion'), /Suggested [\d,]+/);
      await page.getByTestId('field-plannedUsers').fill('2000');
      expect(await page.getByTestId('field-start').isChecked()).toBe(false);
      await expectText(page.getByTestId('experiment-save'), 'Create draft');
      await page.getByTestId('experiment-save').click();
      // Below the suggested sample: a warning to confirm (input-guards.browser.test.ts).
      await page.getByTestId('warnings-confirm').click();
      await page.waitForURL((url) => url.pathname === `/experiments/${key}`);
      await expectText(page.getByTestId('experiment-status'), /draft/i);

      // Someone who may not create experiments sees no Edit, and the edit page tells them so.
      await analyst.page.goto(`/experiments/${key}`);
      await analyst.page.getByTestId('experiment-page').waitFor();
      expect(await analyst.page.getByTestId('action-edit').count()).toBe(0);
      await analyst.page.goto(`/experiments/${key}/edit`);
      await analyst.page.getByTestId('forbidden').waitFor();

      // The form opens with the draft's own setup; the key, hypothesis and channel only show.
      await page.getByTestId('action-edit').click();
      await page.waitForURL((url) => url.pathname === `/experiments/${key}/edit`);
      await page.getByTestId('experiment-form').waitFor();
      expect(await page.getByTestId('field-key').inputValue()).toBe(key);
      expect(await page.getByTestId('field-key').getAttribute('readonly')).not.toBeNull();
      expect(await page.getByTestId('field-hypothesis').inputValue()).toBe(title);
      expect(await page.getByTestId('field-channel').inputValue()).toBe('Email');
      expect(await page.getByTestId('field-plannedUsers').inputValue()).toBe('2,000');
      expect(await page.getByTestId('variant-row').count()).toBe(2);

      await page.getByTestId('variants-add').click();
      await page.getByTestId('variant-name-2').fill('Bigger coupon');
      await page.getByTestId('variant-weight-0').fill('0.8');
      await page.getByTestId('variants-error').waitFor();
      await page.getByTestId('variants-equal').click();
      expect(await page.getByTestId('variants-error').count()).toBe(0);
      await page.getByTestId('field-plannedUsers').fill('3000');
      await expectText(page.getByTestId('experiment-save'), 'Save changes');
      await page.getByTestId('experiment-save').click();
      await page.getByTestId('warnings-confirm').click();

      // Back on the experiment page, which shows the new setup.
      await page.waitForURL((url) => url.pathname === `/experiments/${key}`);
      await expectText(page.getByTestId('progress-users'), '0 of 3,000 planned users');
      await page.getByTestId('tab-setup').click();
      const rows = page.getByTestId('setup-variants').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      await expectText(rows.nth(0), /control.*Control.*33\.33%/);
      await expectText(rows.nth(1), /treatment.*Treatment.*33\.33%/);
      await expectText(rows.nth(2), /treatment-2.*Bigger coupon.*33\.34%/);
      await expectText(page.getByTestId('setup-summary'), /Planned users3,000/);
      await expectText(page.getByTestId('setup-summary'), 'Winner sendNone: the whole list is in the test');

      // Once started, the setup is frozen: no Edit, and the edit page says why.
      await page.getByTestId('action-start').click();
      await expectText(page.getByRole('dialog'), /units are assigned from this moment/);
      await page.getByTestId('modal-confirm').click();
      await expectText(page.getByTestId('experiment-status'), /running/i);
      await expect.poll(() => page.getByTestId('action-edit').count()).toBe(0);
      await page.goto(`/experiments/${key}/edit`);
      await expectText(page.getByTestId('experiment-frozen'), /running.*frozen once running/i);
      await page.getByTestId('experiment-frozen-back').click();
      await page.waitForURL((url) => url.pathname === `/experiments/${key}`);
      await page.getByTestId('experiment-page').waitFor();
    } finally {
      await owner.context.close();
      await analyst.context.close();
    }
  });
});
