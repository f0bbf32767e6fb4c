import type { Db } from '@uplift/db';
import { insertHypothesis, type TestWorkspace } from './fixtures';

/** An offline rollout already on the top rung (as the ladder leaves it), running since 2026-10-05. */
export async function offlineRollout(db: Db, ws: TestWorkspace) {
  const h = await insertHypothesis(db, ws, ws.users.MARKETER.id, { status: 'WON' });
  const offer = await db.offer.create({
    data: { workspaceId: ws.id, hypothesisId: h.id, name: 'Tote bag', rung: 'OFFLINE', state: 'TESTING' },
  });
  const k = `stores-${Math.random().toString(36).slice(2, 8)}`;
  return db.experiment.create({
    data: {
      workspaceId: ws.id,
      hypothesisId: h.id,
      offerId: offer.id,
      key: k,
      name: 'Stores',
      channel: 'OFFLINE',
      design: 'rollout',
      status: 'RUNNING',
      startedAt: new Date('2026-10-05T00:00:00Z'),
      seed: k,
      variants: [
        { key: 'holdout', name: 'Holdout', weight: 0.1 },
        { key: 'promo', name: 'Promo', weight: 0.9 },
      ],
      metrics: { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] },
      analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'none' },
      plannedUsers: 100,
    },
  });
}
