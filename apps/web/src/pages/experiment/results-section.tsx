import { Accordion, Grid, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { describeScope, type MetricKind } from '@uplift/domain';
import { lazy, Suspense } from 'react';
import { isLocationAnalysis, LocationAnalysisPanel } from '../../components/location-analysis-panel';
import { CupedNote } from './cuped-note';
import { DecisionPanel } from './decision-panel';
import { HealthBanners } from './health-banners';
import { ProgressPanel } from './progress-panel';
import { ResultsTable } from './results-table';
import { decisionRuleNote } from './rule-note';
import { intervalLabel } from './stat-format';
import { analysisOf, type ExperimentRow, type Results, type Snapshot, segmentsOf, setupOf } from './types';
import { WinnerSendTimeline } from './winner-send-timeline';

// recharts is most of a chart's weight: the numbers show first, the charts when their chunk arrives.
const LiftChart = lazy(() => import('./lift-chart').then((m) => ({ default: m.LiftChart })));
const LiftHistoryChart = lazy(() => import('./lift-history-chart').then((m) => ({ default: m.LiftHistoryChart })));

interface Props {
  experiment: ExperimentRow;
  results: Results;
  history: Snapshot[] | undefined;
}

/** The decision, the progress, the per-variant numbers and the charts of one experiment. */
export function ResultsSection({ experiment, results, history }: Props) {
  const setup = setupOf(experiment);
  // An offline location test stores a difference-in-differences or a synthetic control, not per-variant results.
  if (isLocationAnalysis(results.analysis)) {
    return (
      <Stack gap="md">
        <DecisionPanel results={results} experiment={experiment} names={{ treatment: 'Treated locations' }} />
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            Location test: treated locations against the holdout
          </Title>
          <LocationAnalysisPanel analysis={results.analysis} />
        </Paper>
      </Stack>
    );
  }
  const analysis = analysisOf(results.analysis);
  const names = Object.fromEntries(setup.variants.map((v) => [v.key, v.name]));
  const guardrailKinds: Record<string, MetricKind> = Object.fromEntries(
    setup.metrics.guardrails.map((g) => [g.name, g.kind]),
  );
  const segments = segmentsOf(results.segments);
  const scope = describeScope(experiment);
  const chart = <Skeleton h={160} />;
  const note = decisionRuleNote(setup.analysis, results.status, results.progress.fraction);
  return (
    <Stack gap="md">
      <HealthBanners results={results} variants={setup.variants} guardrailKinds={guardrailKinds} />
      <WinnerSendTimeline experiment={experiment} results={results} />
      {scope && (
        <Text size="sm" data-testid="results-scope">
          These results cover <b>{scope}</b>: a promotion approved for these segments reaches no other, so a win here
          says nothing about the rest.
        </Text>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DecisionPanel results={results} experiment={experiment} names={names} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ProgressPanel results={results} />
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>
            {setup.metrics.primary.name}{' '}
            <Text span size="sm" c="dimmed">
              primary metric · {setup.analysis.engine}
              {setup.analysis.sequential ? ', sequential' : ''}
            </Text>
          </Title>
          {analysis ? (
            <>
              <ResultsTable
                analysis={analysis}
                kind={setup.metrics.primary.kind}
                alpha={setup.analysis.alpha}
                names={names}
              />
              <CupedNote analysis={analysis} kind={setup.metrics.primary.kind} names={names} />
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid="results-empty">
              {results.status === 'DRAFT'
                ? 'No results: start the experiment, then send events or import a campaign report.'
                : 'No results yet. Send exposures and conversions through the API, or import a campaign report.'}
            </Text>
          )}
        </Stack>
      </Paper>
      {analysis && note && (
        <Text size="xs" c="dimmed" mt={-8} data-testid={note.testId}>
          {note.text}
        </Text>
      )}
      {analysis && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="md" h="100%">
              <Stack gap="xs">
                <Title order={5}>Lift with its {intervalLabel(setup.analysis.alpha)}</Title>
                <Suspense fallback={chart}>
                  <LiftChart analysis={analysis} names={names} />
                </Suspense>
                <Text size="xs" c="dimmed">
                  Bar: the interval; dot: the estimate; line: no change. A bar clear of the line is a real difference.
                </Text>
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="md" h="100%">
              <Stack gap="xs">
                <Title order={5}>Cumulative lift over time</Title>
                <Suspense fallback={chart}>
                  <LiftHistoryChart snapshots={history ?? []} treatments={setup.variants.slice(1)} />
                </Suspense>
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      )}
      {segments && segments.length > 0 && (
        <Paper withBorder p="md" data-testid="segments">
          <Title order={5} mb="xs">
            By {experiment.segmentAttribute}
          </Title>
          <Accordion variant="contained">
            {segments.map((s) => (
              <Accordion.Item key={s.segment} value={s.segment || '(none)'}>
                <Accordion.Control>{s.segment || '(no value)'}</Accordion.Control>
                <Accordion.Panel>
                  <ResultsTable
                    analysis={s.analysis}
                    kind={setup.metrics.primary.kind}
                    alpha={setup.analysis.alpha}
                    names={names}
                  />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Paper>
      )}
    </Stack>
  );
}
