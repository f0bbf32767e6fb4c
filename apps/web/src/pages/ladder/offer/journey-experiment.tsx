import { Anchor, Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { ExperimentStatus } from '@uplift/domain';
import { Link } from 'react-router';
import { ExperimentStatusBadge } from '../../../components/experiment-status-badge';
import { OutcomeBadge } from '../../../components/outcome-badge';
import { ScopeBadge } from '../../../components/scope-badge';
import { formatCount, formatDate } from '../../../lib/format';
import type { BoardOffer } from '../types';

type Experiment = BoardOffer['experiments'][number];

/** An experiment of the offer on one rung: its status, the rung's reach, the decision with its reason. */
export function JourneyExperiment({ experiment: e }: { experiment: Experiment }) {
  return (
    <Stack gap={2} data-testid="journey-experiment" data-key={e.key} data-status={e.status}>
      <Group gap="xs">
        <Anchor component={Link} to={`/experiments/${encodeURIComponent(e.key)}`} fw={500} size="sm">
          {e.name}
        </Anchor>
        <Code fz="xs">{e.key}</Code>
        <ExperimentStatusBadge status={e.status as ExperimentStatus} size="sm" />
        <OutcomeBadge outcome={e.outcome} size="sm" />
        {e.design === 'rollout' && (
          <Badge variant="outline" size="sm" color="gray">
            Rollout with holdout
          </Badge>
        )}
        <ScopeBadge experiment={e} />
      </Group>
      {(e.reachPerMonth !== null || e.rolledOutAt) && (
        <Text size="xs" c="dimmed" data-testid="journey-experiment-reach">
          {e.reachPerMonth !== null && `Reach ${formatCount(e.reachPerMonth)} per month`}
          {e.reachPerMonth !== null && e.rolledOutAt && ' · '}
          {e.rolledOutAt && `Rolled out on ${formatDate(e.rolledOutAt)}`}
        </Text>
      )}
      {e.outcomeReason && (
        <Text size="xs" c="dimmed" data-testid="journey-experiment-reason">
          {e.outcomeReason}
        </Text>
      )}
    </Stack>
  );
}
