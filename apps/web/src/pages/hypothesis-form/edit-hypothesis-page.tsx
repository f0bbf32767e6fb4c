import { Button, Center, EmptyState, Loader, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { useSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { fromHypothesis, type HypothesisFieldsInput } from './form-values';
import { HypothesisForm } from './hypothesis-form';

/** Only the author edits, and only a draft (the api enforces both; this page says so up front). */
export function EditHypothesisPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { user } = useSession();
  const hypothesis = useQuery(trpc.hypothesis.get.queryOptions({ id }));
  const workspace = useQuery(trpc.workspace.get.queryOptions());
  const [pending, setPending] = useState<'draft' | 'submit' | null>(null);
  const update = useMutation(trpc.hypothesis.update.mutationOptions());
  const submit = useMutation(trpc.hypothesis.submit.mutationOptions());

  const onSave = async (patch: HypothesisFieldsInput, andSubmit: boolean) => {
    setPending(andSubmit ? 'submit' : 'draft');
    try {
      await update.mutateAsync({ id, patch });
      if (andSubmit) await submit.mutateAsync({ id });
      await queryClient.invalidateQueries({ queryKey: trpc.hypothesis.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      navigate(`/hypotheses/${id}`);
    } catch {
      // The error is on the mutation and shows in the form.
    } finally {
      setPending(null);
    }
  };

  if (hypothesis.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (hypothesis.isError) return <ErrorAlert error={hypothesis.error} onRetry={() => hypothesis.refetch()} />;
  const h = hypothesis.data;
  if (h.status !== 'DRAFT' || h.authorId !== user.id) {
    return (
      <EmptyState
        mt="xl"
        icon={<IconLock />}
        title="This hypothesis cannot be edited"
        description={
          h.status !== 'DRAFT'
            ? `Only drafts can be edited; this one is ${h.status.toLowerCase()}.`
            : 'Only its author can edit a draft.'
        }
      >
        <EmptyState.Actions>
          <Button component={Link} to={`/hypotheses/${id}`} variant="default">
            Back to the hypothesis
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>Edit draft</Title>
      <HypothesisForm
        initial={fromHypothesis(h)}
        horizonMonths={workspace.data?.horizonMonths}
        onSave={onSave}
        pending={pending}
        error={update.error ?? submit.error}
      />
    </Stack>
  );
}
