import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { describeScope } from '@uplift/domain';

/**
 * An experiment that reaches some segments only (the next rung of a scoped promotion): `country DE, NL only`.
 * Nothing for an experiment that reaches everyone.
 */
export function ScopeBadge({
  experiment,
  size = 'sm',
}: {
  experiment: { segmentAttribute: string | null; scopeSegments: string[] };
  size?: BadgeProps['size'];
}) {
  const scope = describeScope(experiment);
  if (!scope) return null;
  return (
    <Tooltip
      label="Only units of these segments take part: /v1/assign answers no variant to others, their exposures are refused and splits leave them out."
      multiline
      w={300}
    >
      <Badge variant="outline" color="grape" size={size} data-testid="scope-badge" data-scope={scope}>
        {scope}
      </Badge>
    </Tooltip>
  );
}
