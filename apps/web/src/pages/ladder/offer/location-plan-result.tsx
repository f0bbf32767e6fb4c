import { Alert, Badge, Button, Group, List, Progress, Stack, Table, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { RouterOutputs } from '@uplift/api';
import { ErrorAlert } from '../../../components/error-alert';
import { formatRate } from '../../../lib/format';

type PlanState = NonNullable<RouterOutputs['experiment']['locationPlan']>;
type Evaluation = NonNullable<PlanState['result']>['ranked'][number];

interface Props {
  plan: PlanState;
  /** The ranked set chosen as the treatment, if any; `onChoose` picks one (null: back to the random split). */
  chosen: string[] | null;
  /** Absent for those who may not upload: they see the ranking only. */
  onChoose?: (treatment: string[] | null) => void;
}

const sameSet = (a: readonly string[] | null, b: readonly string[]) =>
  a !== null && a.length === b.length && a.every((id) => b.includes(id));
const mde = (e: Evaluation) => (e.mde === null ? 'none up to +50%' : `+${formatRate(e.mde)}`);

/** A location plan as it stands: progress while the worker runs it, then the ranked sets to choose from. */
export function LocationPlanResult({ plan, chosen, onChoose }: Props) {
  if (plan.status === 'FAILED') {
    return <ErrorAlert error={new Error(plan.error ?? 'The plan failed.')} title="Plan failed" testId="plan-failed" />;
  }
  if (plan.status !== 'DONE' || !plan.result) {
    const { done = 0, total = 0 } = plan.progress ?? {};
    return (
      <Stack gap={4} data-testid="plan-progress">
        <Text size="sm" c="dimmed">
          {plan.status === 'QUEUED' ? 'Waiting for the worker…' : `Evaluating treatment sets: ${done} of ${total}`}
        </Text>
        <Progress value={total ? (done / total) * 100 : 0} animated striped />
      </Stack>
    );
  }
  const result = plan.result;
  return (
    <Stack gap="xs" data-testid="plan-result">
      <Text size="sm">
        {result.searched} of {result.possible} sets of {result.treatmentSize} locations evaluated over {result.windows}{' '}
        historical windows of {result.testWeeks} weeks; best first (fewest false detections, then smallest detectable
        lift, then closest pre-period fit).
      </Text>
      {result.warnings.length > 0 && (
        <Alert color="yellow" p="xs" title="Before you rely on it" data-testid="plan-warnings">
          <List size="sm">
            {result.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Table fz="sm" verticalSpacing={4} data-testid="plan-ranked">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Treat</Table.Th>
            <Table.Th>Minimum detectable lift</Table.Th>
            <Table.Th>False detections</Table.Th>
            <Table.Th>Pre-period fit (RMSPE)</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.ranked.map((set, i) => (
            <Table.Tr key={set.treatment.join()} data-testid="plan-set" data-treatment={set.treatment.join(',')}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{set.treatment.join(', ')}</Table.Td>
              <Table.Td>{mde(set)}</Table.Td>
              <Table.Td>{formatRate(set.falseDetections)}</Table.Td>
              <Table.Td>{formatRate(set.preRmspe)}</Table.Td>
              <Table.Td hidden={!onChoose}>
                {sameSet(chosen, set.treatment) ? (
                  <Badge
                    color="teal"
                    variant="light"
                    leftSection={<IconCheck size={12} />}
                    data-testid="plan-set-chosen"
                  >
                    Chosen
                  </Badge>
                ) : (
                  <Button size="compact-xs" variant="default" onClick={() => onChoose?.(set.treatment)}>
                    Treat these
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {chosen && onChoose && (
        <Group gap="xs" data-testid="plan-chosen">
          <Text size="sm">The first upload treats {chosen.join(', ')}; every other location is holdout.</Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onChoose(null)}>
            Use the random split instead
          </Button>
        </Group>
      )}
    </Stack>
  );
}
