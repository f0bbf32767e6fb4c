import type { HypothesisStatus } from './enums';

/** Statuses that take part in the priority ranking; the others follow them and show no rank. */
export const RANKED_STATUSES: readonly HypothesisStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'TESTING'];

/** What a hypothesis's place in the backlog depends on. */
export interface BacklogOrderKey {
  id: string;
  status: HypothesisStatus;
  pinnedRank: number | null;
  roi: number;
  createdAt: Date;
}

const ranked = (status: HypothesisStatus) => RANKED_STATUSES.includes(status);

/**
 * The workspace's priority order, the one `rerankBacklog` stores in SQL: ranked statuses first, then pinned
 * items by pin (unpinned last), ROI descending, older first, and the id by byte ("C" collation) as the last
 * tie-break so the order is total.
 */
export function compareBacklogOrder(a: BacklogOrderKey, b: BacklogOrderKey): number {
  const byRanked = Number(ranked(b.status)) - Number(ranked(a.status));
  if (byRanked) return byRanked;
  if (a.pinnedRank !== b.pinnedRank) {
    if (a.pinnedRank === null) return 1;
    if (b.pinnedRank === null) return -1;
    return a.pinnedRank - b.pinnedRank;
  }
  if (a.roi !== b.roi) return b.roi > a.roi ? 1 : -1;
  const byAge = a.createdAt.getTime() - b.createdAt.getTime();
  if (byAge) return byAge;
  return byteOrder(a.id, b.id);
}

/** Postgres's "C" collation compares bytes of the UTF-8 encoding; code points order the same way. */
function byteOrder(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d) return d;
  }
  return x.length - y.length;
}
