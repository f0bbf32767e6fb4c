import { type StoredRoadmap, ZStoredCapacity, ZStoredRoadmap } from '@uplift/domain';
import type { Db, Tx } from '../client';
import { toJsonValue } from '../json';

/** The settings the roadmap is planned with: capacities, the longest test, and the horizon its value counts in. */
export async function readRoadmapSettings(db: Tx, workspaceId: string) {
  const w = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, capacity: true, maxTestWeeks: true, horizonMonths: true },
  });
  return w && { ...w, capacity: ZStoredCapacity.parse(w.capacity) };
}

/** Stores the workspace's plan with the time it was computed (one row per workspace, replaced). */
export async function saveRoadmapPlan(db: Db, w: { workspaceId: string; plan: StoredRoadmap; computedAt: Date }) {
  const data = { plan: toJsonValue(w.plan), computedAt: w.computedAt };
  await db.workspaceRoadmap.upsert({
    where: { workspaceId: w.workspaceId },
    create: { workspaceId: w.workspaceId, ...data },
    update: data,
  });
}

/** The stored plan, parsed; null before the first computation. */
export async function readRoadmapPlan(db: Tx, workspaceId: string) {
  const row = await db.workspaceRoadmap.findUnique({ where: { workspaceId } });
  return row && { computedAt: row.computedAt, ...parseStored(row.plan) };
}

const parseStored = (plan: unknown): StoredRoadmap => ZStoredRoadmap.parse(plan);
