import { Text, Tooltip } from '@mantine/core';
import type { CurrentLift } from '@uplift/domain';
import { formatLift } from '../../lib/format';

/** The latest evaluation's lift (its best treatment's), green or red once the interval clears zero. */
export function ExperimentLift({ lift }: { lift: CurrentLift | null }) {
  if (!lift)
    return (
      <Text span size="sm" c="dimmed" data-testid="experiment-lift">
        —
      </Text>
    );
  const color = lift.significant ? (lift.estimate > 0 ? 'green.8' : 'red.8') : undefined;
  const interval = lift.ci ? `${formatLift(lift.ci[0])} to ${formatLift(lift.ci[1])}` : 'no interval';
  return (
    <Tooltip label={`${lift.variant} against the control; interval ${interval}`}>
      <Text span size="sm" fw={600} c={color} data-testid="experiment-lift" style={{ whiteSpace: 'nowrap' }}>
        {formatLift(lift.estimate)}
      </Text>
    </Tooltip>
  );
}
