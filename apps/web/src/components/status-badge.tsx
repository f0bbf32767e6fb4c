import { Badge, type BadgeProps } from '@mantine/core';
import type { HypothesisStatus } from '@uplift/domain';
import { humanize } from '../lib/format';
import { STATUS_COLOR } from '../lib/status-colors';

export function StatusBadge({ status, ...props }: { status: HypothesisStatus } & BadgeProps) {
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      // Mantine badges may shrink to an ellipsis in a tight table; a status must always be readable.
      miw="max-content"
      data-testid="status-badge"
      data-status={status}
      {...props}
    >
      {humanize(status)}
    </Badge>
  );
}
