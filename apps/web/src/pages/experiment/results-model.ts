import type { AnalyzeResult, Decision, MetricKind } from '@uplift/domain';
import { isBayesian, treatmentsOf } from './types';

/** How lifts read: relative to the control (+12.3%) or in the metric's own units (+0.4 pp, +3.20). */
export type LiftView = 'relative' | 'absolute';

export interface ResultRow {
  key: string;
  name: string;
  control: boolean;
  users: number;
  /** Converting units (binomial metrics only: users × rate). */
  conversions: number | null;
  mean: number | null;
  /** The treatment's difference to the control in the chosen view; null for the control or degenerate data. */
  difference: number | null;
  interval: [number, number] | null;
  /** Frequentist: the (adjusted) p-value; Bayesian: the chance to beat the control. */
  evidence: number | null;
  /** Bayesian only: the expected loss of choosing this treatment over the control, in the chosen view. */
  risk: number | null;
  significant: boolean;
  decision: Decision | null;
}

/**
 * The stored analysis is relative (the evaluation's default). Its absolute reading multiplies by the control's
 * mean: the estimate becomes exactly mT − mC; the interval and the risk are the relative ones in the control's
 * units (the control's own uncertainty is already inside the relative interval's delta-method error).
 */
export function resultRows(analysis: AnalyzeResult, kind: MetricKind, view: LiftView, names: Record<string, string>) {
  const [control] = analysis.variants;
  const scale = view === 'relative' ? 1 : control.mean;
  const toView = (value: number | null | undefined) =>
    value === null || value === undefined || scale === null ? null : value * scale;
  const conversions = (users: number, mean: number | null) =>
    kind === 'binomial' && mean !== null ? Math.round(users * mean) : null;
  const base = (v: { key: string; users: number; mean: number | null }) => ({
    key: v.key,
    name: names[v.key] ?? v.key,
    users: v.users,
    conversions: conversions(v.users, v.mean),
    mean: v.mean,
  });
  const rows: ResultRow[] = [
    {
      ...base(control),
      control: true,
      difference: null,
      interval: null,
      evidence: null,
      risk: null,
      significant: false,
      decision: null,
    },
  ];
  for (const t of treatmentsOf(analysis)) {
    const low = toView(t.ci?.[0]);
    const high = toView(t.ci?.[1]);
    rows.push({
      ...base(t),
      control: false,
      difference: toView(t.estimate),
      interval: low === null || high === null ? null : [low, high],
      evidence: isBayesian(t) ? t.chanceToWin : (t.adjustedPValue ?? t.pValue),
      risk: isBayesian(t) ? toView(t.risk?.[1]) : null,
      significant: t.significant,
      decision: t.decision,
    });
  }
  return rows;
}
