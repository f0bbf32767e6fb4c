import { Badge, type BadgeProps } from '@mantine/core';
import type { ExperimentStatus } from '@uplift/domain';
import { EXPERIMENT_STATUS_COLOR } from '../lib/experiment-words';
import { humanize } from '../lib/format';

export function ExperimentStatusBadge({ status, ...props }: { status: ExperimentStatus } & BadgeProps) {
  return (
    <Badge
      color={EXPERIMENT_STATUS_COLOR[status]}
      variant="light"
      miw="max-content"
      data-testid="experiment-status"
      data-status={status}
      {...props}
    >
      {humanize(status)}
    </Badge>
  );
}
