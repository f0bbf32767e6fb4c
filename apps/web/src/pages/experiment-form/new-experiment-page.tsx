import { Anchor, Button, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { StatusBadge } from '../../components/status-badge';
import { useTRPC } from '../../lib/trpc';
import { ExperimentForm } from './experiment-form';
import { initialValues } from './initial-values';
import { PickHypothesis } from './pick-hypothesis';

/** `/experiments/new?hypothesisId=…`: an experiment for one approved hypothesis. */
export function NewExperimentPage() {
  const [params] = useSearchParams();
  const hypothesisId = params.get('hypothesisId') ?? '';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const hypothesis = useQuery(trpc.hypothesis.get.queryOptions({ id: hypothesisId }, { enabled: !!hypothesisId }));
  const workspace = useQuery(trpc.workspace.get.queryOptions());
  const create = useMutation(
    trpc.experiment.create.mutationOptions({
      onSuccess: async (created) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.experiment.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.hypothesis.pathKey() }),
        ]);
        navigate(`/experiments/${encodeURIComponent(created.key)}`);
      },
    }),
  );

  if (!hypothesisId) return <PickHypothesis />;
  if (hypothesis.isError) return <ErrorAlert error={hypothesis.error} onRetry={() => hypothesis.refetch()} />;
  if (workspace.isError) return <ErrorAlert error={workspace.error} onRetry={() => workspace.refetch()} />;
  if (hypothesis.isPending || workspace.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const h = hypothesis.data;
  const back = (
    <Anchor component={Link} to={`/hypotheses/${h.id}`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} /> {h.title}
      </Group>
    </Anchor>
  );
  if (h.status !== 'APPROVED') {
    return (
      <EmptyState
        mt="xl"
        icon={<IconLock />}
        title="This hypothesis cannot get an experiment"
        description={`Only approved hypotheses are tested; this one is ${h.status.toLowerCase()}.`}
        data-testid="experiment-not-allowed"
      >
        <EmptyState.Actions>
          <Button component={Link} to={`/hypotheses/${h.id}`} variant="default">
            Back to the hypothesis
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      {back}
      <Stack gap={4}>
        <Title order={2}>Start an experiment</Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Testing “{h.title}”
          </Text>
          <StatusBadge status={h.status} size="sm" />
        </Group>
      </Stack>
      <ExperimentForm
        hypothesisId={h.id}
        initial={initialValues(h, workspace.data)}
        onSave={(input) => create.mutate(input)}
        pending={create.isPending}
        error={create.error}
      />
    </Stack>
  );
}
