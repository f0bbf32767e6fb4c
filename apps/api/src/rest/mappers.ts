import { z } from '@hono/zod-openapi';
import type { listOffers, listPromotions, mustGetExperiment } from '@uplift/services';
import { ZAnalysisOut, ZMetricsOut, ZVariantOut } from './schemas';
import { publicWinnerSend } from './winner-send-out';

type ExperimentRow = Awaited<ReturnType<typeof mustGetExperiment>>;
type OfferRow = Awaited<ReturnType<typeof listOffers>>[number];
type PromotionRow = Awaited<ReturnType<typeof listPromotions>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** An experiment as tools see it; its JSON columns are checked against the documented shapes on the way out. */
export function publicExperiment(e: ExperimentRow) {
  return {
    id: e.id,
    key: e.key,
    name: e.name,
    hypothesisId: e.hypothesisId,
    channel: e.channel,
    status: e.status,
    seed: e.seed,
    variants: z.array(ZVariantOut).parse(e.variants),
    metrics: ZMetricsOut.parse(e.metrics),
    analysis: ZAnalysisOut.parse(e.analysis),
    plannedUsers: e.plannedUsers,
    segmentAttribute: e.segmentAttribute,
    scopeSegments: e.scopeSegments,
    reachPerMonth: e.reachPerMonth,
    outcome: e.outcome,
    winnerSend: publicWinnerSend(e),
    startedAt: iso(e.startedAt),
    endedAt: iso(e.endedAt),
    rolledOutAt: iso(e.rolledOutAt),
    createdAt: e.createdAt.toISOString(),
  };
}

export function publicOffer(o: OfferRow) {
  return {
    id: o.id,
    name: o.name,
    rung: o.rung,
    state: o.state,
    hypothesisId: o.hypothesisId,
    experiments: o.experiments.map((e) => ({
      key: e.key,
      channel: e.channel,
      status: e.status,
      decision: e.outcome,
      design: e.design,
      scopeSegments: e.scopeSegments,
      reachPerMonth: e.reachPerMonth,
      rolledOutAt: iso(e.rolledOutAt),
    })),
  };
}

export function publicPromotion(p: PromotionRow, experimentKey: string | null) {
  return {
    id: p.id,
    offerId: p.offerId,
    kind: p.kind,
    from: p.fromRung,
    to: p.toRung,
    status: p.status,
    experimentKey,
    evidence: p.evidence,
    segments: p.segments,
    decidedBy: p.decidedByEmail,
    decidedAt: iso(p.decidedAt),
    createdAt: p.createdAt.toISOString(),
  };
}
