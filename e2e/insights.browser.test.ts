import { readFile } from 'node:fs/promises';
import type { StoredInsights } from '@uplift/domain';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, launchBrowser, type Session, signIn, trpcMutation, trpcQuery } from './support';

/** What insights.get answers (dates as ISO strings over the wire). */
interface Insights {
  computedAt: string;
  completedTests: number;
  figures: StoredInsights;
}

const getInsights = (page: Page) => trpcQuery<Insights | null>(page, 'insights.get');
const iso = (at: string) => new Date(at).toISOString();

/** The text of every cell of a table, header row first. */
async function tableText(page: Page, name: string) {
  const table = page.getByTestId(`insights-table-${name}`);
  await table.waitFor();
  const header = await table.locator('thead th').allTextContents();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return { header, rows };
}

/**
 * Signs in as an analyst (the page is for every role, not only those who manage the workspace), reads the figures
 * through the api, then opens Insights from the menu.
 */
async function openInsights(browser: Browser) {
  const session = await signIn(browser, 'ANALYST');
  const { page } = session;
  let insights = await getInsights(page);
  if (insights === null) {
    // A database seeded before the demo's figures were computed: ask for them, as the page's button does.
    await trpcMutation(page, 'insights.recompute', {});
    await expect.poll(async () => (insights = await getInsights(page)), { timeout: 30_000 }).not.toBeNull();
  }
  await page.getByTestId('nav-insights').click();
  await page.getByTestId('insights-page').waitFor();
  return { session, page, insights: insights as unknown as Insights };
}

describe('Insights page', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  const open = async () => {
    const opened = await openInsights(browser);
    sessions.push(opened.session);
    return opened;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
  });

  it('shows when the figures were computed and the win rate over every completed test', async () => {
    const { page, insights } = await open();
    const computed = page.getByTestId('insights-computed-at');
    await expectText(computed, new RegExp(`^Computed .+ from ${insights.completedTests} completed tests$`));
    expect(await computed.getAttribute('data-computed-at')).toBe(iso(insights.computedAt));

    const { header, rows } = await tableText(page, 'winrates');
    expect(header.slice(0, 3)).toEqual(['By', 'Group', 'Tests (n)']);
    expect(rows[0]?.slice(0, 3)).toEqual(['Workspace', 'All tests', String(insights.figures.calibration.winRate.n)]);
    const { winRateByStage, winRateByChannel } = insights.figures.calibration;
    expect(rows).toHaveLength(1 + winRateByStage.length + winRateByChannel.length);

    // The formulas are one click away for whoever wants to check a figure.
    await page.getByTestId('insights-how').click();
    await expectText(page.getByTestId('insights-how-drawer'), /Brier score.*mean\(\(c − won\)²\)/);
  });

  it('draws every chart with one series per channel and one point per test, bucket or stage', async () => {
    const { page, insights } = await open();
    const f = insights.figures;
    const count = (block: string, selector: string) => page.getByTestId(block).locator(selector).count();
    const channels = new Set(f.experiments.map((e) => e.channel)).size;
    await expect
      .poll(() => count('insights-gain-chart', '.recharts-area-curve'))
      .toBe(f.gainOverTime[0]?.byChannel.length);
    await expect.poll(() => count('insights-scatter', '.recharts-scatter')).toBe(channels);
    await expect.poll(() => count('insights-scatter', '.recharts-scatter-symbol')).toBe(f.experiments.length);
    const buckets = f.calibration.buckets.filter((b) => b.n > 0).length;
    await expect.poll(() => count('insights-reliability', '.recharts-scatter-symbol')).toBe(buckets);
    const stages = f.funnel.stages.filter((s) => s.conversion !== null).length;
    await expect.poll(() => count('insights-funnel', '.recharts-bar-rectangle')).toBe(2 * stages);

    // The scatter's tooltip names the test under the pointer.
    await page.getByTestId('insights-scatter').locator('.recharts-scatter-symbol').first().hover();
    const keys = f.experiments.map((e) => e.key);
    const tooltip = (await page.getByTestId('insights-scatter-tooltip').textContent()) ?? '';
    expect(keys.some((key) => tooltip.startsWith(key))).toBe(true);
  });

  it('exports the P&L by quarter as a CSV with the table’s header and rows', async () => {
    const { page, insights } = await open();
    const shown = await tableText(page, 'pnl-quarter');
    expect(shown.rows).toHaveLength(insights.figures.pnl.byQuarter.length);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('insights-export-pnl-quarter').click(),
    ]);
    expect(download.suggestedFilename()).toBe('insights-pnl-quarter.csv');
    const parsed = Papa.parse<string[]>(await readFile(await download.path(), 'utf8'), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(shown.header);
    expect(rows).toEqual(shown.rows);
  });

  it('recomputes on request and shows the new time', async () => {
    const { page } = await open();
    const computed = page.getByTestId('insights-computed-at');
    const before = (await computed.getAttribute('data-computed-at')) ?? '';
    await page.getByTestId('insights-recompute').click();
    await expect.poll(() => computed.getAttribute('data-computed-at'), { timeout: 30_000 }).not.toBe(before);
    const after = await getInsights(page);
    expect(await computed.getAttribute('data-computed-at')).toBe(iso(after?.computedAt ?? ''));
    expect(Date.parse(iso(after?.computedAt ?? ''))).toBeGreaterThan(Date.parse(before));
    await expectText(computed, /^Computed just now /);
  });
});
