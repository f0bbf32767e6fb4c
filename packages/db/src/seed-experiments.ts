import {
  assignVariant,
  cumulativeWeights,
  type ExperimentMetrics,
  evaluateExperiment,
  type VariantDefinition,
} from '@uplift/domain';
import type { Db } from './client';
import type { Prisma } from './generated/prisma/client';
import { ingestEvents, type PreparedEvent } from './repositories/ingestion';

const json = (v: unknown) => v as Prisma.InputJsonValue;
const VARIANTS: VariantDefinition[] = [
  { key: 'control', name: 'Current email', weight: 0.5 },
  { key: 'gift', name: 'Free tote bag', weight: 0.5 },
];
const METRICS: ExperimentMetrics = {
  primary: { name: 'purchase', kind: 'binomial' },
  guardrails: [{ name: 'unsubscribe', kind: 'binomial', direction: 'down' }],
};
const ANALYSIS = { engine: 'frequentist' as const, sequential: null, alpha: 0.05, correction: 'holm' as const };

/** A deterministic stand-in for randomness: the demo looks the same on every machine. */
const chance = (unit: string, salt: string) => {
  let h = 2166136261;
  for (const c of salt + unit) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) / 2 ** 32;
};

/**
 * Demo experiments: the TESTING welcome-series idea runs with 6,000 exposed subscribers so far (the worker
 * evaluates it when it starts), and the WON cart-reminder idea shows a completed test from a campaign report.
 */
export async function seedDemoExperiments(db: Db, workspaceId: string, ownerId: string) {
  const running = await db.hypothesis.findFirst({ where: { workspaceId, title: { startsWith: 'Welcome series' } } });
  const won = await db.hypothesis.findFirst({ where: { workspaceId, title: { startsWith: 'Abandoned cart email' } } });
  const startedAt = new Date(Date.now() - 6 * 86_400_000);
  if (running) {
    const e = await db.experiment.create({
      data: {
        workspaceId,
        hypothesisId: running.id,
        key: 'welcome-gift-email',
        name: 'Welcome series: free tote bag',
        channel: 'EMAIL',
        status: 'RUNNING',
        seed: 'welcome-gift-email',
        variants: json(VARIANTS),
        metrics: json(METRICS),
        analysis: json(ANALYSIS),
        plannedUsers: 20_000,
        startedAt,
        createdById: ownerId,
      },
    });
    const bounds = cumulativeWeights(VARIANTS.map((v) => v.weight));
    const events: PreparedEvent[] = [];
    for (let i = 0; i < 6_000; i++) {
      const unit = `subscriber-${i}@example.com`;
      const variant = VARIANTS[assignVariant(e.seed, unit, bounds)]?.key as string;
      const ts = new Date(startedAt.getTime() + i * 86_000);
      const base = { experimentId: e.id, unitId: unit, segment: '', value: null, ts };
      events.push({ ...base, eventId: `x-${i}`, type: 'exposure', variant, metric: null, kind: null });
      if (chance(unit, 'buy') < (variant === 'gift' ? 0.05 : 0.04)) {
        events.push({ ...base, eventId: `p-${i}`, type: 'conversion', variant, metric: 'purchase', kind: 'binomial' });
      }
      if (chance(unit, 'unsub') < 0.004) {
        events.push({
          ...base,
          eventId: `u-${i}`,
          type: 'conversion',
          variant,
          metric: 'unsubscribe',
          kind: 'binomial',
        });
      }
    }
    for (let i = 0; i < events.length; i += 5_000) await ingestEvents(db, events.slice(i, i + 5_000));
  }
  if (won) {
    const report = {
      metric: 'purchase',
      variants: [
        { key: 'control', users: 15_000, conversions: 1_200 },
        { key: 'gift', users: 15_000, conversions: 1_395 },
      ],
    };
    const evaluation = evaluateExperiment({
      variants: VARIANTS,
      metrics: { primary: METRICS.primary, guardrails: [] },
      analysis: ANALYSIS,
      plannedUsers: 30_000,
      segmentAttribute: null,
      aggregates: [],
      reports: [report],
      decision: { winChance: 0.95, maxRisk: 0.0025, lossChance: 0.05 },
    });
    const ended = new Date(Date.now() - 20 * 86_400_000);
    await db.experiment.create({
      data: {
        workspaceId,
        hypothesisId: won.id,
        key: 'cart-reminder-1h',
        name: 'Cart reminder after 1 hour',
        channel: 'EMAIL',
        status: 'COMPLETED',
        seed: 'cart-reminder-1h',
        variants: json([VARIANTS[0], { key: 'gift', name: 'Reminder at 1 h', weight: 0.5 }]),
        metrics: json({ primary: METRICS.primary, guardrails: [] }),
        analysis: json(ANALYSIS),
        plannedUsers: 30_000,
        dataVersion: 1,
        evaluatedVersion: 1,
        evaluatedAt: ended,
        outcome: evaluation.decision.outcome,
        outcomeReason: evaluation.decision.reason,
        startedAt: new Date(ended.getTime() - 14 * 86_400_000),
        endedAt: ended,
        createdById: ownerId,
        reports: { create: { metric: 'purchase', variants: json(report.variants), source: 'csv', createdBy: ownerId } },
        snapshots: {
          create: {
            dataVersion: 1,
            evaluatedAt: ended,
            users: evaluation.users,
            analysis: json(evaluation.analysis),
            guardrails: json([]),
            outcome: evaluation.decision.outcome,
            reason: evaluation.decision.reason,
            winner: evaluation.decision.winner,
          },
        },
      },
    });
  }
}
