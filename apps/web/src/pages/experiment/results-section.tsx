import { Accordion, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { describeScope, type MetricKind } from '@uplift/domain';
import { isLocationAnalysis, LocationAnalysisPanel } from '../../components/location-analysis-panel';
import { CupedNote } from './cuped-note';
import { DecisionPanel } from './decision-panel';
import { HealthBanners } from './health-banners';
import { ProgressPanel } from './progress-panel';
import { ResultsCharts } from './results-charts';
import { ResultsPanel } from './results-panel';
import { decisionRuleNote } from './rule-note';
import { analysisOf, type ExperimentRow, type Results, type Snapshot, segmentsOf, setupOf } from './types';
import { WinnerSendTimeline } from './winner-send-timeline';

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
              <ResultsPanel
                analysis={analysis}
                kind={setup.metrics.primary.kind}
                alpha={setup.analysis.alpha}
                names={names}
                experimentKey={experiment.key}
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
        <ResultsCharts
          analysis={analysis}
          history={history}
          variants={setup.variants}
          alpha={setup.analysis.alpha}
          kind={setup.metrics.primary.kind}
        />
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
                  <ResultsPanel
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
