import { adjustPValues, type Correction } from '../stats/correction';
import type { AnalyzeResult, FrequentistTreatmentResult } from '../stats/types';

export interface SegmentWin {
  segment: string;
  variant: string;
  estimate: number;
  pValue: number;
  adjustedPValue: number;
}

/**
 * The segments where `variant` beat the control, with the p-values adjusted across segments (Holm by default),
 * so a lucky slice among many does not pass as a win. Segments without a p-value (degenerate data, a Bayesian
 * or sequential analysis) never qualify.
 */
export function segmentWins(
  segments: { segment: string; analysis: AnalyzeResult }[],
  variant: string,
  alpha: number,
  correction: Correction = 'holm',
): SegmentWin[] {
  const rows = segments.map(({ segment, analysis }) => {
    const t = analysis.srm.flagged
      ? undefined
      : (analysis.variants.slice(1) as FrequentistTreatmentResult[]).find((v) => v.key === variant);
    return { segment, estimate: t?.estimate ?? null, pValue: t?.pValue ?? null };
  });
  const adjusted = adjustPValues(
    rows.map((r) => r.pValue),
    correction === 'none' ? 'holm' : correction,
  );
  return rows.flatMap((r, i) => {
    const p = adjusted[i];
    return r.estimate !== null && r.estimate > 0 && r.pValue !== null && p !== null && p !== undefined && p < alpha
      ? [{ segment: r.segment, variant, estimate: r.estimate, pValue: r.pValue, adjustedPValue: p }]
      : [];
  });
}

/** Of the treatments (the snapshot's winner, else every one), the one that won in most segments, and where. */
export function bestSegmentWins(
  segments: { segment: string; analysis: AnalyzeResult }[] | null,
  winner: string | null,
  variants: readonly { key: string }[],
  alpha: number,
): { variant: string | null; wins: SegmentWin[] } {
  if (!segments?.length) return { variant: null, wins: [] };
  const candidates = winner ? [winner] : variants.slice(1).map((v) => v.key);
  let best: { variant: string | null; wins: SegmentWin[] } = { variant: null, wins: [] };
  for (const variant of candidates) {
    const wins = segmentWins(segments, variant, alpha);
    if (wins.length > best.wins.length) best = { variant, wins };
  }
  return best;
}
