import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, launchBrowser, selectOption, signIn } from './support';

const roisOnPage = async (page: Page) =>
  (await page.getByTestId('cell-roi').allTextContents()).map((t) => Number(t.replace(/[^0-9.-]/g, '')));

const sorted = (xs: number[], direction: 'asc' | 'desc') =>
  xs.every((x, i) => i === 0 || (direction === 'desc' ? (xs[i - 1] as number) >= x : (xs[i - 1] as number) <= x));

describe('the backlog', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('searches, filters, sorts and pages on the server; an analyst only reads', async () => {
    const { context, page } = await signIn(browser, 'ANALYST');
    await page.getByTestId('backlog-table').waitFor();
    // Analysts read; the pages for writing are not offered.
    expect(await page.getByTestId('nav-new').count()).toBe(0);
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    expect(await page.getByTestId('nav-members').count()).toBe(0);
    expect(await page.getByTestId('backlog-new').count()).toBe(0);

    // Ranked by default: pinned first, then ROI; ranks count up from 1.
    await expectText(page.getByTestId('cell-rank'), /^1/);

    await page.getByTestId('backlog-search').fill('webinar invite');
    await expect.poll(() => page.getByTestId('backlog-row').count()).toBe(1);
    await expectText(page.getByTestId('cell-title'), /webinar invite/i);
    expect(new URL(page.url()).searchParams.get('q')).toBe('webinar invite');
    await page.getByTestId('filters-clear').click();

    await selectOption(page, 'filter-status', 'Approved');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => new Set(await page.getByTestId('status-badge').allTextContents()))
      .toEqual(new Set(['Approved']));

    await page.getByTestId('sort-roi').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('roi');
    // Polled as the list itself (and the address), so a failure shows what the page held.
    await expect
      .poll(async () => ({ url: page.url(), rois: await roisOnPage(page) }))
      .toSatisfy(({ rois }) => rois.length > 1 && sorted(rois, 'desc'));
    // A second click flips it.
    await page.getByTestId('sort-roi').click();
    await expect
      .poll(async () => ({ url: page.url(), rois: await roisOnPage(page) }))
      .toSatisfy(({ rois }) => rois.length > 1 && sorted(rois, 'asc'));

    await page.getByTestId('filters-clear').click();
    await expectText(page.getByTestId('backlog-total'), /^1–25 of \d+$/);
    const total = Number((await page.getByTestId('backlog-total').textContent())?.split(' of ')[1]);
    expect(total).toBeGreaterThan(25);
    await page.getByTestId('backlog-pagination').getByRole('button', { name: '2', exact: true }).click();
    await expectText(page.getByTestId('backlog-total'), `26–${Math.min(total, 50)} of ${total}`);
    await context.close();
  });
});
