import { Stack, Text } from '@mantine/core';
import type { AnalyzeResult, CupedSummary, MetricKind, TreatmentCuped, TreatmentResult } from '@uplift/domain';
import { formatRate } from '../../lib/format';
import { intervalCut } from './interval-cut';
import { formatDifference, formatInterval } from './stat-format';
import { treatmentsOf } from './types';

interface Props {
  analysis: AnalyzeResult;
  kind: MetricKind;
  difference?: 'relative' | 'absolute';
  names?: Record<string, string>;
}

/**
 * Under the results of a metric analysed with CUPED: the share of users with a pre-period value and, per
 * treatment, the raw estimate beside the adjusted one and "CUPED cut the interval by N%". Nothing otherwise.
 */
export function CupedNote({ analysis, kind, difference = 'relative', names = {} }: Props) {
  const summary = (analysis as { cuped?: Partial<CupedSummary> }).cuped;
  const treatments = treatmentsOf(analysis).flatMap((t) => {
    const cuped = (t as TreatmentResult & { cuped?: TreatmentCuped }).cuped;
    return cuped ? [{ t, cuped }] : [];
  });
  if (!summary || treatments.length === 0) return null;
  const format = (v: number | null) => (v === null ? '—' : formatDifference(v, kind, difference));
  return (
    <Stack gap={2} data-testid="cuped-note">
      <Text size="xs" c="dimmed">
        Adjusted with CUPED for each user's pre-period value
        {summary.coverage === undefined ? '' : ` (${formatRate(summary.coverage)} of users had one)`}.
      </Text>
      {treatments.map(({ t, cuped }) => {
        const cut = intervalCut(t, cuped);
        return (
          <Text size="xs" key={t.key} data-testid="cuped-line" data-variant={t.key}>
            {names[t.key] ?? t.key}: {format(t.estimate)} adjusted
            {cuped.raw ? `, ${format(cuped.raw.estimate)} raw (${formatInterval(cuped.raw.ci, kind, difference)})` : ''}
            {cut !== null && cut > 0 ? ` — CUPED cut the interval by ${Math.round(cut * 100)}%` : ''}
          </Text>
        );
      })}
    </Stack>
  );
}
