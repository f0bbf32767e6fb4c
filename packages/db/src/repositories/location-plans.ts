import { type LocationPlan, ZLocationPlanInput, ZStoredLocationPlan } from '@uplift/domain';
import type { Tx } from '../client';
import type { LocationPlan as LocationPlanRow } from '../generated/prisma/client';
import { toJsonValue } from '../json';

/** A plan's state and answer, without the request's rows (they can be large and the page never needs them). */
const toSummary = (row: Omit<LocationPlanRow, 'request'>) => ({
  id: row.id,
  experimentId: row.experimentId,
  status: row.status,
  result: row.result === null ? null : ZStoredLocationPlan.parse(row.result),
  error: row.error,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
export type LocationPlanSummary = ReturnType<typeof toSummary>;
const SUMMARY = { request: false } as const;

export async function createLocationPlan(
  tx: Tx,
  p: { experimentId: string; request: object; requestedById: string },
): Promise<LocationPlanSummary> {
  const row = await tx.locationPlan.create({
    data: { experimentId: p.experimentId, request: toJsonValue(p.request), requestedById: p.requestedById },
    omit: SUMMARY,
  });
  return toSummary(row);
}

/** An experiment's latest plan, or null. */
export async function latestLocationPlan(db: Tx, experimentId: string): Promise<LocationPlanSummary | null> {
  const row = await db.locationPlan.findFirst({
    where: { experimentId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    omit: SUMMARY,
  });
  return row && toSummary(row);
}

/** What the worker needs: the status and the parsed request. */
export async function locationPlanForWork(db: Tx, id: string) {
  const row = await db.locationPlan.findUnique({ where: { id } });
  return row && { id: row.id, status: row.status, request: ZLocationPlanInput.parse(row.request) };
}

/** Moves a plan on: RUNNING, DONE with its result, or FAILED with the sentence it failed with. */
export async function markLocationPlan(
  db: Tx,
  id: string,
  to: { status: 'RUNNING' } | { status: 'DONE'; result: LocationPlan } | { status: 'FAILED'; error: string },
): Promise<void> {
  await db.locationPlan.update({
    where: { id },
    data: {
      status: to.status,
      ...(to.status === 'DONE' ? { result: toJsonValue(to.result), error: null } : {}),
      ...(to.status === 'FAILED' ? { error: to.error } : {}),
    },
  });
}

/** Plans still waiting or running since before `before`: their job may have been lost with Redis. */
export async function unfinishedLocationPlanIds(db: Tx, before: Date): Promise<string[]> {
  const rows = await db.locationPlan.findMany({
    where: { status: { in: ['QUEUED', 'RUNNING'] }, updatedAt: { lt: before } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
