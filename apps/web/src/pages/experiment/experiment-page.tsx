import { Anchor, Button, Center, Code, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFlaskOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { HypothesisStatus } from '@uplift/domain';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { ExperimentStatusBadge } from '../../components/experiment-status-badge';
import { ScopeBadge } from '../../components/scope-badge';
import { StatusBadge } from '../../components/status-badge';
import { httpStatusOf, messageOf } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { isNotFound } from '../not-found-page';
import { ExperimentActions } from './experiment-actions';
import { ExperimentTabs } from './experiment-tabs';
import { LadderLine } from './ladder-line';
import { LearningSection } from './learning-section';
import { setupOf } from './types';
import { useExperimentLive } from './use-experiment-live';

export function ExperimentPage() {
  const { key = '' } = useParams();
  const trpc = useTRPC();
  const detail = useQuery(trpc.experiment.get.queryOptions({ key }));
  const { results, history } = useExperimentLive(key);

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader data-testid="experiment-loading" />
      </Center>
    );
  }
  if (detail.isError) {
    if (!isNotFound(httpStatusOf(detail.error)))
      return <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} />;
    return (
      <EmptyState
        mt="xl"
        icon={<IconFlaskOff />}
        title="No such experiment"
        description={messageOf(detail.error)}
        data-testid="not-found"
      >
        <EmptyState.Actions>
          <Button component={Link} to="/experiments" variant="default">
            All experiments
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  const { experiment, hypothesis } = detail.data;
  // The polled results carry the freshest status; the row catches up when it is read again.
  const status = results.data?.status ?? setupOf(experiment).status;

  return (
    <Stack gap="md" data-testid="experiment-page" data-key={experiment.key}>
      <Anchor component={Link} to="/experiments" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Experiments
        </Group>
      </Anchor>
      <Stack gap={6}>
        <Title order={2} data-testid="experiment-name">
          {experiment.name}
        </Title>
        <Group gap="xs">
          <ExperimentStatusBadge status={status} size="lg" />
          <Code>{experiment.key}</Code>
          <ScopeBadge experiment={experiment} />
          <Text size="sm" c="dimmed">
            tests
          </Text>
          <Anchor component={Link} to={`/hypotheses/${hypothesis.id}`} size="sm" data-testid="experiment-hypothesis">
            {hypothesis.title}
          </Anchor>
          <StatusBadge
            status={hypothesis.status as HypothesisStatus}
            size="sm"
            data-testid="experiment-hypothesis-status"
          />
        </Group>
        {experiment.offerId && <LadderLine offerId={experiment.offerId} />}
      </Stack>
      <ExperimentActions
        experiment={experiment}
        status={status}
        hypothesisStatus={hypothesis.status as HypothesisStatus}
        pendingConfirmation={results.data?.pendingConfirmation ?? null}
      />
      {(status === 'COMPLETED' || status === 'STOPPED') && <LearningSection experimentKey={experiment.key} />}
      <ExperimentTabs experiment={{ ...experiment, status }} results={results} history={history.data} />
    </Stack>
  );
}
