import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentFormFor } from './experiment-form-support';
import { expectText, experimentEvents, launchBrowser, postEvents, selectOption, signIn, uniqueTitle } from './support';

// Issue 11 on screen: the futility bound on the form, the Bayesian rule under the results, CUPED's adjusted and
// raw figures once the exposures carry pre-period values.
describe('decision rules on the experiment pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers the minimum worthwhile lift for a sequential test, and explains a running Bayesian test with CUPED', async () => {
    const owner = await signIn(browser, 'PRODUCT_OWNER');
    const admin = await signIn(browser, 'ADMIN');
    const { page } = owner;
    const key = await experimentFormFor(page, uniqueTitle('E2E decision rules'));

    await selectOption(page, 'field-engine', 'Frequentist (p-values)');
    if (!(await page.getByTestId('field-sequential').isChecked())) await page.getByTestId('field-sequential').click();
    await page.getByTestId('field-minLift').waitFor();
    await page.getByText("Empty: half the hypothesis' expected lift, at least 1%").waitFor();
    await page.getByTestId('field-sequential').click();
    expect(await page.getByTestId('field-minLift').count()).toBe(0);

    await selectOption(page, 'field-engine', 'Bayesian (chance to win)');
    await page.getByTestId('field-plannedUsers').fill('20000');
    await page.getByTestId('field-start').check();
    await page.getByTestId('experiment-save').click();
    await page.waitForURL((url) => url.pathname === `/experiments/${key}`);

    await admin.page.getByTestId('nav-integrations').click();
    await admin.page.getByTestId('apikey-name').fill(`E2E rules ${key}`);
    await admin.page.getByTestId('apikey-create').click();
    const token = ((await admin.page.getByTestId('apikey-token').textContent()) ?? '').trim();

    // Every exposure carries its unit's pre-period value (here: whether it bought before, which predicts now).
    const events = [...experimentEvents(key, 'control', 100), ...experimentEvents(key, 'treatment', 160)];
    const converts = new Set(events.filter((e) => e.type === 'conversion').map((e) => e.unit));
    const withCovariates = events.map((e, i) =>
      e.type === 'exposure' ? { ...e, covariate: converts.has(e.unit) !== (i % 7 === 0) ? 1 : 0 } : e,
    );
    await postEvents(token, withCovariates);

    await expectText(page.getByTestId('bayesian-note'), /A Bayesian result is not final until/, 30_000);
    await expectText(page.getByTestId('cuped-line'), /adjusted, .* raw .*CUPED cut the interval by \d+%/, 30_000);
    await expectText(page.getByTestId('progress-users'), /2,000 of [\d,]+ planned users/);
    await owner.context.close();
    await admin.context.close();
  });
});
