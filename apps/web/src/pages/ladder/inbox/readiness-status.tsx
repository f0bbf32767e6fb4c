import { Alert, Anchor, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClipboardX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { rungPlace } from '../../../lib/ladder-words';
import { useTRPC } from '../../../lib/trpc';
import { readinessState } from '../readiness-state';
import { latestCheck, readinessOf } from '../types';

interface Props {
  offerId: string;
  rung: string;
  /** Whether the target rung's policy has the readiness gate. */
  gate: boolean;
}

/** Whether the step needs a readiness check of delivery and unit economics, and whether one passed. */
export function ReadinessStatus({ offerId, rung, gate }: Props) {
  const trpc = useTRPC();
  const offer = useQuery(trpc.ladder.offer.queryOptions({ id: offerId }, { enabled: gate }));
  const state = readinessState(gate, offer.data?.readiness, rung);
  const where = `/ladder/offers/${encodeURIComponent(offerId)}#readiness`;
  if (state === 'not_required') {
    return (
      <Text size="sm" c="dimmed" data-testid="readiness-status" data-state={state}>
        No readiness check needed {rungPlace(rung)}.
      </Text>
    );
  }
  if (state === null && offer.isError) {
    // Not knowing is said, not left blank: the decision below may depend on it.
    return (
      <Text size="sm" c="red.7" data-testid="readiness-status" data-state="error">
        Could not load the offer's readiness checks.{' '}
        <Anchor component="button" type="button" size="sm" onClick={() => offer.refetch()}>
          Try again
        </Anchor>
      </Text>
    );
  }
  if (state === null) return <Loader size="xs" />;
  const check = latestCheck(offer.data?.readiness ?? [], rung);
  if (state === 'passed' && check) {
    return (
      <Alert
        color="teal"
        variant="light"
        p="xs"
        icon={<IconCircleCheck />}
        data-testid="readiness-status"
        data-state={state}
      >
        <Text size="sm">
          Readiness check passed ({check.checkedByEmail ?? 'someone'}, {formatDateTime(check.createdAt)}).
        </Text>
      </Alert>
    );
  }
  const failures = check ? readinessOf(check).assessment.failures : [];
  return (
    <Alert
      color={state === 'failed' ? 'red' : 'orange'}
      variant="light"
      p="xs"
      icon={state === 'failed' ? <IconClipboardX /> : <IconAlertTriangle />}
      data-testid="readiness-status"
      data-state={state}
    >
      <Text size="sm">
        {state === 'failed'
          ? `The latest readiness check failed: ${failures.join('; ')}. `
          : `A readiness check is required before the offer goes ${rungPlace(rung)}, and none is recorded. `}
        <Anchor component={Link} to={where} size="sm">
          {state === 'failed' ? 'Check again on the offer page' : 'Record one on the offer page'}
        </Anchor>
      </Text>
    </Alert>
  );
}
