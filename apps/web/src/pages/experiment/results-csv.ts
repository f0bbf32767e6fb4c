import type { MetricKind } from '@uplift/domain';
import Papa from 'papaparse';
import type { LiftView, ResultRow } from './results-model';

const DECISION_WORDS = { win: 'better', loss: 'worse', inconclusive: 'not significant', srm: 'split broken' } as const;

/** The results table as CSV: raw numbers (fractions, not rounded percentages) so a spreadsheet can compute on them. */
export function resultsCsv(rows: ResultRow[], kind: MetricKind, view: LiftView, bayesian: boolean): string {
  const difference = view === 'relative' ? 'lift (relative)' : 'difference (absolute)';
  const header = [
    'variant',
    'name',
    'users',
    ...(kind === 'binomial' ? ['conversions'] : []),
    kind === 'binomial' ? 'conversion rate' : kind === 'ratio' ? 'ratio' : 'mean',
    difference,
    'interval low',
    'interval high',
    bayesian ? 'chance to win' : 'p-value',
    ...(bayesian ? ['risk (expected loss)'] : []),
    'significance',
  ];
  const cell = (value: number | null) => (value === null ? '' : value);
  const body = rows.map((r) => [
    r.key,
    r.name,
    r.users,
    ...(kind === 'binomial' ? [cell(r.conversions)] : []),
    cell(r.mean),
    r.control ? 'control' : cell(r.difference),
    cell(r.interval?.[0] ?? null),
    cell(r.interval?.[1] ?? null),
    cell(r.evidence),
    ...(bayesian ? [cell(r.risk)] : []),
    r.decision ? DECISION_WORDS[r.decision] : '',
  ]);
  return Papa.unparse([header, ...body]);
}
