import {
  type ExperimentMetrics,
  evaluateExperiment,
  keyFromName,
  type OfferState,
  projectMonthlyGain,
  runLocationTest,
  splitLocations,
  type VariantDefinition,
  weeklyGroupMeans,
} from '@uplift/domain';
import type { Db } from './client';
import type { Channel, Prisma } from './generated/prisma/client';

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
const DAY = 86_400_000;
const METRICS: ExperimentMetrics = { primary: { name: 'purchase', kind: 'binomial' }, guardrails: [] };
const ANALYSIS = { engine: 'frequentist' as const, sequential: null, alpha: 0.05, correction: 'holm' as const };

interface Ctx {
  db: Db;
  workspaceId: string;
  ownerId: string;
  ownerEmail: string;
  hypothesisId: string;
  offerId: string;
  /** The hypothesis' reach per month: every seeded rung's own reach. */
  reach: number;
}

/** A completed test's context; past tests of the insights history (seed-history.ts) belong to no offer. */
export type CompletedTestCtx = Omit<Ctx, 'offerId'> & { offerId: string | null };

/** A completed A/B test from campaign totals, with the snapshot the worker would have stored. */
export async function completedTest(
  ctx: CompletedTestCtx,
  step: {
    key: string;
    name: string;
    channel: 'EMAIL' | 'BANNER';
    treatment: string;
    totals: [number, number][];
    endedDaysAgo: number;
  },
  expected: 'WIN' | 'LOSS' | 'INCONCLUSIVE',
  priorFromExperimentId: string | null,
) {
  const variants: VariantDefinition[] = [
    { key: 'control', name: 'Current', weight: 0.5 },
    { key: keyFromName(step.treatment), name: step.treatment, weight: 0.5 },
  ];
  const report = variants.map((v, i) => ({
    key: v.key,
    users: step.totals[i]?.[0] ?? 0,
    conversions: step.totals[i]?.[1] ?? 0,
  }));
  const evaluation = evaluateExperiment({
    variants,
    metrics: METRICS,
    analysis: ANALYSIS,
    plannedUsers: report.reduce((s, v) => s + v.users, 0),
    segmentAttribute: null,
    aggregates: [],
    reports: [{ metric: 'purchase', variants: report }],
    decision: { winChance: 0.95, maxRisk: 0.0025, lossChance: 0.05 },
  });
  if (evaluation.decision.outcome !== expected) {
    throw new Error(`seed: ${step.key} evaluates to ${evaluation.decision.outcome}, not ${expected}`);
  }
  const ended = new Date(Date.now() - step.endedDaysAgo * DAY);
  return ctx.db.experiment.create({
    data: {
      workspaceId: ctx.workspaceId,
      hypothesisId: ctx.hypothesisId,
      offerId: ctx.offerId,
      key: step.key,
      name: step.name,
      channel: step.channel,
      status: 'COMPLETED',
      seed: step.key,
      variants: json(variants),
      metrics: json(METRICS),
      analysis: json(ANALYSIS),
      plannedUsers: evaluation.users,
      dataVersion: 1,
      evaluatedVersion: 1,
      evaluatedAt: ended,
      outcome: evaluation.decision.outcome,
      outcomeReason: evaluation.decision.reason,
      startedAt: new Date(ended.getTime() - 14 * DAY),
      endedAt: ended,
      rolledOutAt: evaluation.decision.outcome === 'WIN' ? ended : null,
      reachPerMonth: ctx.reach,
      priorFromExperimentId,
      createdById: ctx.ownerId,
      reports: { create: { metric: 'purchase', variants: json(report), source: 'csv', createdBy: ctx.ownerEmail } },
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

async function promotion(
  ctx: Ctx,
  from: {
    id: string;
    key: string;
    channel: Channel;
    outcomeReason: string | null;
    endedAt: Date | null;
  },
  to: Channel,
  kind: 'PROMOTE' | 'DEMOTE',
  status: 'PROPOSED' | 'APPLIED',
  byOwner: boolean,
  nextExperimentId: string | null,
) {
  const snapshot = await ctx.db.experimentSnapshot.findFirstOrThrow({ where: { experimentId: from.id } });
  const treatment = (
    snapshot.analysis as {
      variants: { key: string; estimate?: number; ci?: number[]; pValue?: number; mean: number }[];
    }
  ).variants[1];
  const hypothesis = await ctx.db.hypothesis.findUniqueOrThrow({ where: { id: ctx.hypothesisId } });
  const control = (snapshot.analysis as { variants: { mean: number }[] }).variants[0]?.mean ?? 0;
  return ctx.db.promotion.create({
    data: {
      workspaceId: ctx.workspaceId,
      offerId: ctx.offerId,
      experimentId: from.id,
      kind,
      fromRung: from.channel,
      toRung: to,
      status,
      segments: [],
      evidence: json({
        // A step back carries no projection: there is nothing to gain on the lower rung that it did not have.
        ...(kind === 'PROMOTE'
          ? {
              projectedMonthlyGain: projectMonthlyGain({
                reachPerMonth: ctx.reach,
                controlMean: control,
                lift: treatment?.estimate,
                valuePerConversion: hypothesis.valuePerConversion,
              }),
              reachPerMonth: ctx.reach,
              valuePerConversion: hypothesis.valuePerConversion,
              controlMean: control,
            }
          : {}),
        experiment: from.key,
        channel: from.channel,
        metric: 'purchase',
        alpha: 0.05,
        winner: kind === 'PROMOTE' ? (treatment?.key ?? null) : null,
        estimate: treatment?.estimate,
        ci: treatment?.ci,
        pValue: treatment?.pValue,
        users: snapshot.users,
        reason: from.outcomeReason,
        segmentsWon: [],
      }),
      decidedById: status === 'APPLIED' && byOwner ? ctx.ownerId : null,
      decidedByEmail: status === 'APPLIED' ? (byOwner ? ctx.ownerEmail : 'automatic') : null,
      decidedAt: status === 'APPLIED' ? new Date((from.endedAt ?? new Date()).getTime() + DAY) : null,
      nextExperimentId,
      createdAt: from.endedAt ?? new Date(),
    },
  });
}

/** 20 stores, 4 weeks before and 4 after the start; treated stores sell `lift` more after it. */
function storeWeeks(start: Date, treated: Set<string> | null, lift: number) {
  const rows: { location: string; week: string; sales: number }[] = [];
  for (let s = 0; s < 20; s++) {
    for (let w = -4; w < 4; w++) {
      const week = new Date(start.getTime() + w * 7 * DAY).toISOString().slice(0, 10);
      const base = 2000 + s * 400 + ((s * 7 + (w + 4) * 13) % 11) * 15;
      const effect = w >= 0 && treated?.has(`store-${s + 1}`) ? 1 + lift : 1;
      rows.push({ location: `store-${s + 1}`, week, sales: Math.round(base * effect * 100) / 100 });
    }
  }
  return rows;
}

/** An offline rollout with its location test, decided from weekly store sales. */
async function locationTest(ctx: Ctx, key: string, priorFromExperimentId: string) {
  const start = new Date(Date.now() - 30 * DAY);
  const startDay = start.toISOString().slice(0, 10);
  const pre = storeWeeks(start, null, 0).filter((r) => r.week < startDay);
  const means = new Map<string, number[]>();
  for (const r of pre) means.set(r.location, [...(means.get(r.location) ?? []), r.sales]);
  const split = splitLocations({
    locations: [...means].map(([id, xs]) => ({ id, weeklySales: xs.reduce((a, b) => a + b, 0) / xs.length })),
    seed: key,
    holdoutShare: 0.5,
  });
  const rows = storeWeeks(start, new Set(split.treatment), 0.06);
  // Four post-period weeks of a test planned for four: the last look, held to its group-sequential boundary.
  const { analysis, sequential, decision } = runLocationTest({
    rows,
    treatment: split.treatment,
    holdout: split.holdout,
    start: startDay,
    alpha: 0.05,
    plannedWeeks: 4,
    method: 'did',
  });
  if (decision.outcome !== 'WIN') throw new Error(`seed: ${key} evaluates to ${decision.outcome}, not WIN`);
  const ended = new Date(Date.now() - 2 * DAY);
  const experiment = await ctx.db.experiment.create({
    data: {
      workspaceId: ctx.workspaceId,
      hypothesisId: ctx.hypothesisId,
      offerId: ctx.offerId,
      key,
      name: 'Three for two — stores',
      channel: 'OFFLINE',
      design: 'rollout',
      status: 'COMPLETED',
      seed: key,
      variants: json([
        { key: 'holdout', name: 'Holdout stores', weight: 0.5 },
        { key: 'three-for-two', name: 'Three for two', weight: 0.5 },
      ]),
      metrics: json(METRICS),
      analysis: json(ANALYSIS),
      plannedUsers: 20,
      locationSplit: json({ ...split, seed: key, start: startDay, plannedWeeks: 4, method: 'did' }),
      dataVersion: 1,
      evaluatedVersion: 1,
      evaluatedAt: ended,
      outcome: 'WIN',
      outcomeReason: decision.reason,
      startedAt: start,
      endedAt: ended,
      rolledOutAt: ended,
      reachPerMonth: ctx.reach,
      priorFromExperimentId,
      createdById: ctx.ownerId,
      snapshots: {
        create: {
          dataVersion: 1,
          evaluatedAt: ended,
          users: 20,
          analysis: json({ ...analysis, sequential, weekly: weeklyGroupMeans({ rows, ...split }) }),
          guardrails: json([]),
          outcome: 'WIN',
          reason: decision.reason,
          winner: 'treatment',
        },
      },
    },
  });
  await ctx.db.$executeRaw`
    INSERT INTO "LocationSales" ("experimentId", location, week, sales)
    SELECT ${experiment.id}, l, w::date, s FROM unnest(${rows.map((r) => r.location)}::text[],
      ${rows.map((r) => r.week)}::text[], ${rows.map((r) => r.sales)}::float8[]) AS t(l, w, s)`;
  return experiment;
}

async function offerFor(
  db: Db,
  workspaceId: string,
  title: string,
  rung: 'EMAIL' | 'BANNER' | 'OFFLINE',
  state: OfferState,
) {
  const h = await db.hypothesis.findFirstOrThrow({ where: { workspaceId, title } });
  const offer = await db.offer.create({ data: { workspaceId, hypothesisId: h.id, name: h.offer, rung, state } });
  return { hypothesisId: h.id, offerId: offer.id, reach: h.reachPerMonth };
}

/**
 * The ladder in motion for the demo: the cart reminder won in email and on banners and waits for a product
 * owner to take it offline; free weekend delivery won in email, lost on banners and stepped back; three-for-two
 * climbed all the way and is rolled out in stores after its location test.
 */
export async function seedLadderJourneys(db: Db, workspaceId: string, owner: { id: string; email: string }) {
  const base = { db, workspaceId, ownerId: owner.id, ownerEmail: owner.email };

  const cart = {
    ...base,
    ...(await offerFor(db, workspaceId, 'Abandoned cart email at 1 hour instead of 24', 'BANNER', 'AWAITING_APPROVAL')),
  };
  const cartEmail = await completedTest(
    cart,
    {
      key: 'cart-reminder-1h',
      name: 'Cart reminder after 1 hour',
      channel: 'EMAIL',
      treatment: 'Reminder at 1 h',
      totals: [
        [15_000, 1_200],
        [15_000, 1_395],
      ],
      endedDaysAgo: 40,
    },
    'WIN',
    null,
  );
  const cartBanner = await completedTest(
    cart,
    {
      key: 'cart-reminder-banner',
      name: 'Cart reminder — banner',
      channel: 'BANNER',
      treatment: 'Reminder banner',
      totals: [
        [20_000, 600],
        [20_000, 705],
      ],
      endedDaysAgo: 3,
    },
    'WIN',
    cartEmail.id,
  );
  await promotion(cart, cartEmail, 'BANNER', 'PROMOTE', 'APPLIED', false, cartBanner.id);
  await promotion(cart, cartBanner, 'OFFLINE', 'PROMOTE', 'PROPOSED', false, null);

  const delivery = {
    ...base,
    ...(await offerFor(db, workspaceId, 'Free delivery weekend for app users', 'EMAIL', 'DEMOTED')),
  };
  const deliveryEmail = await completedTest(
    delivery,
    {
      key: 'free-delivery-email',
      name: 'Free weekend delivery — email',
      channel: 'EMAIL',
      treatment: 'Free delivery',
      totals: [
        [12_000, 480],
        [12_000, 585],
      ],
      endedDaysAgo: 50,
    },
    'WIN',
    null,
  );
  const deliveryBanner = await completedTest(
    delivery,
    {
      key: 'free-delivery-banner',
      name: 'Free weekend delivery — banner',
      channel: 'BANNER',
      treatment: 'Free delivery banner',
      totals: [
        [20_000, 600],
        [20_000, 495],
      ],
      endedDaysAgo: 12,
    },
    'LOSS',
    deliveryEmail.id,
  );
  await promotion(delivery, deliveryEmail, 'BANNER', 'PROMOTE', 'APPLIED', false, deliveryBanner.id);
  await promotion(delivery, deliveryBanner, 'EMAIL', 'DEMOTE', 'APPLIED', true, null);

  const bundle = { ...base, ...(await offerFor(db, workspaceId, 'Three for two on basics', 'OFFLINE', 'ROLLED_OUT')) };
  const bundleEmail = await completedTest(
    bundle,
    {
      key: 'bundle-email',
      name: 'Three for two — email',
      channel: 'EMAIL',
      treatment: 'Three for two',
      totals: [
        [15_000, 900],
        [15_000, 1_050],
      ],
      endedDaysAgo: 80,
    },
    'WIN',
    null,
  );
  const bundleBanner = await completedTest(
    bundle,
    {
      key: 'bundle-banner',
      name: 'Three for two — banner',
      channel: 'BANNER',
      treatment: 'Three for two banner',
      totals: [
        [20_000, 600],
        [20_000, 710],
      ],
      endedDaysAgo: 45,
    },
    'WIN',
    bundleEmail.id,
  );
  const bundleStores = await locationTest(bundle, 'bundle-offline', bundleBanner.id);
  await promotion(bundle, bundleEmail, 'BANNER', 'PROMOTE', 'APPLIED', false, bundleBanner.id);
  await promotion(bundle, bundleBanner, 'OFFLINE', 'PROMOTE', 'APPLIED', true, bundleStores.id);
  await db.readinessCheck.create({
    data: {
      offerId: bundle.offerId,
      rung: 'OFFLINE',
      inputs: {
        price: 30,
        discount: 0.33,
        unitCost: 12,
        fulfilmentCost: 1,
        expectedVolumePerMonth: 4000,
        capacityPerMonth: 10_000,
        deliverableAtScale: true,
      },
      assessment: {
        marginPerConversion: 7.1,
        monthlyContribution: 28_400,
        capacityCoverage: 2.5,
        passes: true,
        failures: [],
      },
      passed: true,
      checkedById: owner.id,
      checkedByEmail: owner.email,
      createdAt: new Date(Date.now() - 44 * DAY),
    },
  });
}
