import type { CompletedExperimentSource, InsightsSources } from '@uplift/db';
import {
  type FunnelStage,
  type FunnelStageData,
  type FunnelVolumes,
  type InsightsExperiment,
  type InsightsInput,
  locationImpactFactors,
  measuredLift,
} from '@uplift/domain';
import { z } from 'zod';

/** Margin share of sales from an offline readiness check: margin per conversion over the discounted price. */
function marginShare(r: NonNullable<CompletedExperimentSource['readiness']>): number {
  const price = r.price * (1 - r.discount);
  return price > 0 ? Math.max(0, price - r.unitCost - r.fulfilmentCost) / price : 0;
}

/**
 * One completed experiment as computeInsights takes it: the measured lift of its final snapshot, its rung's
 * reach (a location test: its locations, holdout weekly sales × 52/12 and the readiness check's margin share),
 * the estimate frozen at approval. null when the snapshot has no estimate: left out, as the issue says.
 */
export function insightsExperiment(
  e: CompletedExperimentSource,
  workspace: { id: string; currency: string | null },
): InsightsExperiment | null {
  const lift = measuredLift(e.analysis, e.winner);
  if (!lift) return null;
  const { predicted } = e;
  const factors =
    lift.locations !== null
      ? locationImpactFactors({
          locationsAtRollout: lift.locations,
          holdoutMeanWeeklySales: lift.controlMean,
          marginShare: e.readiness ? marginShare(e.readiness) : 0,
        })
      : {
          reachPerMonth: e.reachPerMonth ?? predicted.reachPerMonth,
          controlMean: lift.controlMean,
          valuePerConversion: predicted.valuePerConversion,
        };
  return {
    key: e.key,
    estimate: lift.estimate,
    se: lift.se,
    outcome: e.outcome,
    channel: e.channel,
    stage: e.stage,
    rolledOutAt: e.rolledOutAt,
    ...factors,
    cost: predicted.cost,
    predicted,
    workspaceId: workspace.id,
    endedAt: e.endedAt,
    offerId: e.offerId,
    currency: workspace.currency,
    estimatedAfterTheFact: predicted.estimatedAfterTheFact,
  };
}

/** A binomial A/B snapshot's control group (a location test's analysis has no `variants`). */
const ZControlGroup = z.object({
  variants: z.tuple([z.looseObject({ users: z.number(), mean: z.number().nullable() })], z.unknown()),
});

/** Pooled control groups of the binomial A/B tests at each stage: the funnel's learned conversion. */
function controlGroups(experiments: readonly CompletedExperimentSource[]): FunnelStageData[] {
  const byStage = new Map<FunnelStage, { controlUsers: number; controlConversions: number }>();
  for (const e of experiments) {
    const control = ZControlGroup.safeParse(e.analysis);
    if (!control.success) continue;
    const { users, mean } = control.data.variants[0];
    if (!users || mean === null || mean < 0 || mean > 1) continue;
    const pooled = byStage.get(e.stage) ?? { controlUsers: 0, controlConversions: 0 };
    pooled.controlUsers += users;
    pooled.controlConversions += mean * users;
    byStage.set(e.stage, pooled);
  }
  return [...byStage].map(([stage, pooled]) => ({ stage, ...pooled }));
}

/** The team's reported traffic beside the learned control groups: a stage's report wins (funnel.ts). */
function withReported(learned: FunnelStageData[], reported: FunnelVolumes): FunnelStageData[] {
  const stages = new Map(learned.map((s) => [s.stage, s]));
  for (const [stage, volume] of Object.entries(reported) as [FunnelStage, FunnelVolumes[FunnelStage]][]) {
    if (volume)
      stages.set(stage, { ...stages.get(stage), stage, entered: volume.entered, converted: volume.converted });
  }
  return [...stages.values()];
}

/** Everything computeInsights needs, from what the repository loaded. */
export function insightsInput(sources: InsightsSources, now: Date): InsightsInput {
  const { workspace } = sources;
  return {
    now,
    horizonMonths: workspace.horizonMonths,
    experiments: sources.experiments.flatMap((e) => insightsExperiment(e, workspace) ?? []),
    openHypotheses: sources.openHypotheses.map(({ id, channel, funnelStage, ...roi }) => ({
      id,
      channel,
      stage: funnelStage,
      roi: { ...roi, horizonMonths: workspace.horizonMonths },
    })),
    funnelStages: withReported(controlGroups(sources.experiments), workspace.funnelVolumes),
    hiddenStages: workspace.hiddenFunnelStages,
  };
}
