/** What an item's place in the schedule depends on. */
export interface PriorityKey {
  id: string;
  score: number;
  roi: number;
  createdAt: Date;
  pinnedRank?: number | null | undefined;
}

// Weighted shortest job first, cost of delay over duration (Reinertsen, The Principles of Product Development Flow, F16).
export const wsjfScore = (expectedMonthlyGain: number, weeks: number) => expectedMonthlyGain / weeks;

/**
 * Pinned items first in pin order; then the higher WSJF score, the higher ROI (the one the backlog ranks by),
 * the earlier creation, and the id so the order is total.
 */
export function comparePriority(a: PriorityKey, b: PriorityKey): number {
  const pinA = a.pinnedRank ?? null;
  const pinB = b.pinnedRank ?? null;
  if (pinA !== pinB) {
    if (pinA === null) return 1;
    if (pinB === null) return -1;
    return pinA - pinB;
  }
  if (a.score !== b.score) return b.score > a.score ? 1 : -1;
  if (a.roi !== b.roi) return b.roi > a.roi ? 1 : -1;
  const byAge = a.createdAt.getTime() - b.createdAt.getTime();
  if (byAge) return byAge;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
