import { readRoadmapRows } from '@uplift/db';
import type { ChannelCapacities, RoadmapHypothesis, RoadmapInput } from '@uplift/domain';
import type { ServiceDeps } from '../deps';
import { getInsights } from '../insights/get-insights';

type Workspace = { id: string; capacity: ChannelCapacities; maxTestWeeks: number; horizonMonths: number };
type Idea = Awaited<ReturnType<typeof readRoadmapRows>>['approved'][number];

/** What the page shows for each item the scheduler plans, by the item's id. */
export interface RoadmapLabel {
  kind: 'idea' | 'draft' | 'running';
  title: string;
  /** The experiment's key (drafts and running tests); null for an approved idea without one. */
  key: string | null;
  hypothesisId: string;
  /** The idea's cost C, for its value within the horizon (domain horizonValue). */
  cost: number;
}

/**
 * The test roadmap's input for a workspace (issue 13 §3): approved ideas and draft experiments to plan,
 * running experiments holding their slots, and the workspace's capacities. The ROI and the cost of delay
 * are the calibrated ones when the Insights job has computed them, else the author's; the horizon is the one
 * each idea's value within it is counted in.
 */
export async function roadmapInput(deps: Pick<ServiceDeps, 'db'>, workspace: Workspace) {
  const [rows, insights] = await Promise.all([readRoadmapRows(deps.db, workspace.id), getInsights(deps, workspace.id)]);
  const calibratedGain = new Map(
    (insights?.figures.openHypotheses ?? []).map((o) => [o.id, o.calibrated.expectedMonthlyGain]),
  );
  const fields = (h: Idea): Omit<RoadmapHypothesis, 'id'> => ({
    channel: h.channel,
    baselineRate: h.baselineRate,
    expectedLift: h.expectedLift,
    expectedMonthlyGain: calibratedGain.get(h.id) ?? h.expectedMonthlyGain,
    roi: h.calibratedRoi ?? h.roi,
    createdAt: h.createdAt,
    pinnedRank: h.pinnedRank,
  });
  const labels: Record<string, RoadmapLabel> = {};
  // An approved idea with a draft experiment is planned once, as that draft (it brings its planned users).
  const drafted = new Set(rows.drafts.map((d) => d.hypothesis.id));
  const hypotheses: RoadmapHypothesis[] = [];
  for (const h of rows.approved.filter((a) => !drafted.has(a.id))) {
    hypotheses.push({ id: h.id, title: h.title, ...fields(h) });
    labels[h.id] = { kind: 'idea', title: h.title, key: null, hypothesisId: h.id, cost: h.cost };
  }
  for (const d of rows.drafts) {
    hypotheses.push({
      id: d.id,
      title: d.name,
      ...fields(d.hypothesis),
      channel: d.channel,
      plannedUsers: d.plannedUsers,
    });
    labels[d.id] = { kind: 'draft', title: d.name, key: d.key, hypothesisId: d.hypothesis.id, cost: d.hypothesis.cost };
  }
  const running = rows.running.map((r) => {
    labels[r.id] = {
      kind: 'running',
      title: r.name,
      key: r.key,
      hypothesisId: r.hypothesis.id,
      cost: r.hypothesis.cost,
    };
    return {
      id: r.id,
      title: r.name,
      channel: r.channel,
      remainingUnits: Math.max(0, r.plannedUsers - r.users),
    };
  });
  const input: RoadmapInput = {
    channels: workspace.capacity,
    maxTestWeeks: workspace.maxTestWeeks,
    running,
    hypotheses,
  };
  return { input, labels, horizonMonths: workspace.horizonMonths };
}
