import { randomUUID } from 'node:crypto';
import type { Db } from '@uplift/db';
import type { Channel } from '@uplift/domain';

/**
 * An experiment as the worker leaves it once decided (status, outcome, one snapshot whose treatment `promo`
 * measured `lift`), inserted directly: the learning tests need ended experiments, not the path to them.
 */
export async function insertEndedExperiment(
  db: Db,
  ws: { id: string },
  o: {
    hypothesisId: string;
    createdById: string;
    channel?: Channel;
    status?: 'COMPLETED' | 'STOPPED' | 'RUNNING' | 'DRAFT';
    outcome?: 'WIN' | 'LOSS' | 'INCONCLUSIVE' | null;
    lift?: number;
    name?: string;
  },
) {
  const key = `ended-${randomUUID().slice(0, 8)}`;
  const outcome = o.outcome === undefined ? 'WIN' : o.outcome;
  const analysis = {
    variants: [
      { key: 'control', users: 1000, mean: 0.1 },
      { key: 'promo', users: 1000, mean: 0.1 * (1 + (o.lift ?? 0.12)), estimate: o.lift ?? 0.12, se: 0.03 },
    ],
  };
  return db.experiment.create({
    data: {
      workspaceId: ws.id,
      hypothesisId: o.hypothesisId,
      key,
      name: o.name ?? `Test ${key}`,
      channel: o.channel ?? 'EMAIL',
      status: o.status ?? 'COMPLETED',
      seed: key,
      variants: [
        { key: 'control', name: 'Current', weight: 0.5 },
        { key: 'promo', name: 'Promo', weight: 0.5 },
      ],
      metrics: { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] },
      analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'holm' },
      plannedUsers: 2000,
      outcome,
      createdById: o.createdById,
      snapshots: {
        create: {
          dataVersion: 1,
          users: 2000,
          analysis,
          guardrails: [],
          outcome: outcome ?? 'KEEP_RUNNING',
          reason: 'test',
          winner: outcome === 'WIN' ? 'promo' : null,
        },
      },
    },
  });
}
