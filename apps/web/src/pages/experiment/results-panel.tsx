import { Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AnalyzeResult, MetricKind } from '@uplift/domain';
import { downloadText } from '../../lib/download';
import { ResultsCards } from './results-cards';
import { resultsCsv } from './results-csv';
import { resultRows } from './results-model';
import { ResultsTable } from './results-table';
import { ResultsToolbar } from './results-toolbar';
import { useLiftView } from './results-view';
import { isBayesian, treatmentsOf } from './types';

interface Props {
  analysis: AnalyzeResult;
  kind: MetricKind;
  alpha: number;
  names: Record<string, string>;
  /** Names the CSV file; without it (a segment's table) there is no toolbar: the main one sets the view. */
  experimentKey?: string;
}

/** The per-variant results as a table (cards on a phone), read relative or absolute as the URL says. */
export function ResultsPanel({ analysis, kind, alpha, names, experimentKey }: Props) {
  const [view, setView] = useLiftView();
  // Below Mantine's "sm" (48em) a row of nine columns cannot show; cards keep lift, interval and decision.
  const phone = useMediaQuery('(max-width: 47.99em)');
  const treatments = treatmentsOf(analysis);
  const bayesian = treatments.some(isBayesian);
  const adjusted = treatments.some((t) => !isBayesian(t) && t.adjustedPValue !== undefined);
  const rows = resultRows(analysis, kind, view, names);
  const download = () =>
    downloadText(`${experimentKey ?? 'results'}-results-${view}.csv`, resultsCsv(rows, kind, view, bayesian));
  const shared = { rows, kind, alpha, view, bayesian, adjusted };
  return (
    <Stack gap="sm">
      {experimentKey && <ResultsToolbar view={view} onView={setView} onDownload={download} />}
      {experimentKey && view === 'absolute' && (
        <Text size="xs" c="dimmed" data-testid="results-absolute-note">
          Absolute: the relative lift, its interval and the risk times the control's{' '}
          {kind === 'binomial' ? 'rate, in percentage points' : 'mean, in its units'}.
        </Text>
      )}
      {phone ? <ResultsCards {...shared} /> : <ResultsTable {...shared} />}
    </Stack>
  );
}
