import type { Db } from '../client';

const IDEA_COLUMNS = {
  id: true,
  title: true,
  channel: true,
  baselineRate: true,
  expectedLift: true,
  expectedMonthlyGain: true,
  roi: true,
  cost: true,
  calibratedRoi: true,
  pinnedRank: true,
  createdAt: true,
} as const;

/**
 * What the test roadmap is planned from (issue 13): approved hypotheses, draft experiments not yet started
 * (with their hypothesis' ROI fields) and running experiments with the units their latest evaluation counted.
 */
export async function readRoadmapRows(db: Db, workspaceId: string) {
  const [approved, experiments] = await Promise.all([
    db.hypothesis.findMany({
      where: { workspaceId, status: 'APPROVED' },
      select: IDEA_COLUMNS,
      orderBy: { createdAt: 'asc' },
    }),
    db.experiment.findMany({
      where: { workspaceId, status: { in: ['DRAFT', 'RUNNING'] } },
      select: {
        id: true,
        key: true,
        name: true,
        channel: true,
        status: true,
        plannedUsers: true,
        startedAt: true,
        createdAt: true,
        hypothesis: { select: IDEA_COLUMNS },
        snapshots: { select: { users: true }, orderBy: { dataVersion: 'desc' }, take: 1 },
      },
      orderBy: [{ startedAt: 'asc' }, { createdAt: 'asc' }],
    }),
  ]);
  const drafts = experiments.filter((e) => e.status === 'DRAFT');
  const running = experiments
    .filter((e) => e.status === 'RUNNING')
    .map(({ snapshots, ...e }) => ({ ...e, users: snapshots[0]?.users ?? 0 }));
  return { approved, drafts, running };
}
