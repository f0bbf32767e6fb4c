import {
  type Channel,
  type FunnelStage,
  RANKED_STATUSES,
  type RoiToCompare,
  ZFunnelVolumes,
  ZStoredReadinessInputs,
} from '@uplift/domain';
import type { Db, Tx } from '../client';
import { toJsonValue } from '../json';
import { ROI_COLUMNS, toRoiToCompare } from './approved-roi';

/** A completed experiment as the Insights job reads it: its hypothesis' estimate, final snapshot and readiness. */
export interface CompletedExperimentSource {
  id: string;
  key: string;
  name: string;
  channel: Channel;
  stage: FunnelStage;
  outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE';
  endedAt: Date;
  rolledOutAt: Date | null;
  reachPerMonth: number | null;
  offerId: string | null;
  hypothesisId: string;
  hypothesisTitle: string;
  predicted: RoiToCompare;
  /** The final snapshot's primary analysis and winner; null when it was never evaluated. */
  analysis: unknown;
  winner: string | null;
  /** The offer's last passed readiness check on the offline rung, for a location test's margin share. */
  readiness: { price: number; discount: number; unitCost: number; fulfilmentCost: number } | null;
}

const TERMINAL = ['WIN', 'LOSS', 'INCONCLUSIVE'] as const;
const isTerminal = (o: string | null): o is CompletedExperimentSource['outcome'] =>
  (TERMINAL as readonly (string | null)[]).includes(o);

/**
 * What the Insights figures are computed from: the workspace's settings, its completed experiments (STOPPED ones
 * earn nothing and are left out, as the issue says) and its open hypotheses with their ROI inputs.
 */
export async function insightsSources(db: Tx, workspaceId: string) {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { id: true, horizonMonths: true, currency: true, hiddenFunnelStages: true, funnelVolumes: true },
  });
  const rows = await db.experiment.findMany({
    where: { workspaceId, status: 'COMPLETED', outcome: { in: [...TERMINAL] }, endedAt: { not: null } },
    orderBy: { endedAt: 'asc' },
    select: {
      id: true,
      key: true,
      name: true,
      channel: true,
      outcome: true,
      endedAt: true,
      rolledOutAt: true,
      reachPerMonth: true,
      offerId: true,
      hypothesis: { select: { ...ROI_COLUMNS, title: true, funnelStage: true } },
      snapshots: { orderBy: { dataVersion: 'desc' }, take: 1, select: { analysis: true, winner: true } },
      offer: {
        select: {
          readiness: {
            where: { rung: 'OFFLINE', passed: true },
            orderBy: { createdAt: 'desc' },
            take: 1,
            select: { inputs: true },
          },
        },
      },
    },
  });
  const experiments: CompletedExperimentSource[] = rows.flatMap((row) => {
    if (!isTerminal(row.outcome) || !row.endedAt) return [];
    const readiness = row.offer?.readiness[0];
    return [
      {
        id: row.id,
        key: row.key,
        name: row.name,
        channel: row.channel,
        stage: row.hypothesis.funnelStage,
        outcome: row.outcome,
        endedAt: row.endedAt,
        rolledOutAt: row.rolledOutAt,
        reachPerMonth: row.reachPerMonth,
        offerId: row.offerId,
        hypothesisId: row.hypothesis.id,
        hypothesisTitle: row.hypothesis.title,
        predicted: toRoiToCompare(row.hypothesis),
        analysis: row.snapshots[0]?.analysis ?? null,
        winner: row.snapshots[0]?.winner ?? null,
        readiness: readiness ? ZStoredReadinessInputs.parse(readiness.inputs) : null,
      },
    ];
  });
  const openHypotheses = await db.hypothesis.findMany({
    where: { workspaceId, status: { in: [...RANKED_STATUSES] } },
    select: {
      id: true,
      channel: true,
      funnelStage: true,
      reachPerMonth: true,
      baselineRate: true,
      expectedLift: true,
      valuePerConversion: true,
      confidence: true,
      cost: true,
    },
  });
  // Lenient on read: a map that no longer parses counts as none reported (the settings write validates it).
  const volumes = ZFunnelVolumes.safeParse(workspace.funnelVolumes);
  return {
    workspace: { ...workspace, funnelVolumes: volumes.success ? volumes.data : {} },
    experiments,
    openHypotheses,
  };
}
export type InsightsSources = Awaited<ReturnType<typeof insightsSources>>;

/**
 * Stores a workspace's figures and the calibrated ROI of its open hypotheses in one transaction (one UPDATE
 * over unnest, not a query per row: a backlog may hold 100,000 ideas).
 */
export async function saveInsights(
  db: Db,
  w: {
    workspaceId: string;
    figures: unknown;
    completedTests: number;
    computedAt: Date;
    calibratedRois: { id: string; roi: number }[];
  },
) {
  await db.$transaction(async (tx) => {
    const data = {
      figures: toJsonValue(w.figures),
      completedTests: w.completedTests,
      computedAt: w.computedAt,
    };
    await tx.workspaceInsights.upsert({
      where: { workspaceId: w.workspaceId },
      create: { workspaceId: w.workspaceId, ...data },
      update: data,
    });
    const ids = w.calibratedRois.map((r) => r.id);
    const rois = w.calibratedRois.map((r) => r.roi);
    await tx.$executeRaw`
      UPDATE "Hypothesis" h SET "calibratedRoi" = c.roi
      FROM unnest(${ids}::text[], ${rois}::float8[]) AS c(id, roi)
      WHERE h.id = c.id AND h."workspaceId" = ${w.workspaceId} AND h."calibratedRoi" IS DISTINCT FROM c.roi`;
    // An idea that left the open statuses (approved and tested, rejected, archived) no longer has one.
    await tx.hypothesis.updateMany({
      where: { workspaceId: w.workspaceId, status: { notIn: [...RANKED_STATUSES] }, calibratedRoi: { not: null } },
      data: { calibratedRoi: null },
    });
  });
}

export function readInsights(db: Tx, workspaceId: string) {
  return db.workspaceInsights.findUnique({ where: { workspaceId } });
}
