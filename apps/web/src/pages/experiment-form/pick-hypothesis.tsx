import { Button, EmptyState, Loader, Select } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { useTRPC } from '../../lib/trpc';

/** /experiments/new without a hypothesis: pick one of the approved ones instead of a dead end. */
export function PickHypothesis() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string | null>(null);
  const approved = useQuery(trpc.hypothesis.list.queryOptions({ status: ['APPROVED'], limit: 500 }));
  if (approved.isError) return <ErrorAlert error={approved.error} onRetry={() => approved.refetch()} />;
  const items = approved.data?.items ?? [];
  return (
    <EmptyState
      mt="xl"
      icon={<IconFlask />}
      title="Which hypothesis will this experiment test?"
      description={
        approved.isPending
          ? 'Loading approved hypotheses…'
          : items.length
            ? 'Only approved hypotheses can be tested.'
            : 'No hypothesis is approved yet. A product owner approves them on the backlog.'
      }
      data-testid="pick-hypothesis"
    >
      <EmptyState.Actions>
        {approved.isPending ? (
          <Loader size="sm" />
        ) : items.length ? (
          <>
            <Select
              w={360}
              searchable
              placeholder="Pick an approved hypothesis"
              data={items.map((h) => ({ value: h.id, label: h.title }))}
              value={chosen}
              onChange={setChosen}
            />
            <Button disabled={!chosen} onClick={() => navigate(`/experiments/new?hypothesisId=${chosen}`)}>
              Continue
            </Button>
          </>
        ) : (
          <Button component={Link} to="/" variant="default">
            Go to the backlog
          </Button>
        )}
      </EmptyState.Actions>
    </EmptyState>
  );
}
