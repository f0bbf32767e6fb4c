import {
  assignVariant,
  cumulativeWeights,
  type ExperimentMetrics,
  fnv1a32,
  type VariantDefinition,
} from '@uplift/domain';
import type { Db } from './client';
import type { Prisma } from './generated/prisma/client';
import { ingestEvents, type PreparedEvent } from './repositories/ingestion';
import { seedTestHistory } from './seed-history';
import { seedLadderJourneys } from './seed-ladder';

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
const chance = (unit: string, salt: string) => fnv1a32(salt + unit) / 2 ** 32;

/**
 * Demo experiments: the TESTING welcome-series idea runs with 6,000 exposed subscribers so far (the worker
 * evaluates it when it starts); the WON ideas show the channel ladder in motion (seed-ladder.ts).
 */
export async function seedDemoExperiments(db: Db, workspaceId: string, ownerId: string) {
  const running = await db.hypothesis.findFirst({ where: { workspaceId, title: { startsWith: 'Welcome series' } } });
  const owner = await db.user.findUnique({ where: { id: ownerId }, select: { id: true, email: true } });
  const startedAt = new Date(Date.now() - 6 * 86_400_000);
  if (running) {
    const offer = await db.offer.create({
      data: { workspaceId, hypothesisId: running.id, name: running.offer, rung: 'EMAIL', state: 'TESTING' },
    });
    const e = await db.experiment.create({
      data: {
        workspaceId,
        hypothesisId: running.id,
        offerId: offer.id,
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
        reachPerMonth: running.reachPerMonth,
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
    for (let i = 0; i < events.length; i += 5_000) {
      await ingestEvents(db, events.slice(i, i + 5_000), [{ id: e.id, metrics: METRICS }]);
    }
  }
  if (owner) {
    await seedLadderJourneys(db, workspaceId, owner);
    await seedTestHistory(db, workspaceId, owner);
  }
}
