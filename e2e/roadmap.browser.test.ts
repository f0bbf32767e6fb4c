import { horizonValue, type PlannedStart, type Roadmap, scheduleRoadmap, ZRoadmapInput } from '@uplift/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectText,
  launchBrowser,
  signIn,
  submittedHypothesis,
  trpcMutation,
  trpcQuery,
  uniqueTitle,
} from './support';

/** The plan scheduleRoadmap gives for the input the api answers (dates as ISO strings over the wire). */
async function expectedPlan(page: Page, change: (input: ReturnType<typeof ZRoadmapInput.parse>) => void = () => {}) {
  const { input } = await trpcQuery<{ input: unknown }>(page, 'roadmap.input');
  const parsed = ZRoadmapInput.parse(input);
  change(parsed);
  return { roadmap: scheduleRoadmap(parsed), ideas: parsed.hypotheses.length };
}

const sentenceOf = ({ roadmap, ideas }: { roadmap: Roadmap; ideas: number }) =>
  new RegExp(
    `^This quarter: ${roadmap.quarter.fits} of ${ideas} approved ideas? fits?; the backlog holds ${roadmap.quarter.weeksOfBacklog} weeks? of `,
  );

/** How the page writes a ratio such as the ROI: +140%. */
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});

/** Total weeks of the planned bars of a channel on the page. */
const plannedWeeks = (page: Page, channel: string) =>
  page
    .locator(`[data-testid="roadmap-bar"][data-kind="planned"][data-channel="${channel}"] rect`)
    .evaluateAll((rects) => rects.reduce((sum, r) => sum + Number(r.getAttribute('data-weeks')), 0));

describe('the test roadmap', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plans the demo’s approved ideas as the scheduler does, and a what-if capacity redraws it', async () => {
    const { context, page } = await signIn(browser, 'ANALYST');
    try {
      const expected = await expectedPlan(page);
      expect(expected.roadmap.scheduled.some((s) => s.channel === 'EMAIL')).toBe(true);

      await page.getByTestId('nav-roadmap').click();
      const sentence = page.getByTestId('roadmap-sentence');
      await expectText(sentence, sentenceOf(expected));
      const bars = page.locator('[data-testid="roadmap-bar"][data-kind="planned"]');
      expect(await bars.count()).toBe(expected.roadmap.scheduled.length);
      expect(await page.locator('[data-testid="roadmap-bar"][data-kind="running"]').count()).toBe(
        expected.roadmap.running.length,
      );
      // Each planned test's value within the horizon, beside its ROI: (gain × max(0, H − endWeek·12/52) − C) / C.
      const data = await trpcQuery<{ input: unknown; labels: Record<string, { cost: number }>; horizonMonths: number }>(
        page,
        'roadmap.input',
      );
      const gainOf = new Map(ZRoadmapInput.parse(data.input).hypotheses.map((h) => [h.id, h.expectedMonthlyGain]));
      expect(await page.getByTestId('roadmap-value-row').count()).toBe(expected.roadmap.scheduled.length);
      for (const s of expected.roadmap.scheduled) {
        const value = horizonValue({
          expectedMonthlyGain: gainOf.get(s.id) ?? Number.NaN,
          cost: data.labels[s.id]?.cost ?? Number.NaN,
          horizonMonths: data.horizonMonths,
          endWeek: s.endWeek,
        });
        expect(value).not.toBeNull();
        const cell = page.locator(
          `[data-testid="roadmap-value-row"][data-id="${s.id}"] [data-testid="cell-horizon-value"]`,
        );
        expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(value ?? Number.NaN, 9);
        expect(await cell.textContent()).toBe(percent.format(value ?? Number.NaN));
      }
      const emailWeeks = await plannedWeeks(page, 'EMAIL');
      expect(emailWeeks).toBe(
        expected.roadmap.scheduled.filter((s) => s.channel === 'EMAIL').reduce((sum, s) => sum + s.weeks, 0),
      );

      // What if email could reach twice the recipients a week?
      const units = page.getByTestId('what-if-EMAIL-unitsPerWeek');
      const doubled = Number((await units.inputValue()).replace(/\D/g, '')) * 2;
      const after = await expectedPlan(page, (input) => {
        const email = input.channels.EMAIL;
        if (email) input.channels.EMAIL = { ...email, unitsPerWeek: doubled };
      });
      await units.fill(String(doubled));
      await expectText(sentence, sentenceOf(after));
      expect(await bars.count()).toBe(after.roadmap.scheduled.length);
      expect(await plannedWeeks(page, 'EMAIL')).toBe(
        after.roadmap.scheduled.filter((s) => s.channel === 'EMAIL').reduce((sum, s) => sum + s.weeks, 0),
      );
      // The email test planned first now takes fewer weeks on the page.
      const first = expected.roadmap.scheduled.find((s) => s.channel === 'EMAIL' && s.weeks > 1);
      if (first) {
        const rect = page.locator(`[data-testid="roadmap-bar"][data-id="${first.id}"] rect`);
        expect(Number(await rect.getAttribute('data-weeks'))).toBeLessThan(first.weeks);
      }
      await page.getByText('the workspace’s settings are unchanged').waitFor();

      // Reset brings the saved capacity back; the settings never changed.
      await page.getByTestId('what-if-reset').click();
      await expectText(sentence, sentenceOf(expected));
      expect(await plannedWeeks(page, 'EMAIL')).toBe(emailWeeks);
      const saved = await trpcQuery<{ capacity: { EMAIL?: { unitsPerWeek: number } } }>(page, 'workspace.get');
      expect(saved.capacity.EMAIL?.unitsPerWeek).toBe(doubled / 2);
    } finally {
      await context.close();
    }
  });

  it('emptying a what-if box clears that channel: the plan names it, and a number brings the plan back', async () => {
    const { context, page } = await signIn(browser, 'ANALYST');
    try {
      await page.getByTestId('nav-roadmap').click();
      const sentence = page.getByTestId('roadmap-sentence');
      await sentence.waitFor();
      const units = page.getByTestId('what-if-EMAIL-unitsPerWeek');
      const saved = await units.inputValue();
      await units.fill('');
      await expectText(page.getByTestId('roadmap-missing-capacity'), /channels\.EMAIL: no capacity is set/);
      // The item that needs the channel is named by its title, as the page names it, not by a database id.
      const { input, labels } = await trpcQuery<{
        input: { hypotheses: { id: string; channel: string }[] };
        labels: Record<string, { title: string }>;
      }>(page, 'roadmap.input');
      const first = input.hypotheses.find((h) => h.channel === 'EMAIL');
      const title = labels[first?.id ?? '']?.title;
      expect(title).toBeTruthy();
      await expectText(page.getByTestId('roadmap-missing-capacity'), `but "${title}" runs on EMAIL`);
      expect(await sentence.count()).toBe(0);
      await units.fill(saved.replace(/\D/g, ''));
      await expectText(sentence, /^This quarter: /);
      expect(await page.getByTestId('roadmap-missing-capacity').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('an approved idea shows its planned start week in the backlog, from the plan the worker stored', async () => {
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    try {
      const title = uniqueTitle('Roadmap start');
      const id = await submittedHypothesis(page, title);
      expect((await trpcMutation(page, 'hypothesis.approve', { id, reason: 'Fits this quarter' })).status).toBe(200);
      // The worker replans a moment after the approval (roadmap.recompute).
      let start: PlannedStart | undefined;
      await expect
        .poll(
          async () => {
            start = (await trpcQuery<{ starts: Record<string, PlannedStart> } | null>(page, 'roadmap.get'))?.starts[id];
            return start?.kind;
          },
          { timeout: 20_000 },
        )
        .toBe('scheduled');
      const week = start?.kind === 'scheduled' ? start.startWeek : -1;
      await page.goto(`/?q=${encodeURIComponent(title)}`);
      const row = page.locator(`[data-testid="backlog-row"][data-id="${id}"]`);
      await expectText(
        row.getByTestId('planned-start'),
        week === 0 ? 'planned start: this week' : `planned start: week ${week}`,
      );
    } finally {
      await context.close();
    }
  });

  it('a channel without capacity is named, with a link to settings, instead of a plan', async () => {
    const { context, page } = await signIn(browser, 'PRODUCT_OWNER');
    const { capacity } = await trpcQuery<{ capacity: Record<string, unknown> }>(page, 'workspace.get');
    expect(capacity.BANNER).toBeDefined();
    try {
      expect((await trpcMutation(page, 'workspace.updateSettings', { capacity: { BANNER: null } })).status).toBe(200);
      await page.getByTestId('nav-roadmap').click();
      const missing = page.getByTestId('roadmap-missing-capacity');
      await expectText(missing, /channels\.BANNER: no capacity is set/);
      expect(await page.getByTestId('roadmap-sentence').count()).toBe(0);
      await missing.getByRole('link', { name: /Settings/ }).click();
      await page.getByTestId('capacity-BANNER-unitsPerWeek').waitFor();
    } finally {
      // Leave the demo's capacity as the other tests expect it, even when an assertion failed.
      const restored = await trpcMutation(page, 'workspace.updateSettings', { capacity: { BANNER: capacity.BANNER } });
      expect(restored.status).toBe(200);
      await context.close();
    }
  });
});
