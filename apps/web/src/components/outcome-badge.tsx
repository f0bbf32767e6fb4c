import { Badge, type BadgeProps, Text } from '@mantine/core';
import { isOutcome, OUTCOME_COLOR, OUTCOME_LABEL } from '../lib/experiment-words';

/** The latest decision; `null` (never evaluated) reads as a dash. */
export function OutcomeBadge({ outcome, ...props }: { outcome: string | null } & BadgeProps) {
  if (!isOutcome(outcome)) {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  }
  return (
    <Badge
      color={OUTCOME_COLOR[outcome]}
      variant={outcome === 'WIN' || outcome === 'LOSS' ? 'filled' : 'light'}
      miw="max-content"
      data-testid="outcome-badge"
      data-outcome={outcome}
      {...props}
    >
      {OUTCOME_LABEL[outcome]}
    </Badge>
  );
}
