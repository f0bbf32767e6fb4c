import { Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { newRequestId } from '../../lib/request-id';
import { useTRPC } from '../../lib/trpc';
import { EMPTY_VALUES, type HypothesisFieldsInput } from './form-values';
import { HypothesisForm } from './hypothesis-form';

export function NewHypothesisPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const workspace = useQuery(trpc.workspace.get.queryOptions());
  // One id for the life of this form: a double click or a retry after a lost answer makes one hypothesis.
  const [clientRequestId] = useState(newRequestId);
  const [pending, setPending] = useState<'draft' | 'submit' | null>(null);
  const create = useMutation(
    trpc.hypothesis.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.hypothesis.pathKey() });
        navigate(`/hypotheses/${created.id}`);
      },
      onSettled: () => setPending(null),
    }),
  );

  const onSave = (fields: HypothesisFieldsInput, submit: boolean) => {
    if (create.isPending) return;
    setPending(submit ? 'submit' : 'draft');
    create.mutate({ ...fields, clientRequestId, submit });
  };

  return (
    <Stack gap="md">
      <Title order={2}>New hypothesis</Title>
      <HypothesisForm
        initial={EMPTY_VALUES}
        horizonMonths={workspace.data?.horizonMonths}
        onSave={onSave}
        pending={pending}
        error={create.error}
        showRelated
      />
    </Stack>
  );
}
