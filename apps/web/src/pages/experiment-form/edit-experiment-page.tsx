import { Anchor, Button, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { ExperimentStatusBadge } from '../../components/experiment-status-badge';
import { useTRPC } from '../../lib/trpc';
import { setupOf } from '../experiment/types';
import { draftPatch } from './draft-patch';
import { draftValues } from './draft-values';
import { ExperimentForm } from './experiment-form';
import { toInput } from './form-values';

/** `/experiments/:key/edit`: a draft's setup, changed before it starts (the api refuses once it has run). */
export function EditExperimentPage() {
  const { key = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The edit starts from what the api holds now, not from the experiment page's cached read.
  const detail = useQuery(trpc.experiment.get.queryOptions({ key }, { refetchOnMount: 'always' }));
  const experimentPath = `/experiments/${encodeURIComponent(key)}`;
  const update = useMutation(
    trpc.experiment.update.mutationOptions({
      onSuccess: async () => {
        await Promise.all(
          [trpc.experiment.pathKey(), trpc.audit.pathKey()].map((queryKey) =>
            queryClient.invalidateQueries({ queryKey }),
          ),
        );
        navigate(experimentPath);
      },
    }),
  );

  if (detail.isPending || (detail.isFetching && !detail.isFetchedAfterMount)) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} />;
  const { experiment, hypothesis } = detail.data;
  const { status } = setupOf(experiment);
  if (status !== 'DRAFT') {
    return (
      <EmptyState
        mt="xl"
        icon={<IconLock />}
        title="This experiment can no longer be edited"
        description={`It is ${status.toLowerCase()}, and a setup is frozen once running: the results must describe the setup that collected them.`}
        data-testid="experiment-frozen"
      >
        <EmptyState.Actions>
          <Button component={Link} to={experimentPath} variant="default" data-testid="experiment-frozen-back">
            Back to the experiment
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  const initial = draftValues(experiment);
  const before = toInput(initial, hypothesis.id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={experimentPath} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {experiment.name}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Title order={2}>Edit experiment</Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Its setup can change until it starts.
          </Text>
          <ExperimentStatusBadge status={status} size="sm" />
        </Group>
      </Stack>
      <ExperimentForm
        // Should the draft be read again, the form and `before` start again from the same read.
        key={detail.dataUpdatedAt}
        hypothesisId={hypothesis.id}
        initial={initial}
        editing={{ hypothesisTitle: hypothesis.title }}
        onSave={(input) => {
          const patch = draftPatch(before, input);
          // Nothing changed: nothing to save, and nothing for the audit log.
          if (Object.keys(patch).length === 0) navigate(experimentPath);
          else update.mutate({ key, patch });
        }}
        pending={update.isPending}
        error={update.error}
      />
    </Stack>
  );
}
