import { Alert, Anchor, Center, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { Channel } from '@uplift/domain';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { formatLift } from '../../lib/format';
import { useSession } from '../../lib/session';
import { CapacityWhatIf } from './capacity-what-if';
import { RoadmapGantt } from './roadmap-gantt';
import { RoadmapValues } from './roadmap-values';
import { quarterSentence } from './roadmap-words';
import { type Labels, useRoadmap } from './use-roadmap';

const titleOf = (labels: Labels, id: string) => labels[id]?.title ?? id;

/** The test roadmap (issue 13 §3): the approved backlog planned onto each channel's capacity, week by week. */
export function RoadmapPage() {
  const { can } = useSession();
  const { query, channels, result, whatIf, setWhatIf, reset, generation } = useRoadmap();
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const { input, labels, horizonMonths } = query.data;
  const used = [...new Set([...input.hypotheses, ...(input.running ?? [])].map((i) => i.channel))] as Channel[];
  return (
    <Stack gap="md" data-testid="roadmap-page">
      <Title order={2}>Roadmap</Title>
      {result?.roadmap ? (
        <>
          <Text fw={500} data-testid="roadmap-sentence">
            {quarterSentence(result.roadmap, input.hypotheses.length)}
          </Text>
          <RoadmapGantt roadmap={result.roadmap} channels={channels} labels={labels} />
          <Text size="xs" c="dimmed">
            Blue: planned tests, by priority; grey: running tests until their planned users arrive. Hover a bar for its
            weeks, units and score.
          </Text>
          <RoadmapValues
            roadmap={result.roadmap}
            hypotheses={input.hypotheses}
            labels={labels}
            horizonMonths={horizonMonths}
          />
          {result.roadmap.tooSmall.length > 0 && (
            <Stack gap={4} data-testid="roadmap-too-small">
              <Title order={4}>Too small to detect within {input.maxTestWeeks ?? 12} weeks</Title>
              <List size="sm">
                {result.roadmap.tooSmall.map((t) => (
                  <List.Item key={t.id} className="uplift-title">
                    {titleOf(labels, t.id)}:{' '}
                    {t.detectableLift === null
                      ? 'no lift would be detectable at this channel’s rate'
                      : `the smallest detectable lift is ${formatLift(t.detectableLift)}, above the expected one`}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          {result.roadmap.unschedulable.length > 0 && (
            <Stack gap={4} data-testid="roadmap-unschedulable">
              <Title order={4}>Cannot be planned</Title>
              <List size="sm">
                {result.roadmap.unschedulable.map((u) => (
                  <List.Item key={u.id} className="uplift-title">
                    {titleOf(labels, u.id)}: {u.reason}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </>
      ) : (
        <Alert color="yellow" title="A channel has no capacity" data-testid="roadmap-missing-capacity">
          <Text size="sm">{result?.missing?.message}</Text>
          <Text size="sm" mt="xs">
            {can('workspace.settings') ? (
              <Anchor component={Link} to="/settings">
                Set the channel’s capacity in Settings
              </Anchor>
            ) : (
              'Ask a product owner or an admin to set it in Settings.'
            )}{' '}
            — or try one below.
          </Text>
        </Alert>
      )}
      <CapacityWhatIf
        key={generation}
        channels={channels}
        used={used}
        changed={whatIf !== null}
        onChange={setWhatIf}
        onReset={reset}
      />
    </Stack>
  );
}
