import type { Tx } from '../client';

/** Every running experiment with what the reconciler checks: its versions, its no-data clock, its interval. */
export async function listRunningForReconcile(db: Tx) {
  const rows = await db.experiment.findMany({
    where: { status: 'RUNNING' },
    select: {
      id: true,
      dataVersion: true,
      evaluatedVersion: true,
      lastDataAt: true,
      startedAt: true,
      noDataAlertedAt: true,
      winnerDecidedAt: true,
      workspace: { select: { evaluationIntervalMinutes: true } },
    },
  });
  return rows.map(({ workspace, ...e }) => ({ ...e, evaluationIntervalMinutes: workspace.evaluationIntervalMinutes }));
}

/** Webhook deliveries still pending that were created before `before` (younger ones are still in flight). */
export async function listPendingDeliveryIds(db: Tx, before: Date, take = 1000): Promise<string[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { status: 'PENDING', createdAt: { lt: before } },
    select: { id: true },
    take,
  });
  return rows.map((r) => r.id);
}

/** Promotions applied without their next experiment (a crash between the two, or a row written by hand). */
export async function listStrandedPromotionIds(db: Tx): Promise<string[]> {
  const rows = await db.promotion.findMany({
    where: { status: 'APPLIED', kind: 'PROMOTE', nextExperimentId: null },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
