import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  experimentEvents,
  postEvents,
  resultOf,
  submittedHypothesis,
  trpcMutation,
  trpcQuery,
  uniqueTitle,
} from './support';

/** An ingest API key made by an admin's page, as an email tool would be given one; `revoke` when done. */
export async function ingestKey(admin: Page, name: string) {
  const created = resultOf<{ id: string; token: string }>(
    await trpcMutation(admin, 'apiKey.create', { name, scopes: ['ingest'] }),
    'apiKey.create',
  );
  return { token: created.token, revoke: () => trpcMutation(admin, 'apiKey.revoke', { id: created.id }) };
}

/**
 * A running email experiment (control vs treatment, fixed horizon at α = 0.05) of an approved hypothesis about
 * `offer`, so the offer starts on the ladder's first rung; returns its key.
 */
export async function runningEmailExperiment(
  page: Page,
  offer: string,
  fields: { plannedUsers: number; segmentAttribute?: string; key?: string },
) {
  const hypothesisId = await submittedHypothesis(page, uniqueTitle(`E2E ${offer}`), { offer });
  resultOf(await trpcMutation(page, 'hypothesis.approve', { id: hypothesisId }), 'hypothesis.approve');
  const created = resultOf<{ key: string }>(
    await trpcMutation(page, 'experiment.create', {
      key: `e2e-${Date.now()}-${Math.floor(Math.random() * 1000)}`,
      hypothesisId,
      variants: [
        { key: 'control', name: 'Current email', weight: 0.5 },
        { key: 'treatment', name: 'Coupon email', weight: 0.5 },
      ],
      metrics: { primary: { name: 'purchases', kind: 'binomial' } },
      analysis: { engine: 'frequentist', sequential: null, alpha: 0.05 },
      start: true,
      ...fields,
    }),
    'experiment.create',
  );
  return created.key;
}

/**
 * 10% vs 16% of 1,000 units each: a clear win at the planned 2,000. Waits until the experiment completes,
 * confirming the decision when the workspace asks a product owner to.
 */
export async function postClearWin(page: Page, token: string, key: string) {
  await postEvents(token, [...experimentEvents(key, 'control', 100), ...experimentEvents(key, 'treatment', 160)]);
  await completed(page, key);
}

/**
 * Waits until the worker has evaluated the experiment to its end, confirming the decision when the workspace
 * asks a product owner to (the ladder moves only on a confirmed decision).
 */
export async function completed(page: Page, key: string, timeout = 90_000) {
  await expect
    .poll(
      async () => {
        const results = await trpcQuery<{ status: string; pendingConfirmation: string | null }>(
          page,
          'experiment.results',
          { key },
        );
        if (results.status === 'RUNNING' && results.pendingConfirmation) {
          resultOf(await trpcMutation(page, 'experiment.confirmDecision', { key }), 'experiment.confirmDecision');
        }
        return results.status;
      },
      { timeout, interval: 1_000 },
    )
    .toBe('COMPLETED');
}

export interface LadderSettings {
  ladder: string[];
  policies: Record<string, { approval?: string; readinessGate?: boolean }>;
  priorDiscount: number;
}

/** Runs `work` under other ladder settings and puts the workspace's own back afterwards, whatever happens. */
export async function withLadder<T>(page: Page, change: (s: LadderSettings) => LadderSettings, work: () => Promise<T>) {
  const { ladder, policies, priorDiscount } = await trpcQuery<LadderSettings>(page, 'ladder.board');
  const original = { ladder, policies, priorDiscount };
  resultOf(await trpcMutation(page, 'ladder.updateSettings', change(original)), 'ladder.updateSettings');
  try {
    return await work();
  } finally {
    resultOf(await trpcMutation(page, 'ladder.updateSettings', original), 'ladder.updateSettings (restore)');
  }
}

/**
 * A running offline rollout of a new offer, the way a workspace whose ladder goes email → offline with no
 * approval gets one: a clear email win steps up at once. The workspace's own ladder is put back after.
 */
export async function offlineRollout(page: Page, token: string, offer: string) {
  const straightToStores = (s: LadderSettings): LadderSettings => ({
    ...s,
    ladder: ['EMAIL', 'OFFLINE', ...s.ladder.filter((r) => r !== 'EMAIL' && r !== 'OFFLINE')],
    policies: { ...s.policies, OFFLINE: { ...s.policies.OFFLINE, approval: 'none', readinessGate: false } },
  });
  return withLadder(page, straightToStores, async () => {
    const email = await runningEmailExperiment(page, offer, { plannedUsers: 2000 });
    await postClearWin(page, token, email);
    const key = `${email}-offline`;
    type Row = { experiment: { status: string; offerId: string } };
    let offerId = '';
    // The step up creates the rollout with the decision; poll in case the worker lags behind the status.
    await expect
      .poll(
        async () => {
          const rollout = await trpcQuery<Row>(page, 'experiment.get', { key }).catch(() => null);
          offerId = rollout?.experiment.offerId ?? '';
          return rollout?.experiment.status;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe('RUNNING');
    return { key, offerId };
  });
}
