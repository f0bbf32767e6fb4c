import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { OutcomeBadge } from '../../components/outcome-badge';
import { isOutcome, OUTCOME_HELP, OUTCOME_LABEL } from '../../lib/experiment-words';
import { formatDate, formatDateTime } from '../../lib/format';
import type { ExperimentRow, Results } from './types';

/** What the worker concluded, why, and — when the workspace asks for it — that a person must confirm it. */
interface Props {
  results: Results;
  experiment: ExperimentRow;
  names: Record<string, string>;
}

export function DecisionPanel({ results, experiment, names }: Props) {
  const { outcome, reason, winner } = results.decision;
  const pending = isOutcome(results.pendingConfirmation) ? results.pendingConfirmation : null;
  const draft = results.status === 'DRAFT';
  return (
    <Paper withBorder p="md" h="100%" data-testid="decision" data-outcome={outcome}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Decision</Title>
          <OutcomeBadge outcome={outcome} size="lg" />
        </Group>
        <Text size="sm" data-testid="decision-reason">
          {draft ? 'Not started: start the experiment to collect data.' : reason}
        </Text>
        {winner && (
          <Text size="sm" fw={600} data-testid="decision-winner">
            Winner: {names[winner] && names[winner] !== winner ? `${names[winner]} (${winner})` : winner}
          </Text>
        )}
        {isOutcome(outcome) && !draft && (
          <Text size="xs" c="dimmed">
            {OUTCOME_HELP[outcome]}
          </Text>
        )}
        {experiment.rolledOutAt && (
          <Text size="sm" fw={600} c="teal" data-testid="rolled-out">
            Rolled out on {formatDate(experiment.rolledOutAt)}
          </Text>
        )}
        {results.status === 'STOPPED' && experiment.stopReason && (
          <Text size="sm" data-testid="stop-reason">
            <Text span fw={600}>
              Stopped:{' '}
            </Text>
            {experiment.stopReason}
          </Text>
        )}
        {pending && results.status === 'RUNNING' && (
          <Alert color="yellow" variant="light" icon={<IconHourglass />} data-testid="pending-confirmation">
            The worker proposes “{OUTCOME_LABEL[pending]}”. This workspace asks a product owner to confirm decisions
            before the experiment completes.
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {results.evaluatedAt
            ? `Last evaluated ${formatDateTime(results.evaluatedAt)} (data version ${results.dataVersion}).`
            : 'Not evaluated yet.'}
        </Text>
      </Stack>
    </Paper>
  );
}
