import { Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isLocationAnalysis, LocationAnalysisPanel } from '../../../components/location-analysis-panel';
import { OutcomeBadge } from '../../../components/outcome-badge';
import { useSession } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';
import { LocationPlanner } from './location-plan';
import { LocationSplit, type LocationSplitRecord } from './location-split';
import { LocationUpload } from './location-upload';

interface Props {
  experimentKey: string;
  status: string;
}

/** An offline experiment run as a location test: weekly sales per store, the split, and the analysis. */
export function LocationTest({ experimentKey, status }: Props) {
  const trpc = useTRPC();
  const { can } = useSession();
  // A ranked set of the plan, chosen as the first upload's treatment instead of the random stratified split.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const detail = useQuery(trpc.experiment.get.queryOptions({ key: experimentKey }));
  const results = useQuery(
    trpc.experiment.results.queryOptions(
      { key: experimentKey },
      { refetchInterval: status === 'RUNNING' ? 10_000 : false },
    ),
  );
  const experiment = detail.data?.experiment;
  if (!experiment) return null;
  const split: LocationSplitRecord | null = experiment.locationSplit;
  const analysis = isLocationAnalysis(results.data?.analysis) ? results.data.analysis : null;
  const started = (experiment.startedAt ? new Date(experiment.startedAt) : new Date()).toISOString().slice(0, 10);
  return (
    <Paper withBorder p="sm" data-testid="location-test" data-key={experimentKey}>
      <Stack gap="sm">
        <Title order={5}>Location test</Title>
        {!split && status === 'RUNNING' && (
          <>
            <LocationPlanner
              experimentKey={experimentKey}
              canPlan={can('experiment.import')}
              chosen={chosen}
              onChoose={setChosen}
            />
            <Divider />
          </>
        )}
        {status === 'DRAFT' ? (
          <Text size="sm" c="dimmed">
            Start the experiment before sending weekly sales per location.
          </Text>
        ) : (
          can('experiment.import') &&
          status === 'RUNNING' && (
            <LocationUpload
              experimentKey={experimentKey}
              askStart={!split}
              defaultStart={started}
              treatment={split ? null : chosen}
            />
          )
        )}
        {split ? (
          <LocationSplit split={split} />
        ) : (
          status !== 'DRAFT' && (
            <Text size="sm" c="dimmed">
              No split yet: the first upload with at least 4 locations that sold before the start proposes one.
            </Text>
          )
        )}
        {analysis && (
          <>
            {results.data && (
              <Group gap="xs">
                <OutcomeBadge outcome={results.data.decision.outcome} />
                <Text size="sm">{results.data.decision.reason}</Text>
              </Group>
            )}
            <LocationAnalysisPanel analysis={analysis} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
