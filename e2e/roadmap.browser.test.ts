import { type Roadmap, scheduleRoadmap, ZRoadmapInput } from '@uplift/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText, launchBrowser, signIn, trpcMutation, trpcQuery } from './support';

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
