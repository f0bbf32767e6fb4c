import { CHANNELS, type Channel, FUNNEL_STAGES, type FunnelStage } from '../enums';

/** One completed experiment as the P&L sees it. */
export interface PnlTest {
  workspaceId: string;
  /** When the experiment ended: its quarter is the P&L's period. */
  endedAt: Date;
  channel: Channel;
  stage: FunnelStage;
  /** The offer whose rung this experiment tested; null for a test outside the ladder. */
  offerId: string | null;
  /** The workspace's currency; null until workspaces have one (all such tests form one bucket). */
  currency: string | null;
  won: boolean;
  /** Test cost, spent whatever the outcome. */
  cost: number;
  /** Realised gain to date (realisedImpact's gainToDate): 0 unless a rolled-out win. */
  gainToDate: number;
}

export interface PnlLine {
  testsRun: number;
  cost: number;
  wins: number;
  gainToDate: number;
  /** gainToDate − cost. */
  net: number;
  /** net / cost; null when nothing was spent. */
  roi: number | null;
}

/** Sums a group of tests into one P&L line (ROI as in roi.ts: (gain − C)/C). */
export function pnlLine(tests: readonly PnlTest[]): PnlLine {
  const cost = tests.reduce((sum, t) => sum + t.cost, 0);
  const gainToDate = tests.reduce((sum, t) => sum + t.gainToDate, 0);
  const net = gainToDate - cost;
  return {
    testsRun: tests.length,
    cost,
    wins: tests.filter((t) => t.won).length,
    gainToDate,
    net,
    roi: cost > 0 ? net / cost : null,
  };
}

/** Calendar quarter in UTC, e.g. "2026-Q4". */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const byChannelThenStage = (a: PnlTest, b: PnlTest) =>
  CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) ||
  FUNNEL_STAGES.indexOf(a.stage) - FUNNEL_STAGES.indexOf(b.stage);

/** The team's P&L per quarter (of the experiment's end), channel and funnel stage, oldest quarter first. */
export function pnlByQuarter(tests: readonly PnlTest[]) {
  const sorted = [...tests].sort(
    (a, b) => quarterOf(a.endedAt).localeCompare(quarterOf(b.endedAt)) || byChannelThenStage(a, b),
  );
  return [...groupBy(sorted, (t) => `${quarterOf(t.endedAt)}|${t.channel}|${t.stage}`).values()].map((group) => {
    const first = group[0] as PnlTest;
    return { quarter: quarterOf(first.endedAt), channel: first.channel, stage: first.stage, ...pnlLine(group) };
  });
}

/** What each offer earned where: one line per rung (its channel, email → banner → offline …) and the offer's total. */
export function pnlByOffer(tests: readonly PnlTest[]) {
  const onLadder = tests.filter((t) => t.offerId !== null).sort(byChannelThenStage);
  return [...groupBy(onLadder, (t) => t.offerId as string)].map(([offerId, group]) => ({
    offerId,
    total: pnlLine(group),
    rungs: [...groupBy(group, (t) => t.channel)].map(([channel, rung]) => ({
      channel: channel as Channel,
      ...pnlLine(rung),
    })),
  }));
}

/** The portfolio over the workspaces handed in (membership is checked by the caller), summed per currency. */
export function portfolioPnl(tests: readonly PnlTest[]) {
  return [...groupBy(tests, (t) => t.currency ?? '')].map(([, group]) => ({
    currency: (group[0] as PnlTest).currency,
    workspaces: new Set(group.map((t) => t.workspaceId)).size,
    ...pnlLine(group),
  }));
}
