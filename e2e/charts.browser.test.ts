import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Session, signIn } from './support';

/** The text of a chart's axis tick labels, in drawing order (recharts draws them in their own layer). */
const tickLabels = (chart: Locator, axis: 'xAxis' | 'yAxis') =>
  chart.locator(`.recharts-${axis}-tick-labels text`).allTextContents();

/** The distinct stroke colours of a chart's legend icons, as the browser computes them. */
async function legendColors(chart: Locator) {
  await chart.locator('.recharts-legend-item').first().waitFor();
  return chart
    .locator('.recharts-legend-item path, .recharts-legend-item line')
    .evaluateAll((icons) =>
      icons.map((icon) => getComputedStyle(icon).stroke || icon.getAttribute('stroke') || icon.getAttribute('fill')),
    );
}

/** Every dot of the chart lies inside its plotting area (a point at the edge is not cut in half). */
async function dotsInside(chart: Locator) {
  return chart.evaluate((root) => {
    const plot = root.querySelector('.recharts-cartesian-grid')?.getBoundingClientRect();
    const dots = [...root.querySelectorAll('.recharts-line-dots circle, .recharts-line-dot')].map((d) =>
      d.getBoundingClientRect(),
    );
    if (!plot) return { dots: 0, inside: false };
    const inside = dots.every(
      (d) =>
        d.left >= plot.left - 0.5 &&
        d.right <= plot.right + 0.5 &&
        d.top >= plot.top - 0.5 &&
        d.bottom <= plot.bottom + 0.5,
    );
    return { dots: dots.length, inside };
  });
}

const percentOf = (label: string) => Number(label.replace('%', '').replace('−', '-').replace('+', '')) / 100;

async function openResults(page: Page, key: string) {
  await page.goto(`/experiments/${key}`);
  await page.getByTestId('experiment-status').waitFor();
}

// Issue 14, charts: the lift over dates with its interval band, distinct legend colours, a single point drawn
// whole, evenly spaced 1-2-5 ticks, each variant's rate over time, and a location test's weekly chart.
describe('results charts', () => {
  let browser: Browser;
  let analyst: Session | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await analyst?.context.close();
    await browser?.close();
  });
  /** One analyst's session for the whole file, signed in by the first test that needs it. */
  const session = async () => {
    analyst ??= await signIn(browser, 'ANALYST');
    return analyst;
  };

  it('draws the cumulative lift over a date axis with a shaded interval band and its points inside the plot', async () => {
    const { page } = await session();
    await openResults(page, 'welcome-gift-email');
    const chart = page.getByTestId('lift-history-chart');
    await chart.locator('.recharts-line').first().waitFor({ state: 'attached', timeout: 30_000 });
    // A time axis: its ticks are dates ("28 Nov" or "28 Nov, 09:00"), not evaluation numbers or nothing.
    const xTicks = await tickLabels(chart, 'xAxis');
    expect(xTicks.length).toBeGreaterThan(1);
    for (const tick of xTicks) expect(tick).toMatch(/^\d{1,2} [A-Z][a-z]{2}/);
    // The interval is a shaded area (an error bar while there is one evaluation), the lift a line with a dot per
    // evaluation, none cut by the edge.
    const points = Number(await chart.getAttribute('data-points'));
    expect(await chart.locator(points > 1 ? '.recharts-area-area' : '.recharts-errorBar').count()).toBeGreaterThan(0);
    const dots = await dotsInside(chart);
    expect(dots.dots).toBeGreaterThan(0);
    expect(dots.inside).toBe(true);
    expect(await chart.locator('.recharts-legend-item').allTextContents()).toEqual(['Free tote bag: lift']);
    // The value axis steps evenly.
    const yTicks = (await tickLabels(chart, 'yAxis')).map(percentOf);
    const steps = new Set(yTicks.slice(1).map((t, i) => Math.round((t - yTicks[i]!) * 1e6)));
    expect(steps.size).toBe(1);
  });

  it('shows each variant’s conversion rate over time in its own legend colour', async () => {
    const { page } = await session();
    await openResults(page, 'welcome-gift-email');
    const chart = page.getByTestId('rate-history-chart');
    await chart.locator('.recharts-line').first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await chart.locator('.recharts-legend-item').allTextContents()).toEqual(['Current email', 'Free tote bag']);
    const colors = await legendColors(chart);
    expect(new Set(colors).size).toBe(2);
    const yTicks = await tickLabels(chart, 'yAxis');
    expect(yTicks.length).toBeGreaterThan(2);
    for (const tick of yTicks) expect(tick).toMatch(/%$/);
  });

  it('puts the interval chart’s ticks on an even 1-2-5 step through 0', async () => {
    const { page } = await session();
    await openResults(page, 'welcome-gift-email');
    const chart = page.getByTestId('lift-chart');
    await chart.locator('.recharts-xAxis-tick-labels text').first().waitFor({ state: 'attached', timeout: 30_000 });
    const ticks = (await tickLabels(chart, 'xAxis')).map(percentOf);
    expect(ticks).toContain(0);
    const steps = [...new Set(ticks.slice(1).map((t, i) => Math.round((t - ticks[i]!) * 1e6)))];
    expect(steps).toHaveLength(1);
    const step = steps[0]! / 1e6;
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 5]).toContain(Math.round(mantissa * 1e6) / 1e6);
  });

  it('draws a location test week by week: treated against holdout stores, before and after the start', async () => {
    const { page } = await session();
    await openResults(page, 'bundle-offline');
    const chart = page.getByTestId('location-weekly-chart');
    await chart.locator('.recharts-line').first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await chart.locator('.recharts-line').count()).toBe(2);
    await chart.getByText('Treated locations (mean)').waitFor();
    await chart.getByText('Holdout locations (mean)').waitFor();
    expect(await chart.locator('.recharts-reference-line').count()).toBe(1);
    expect(await chart.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count()).toBeGreaterThan(3);
  });
});
