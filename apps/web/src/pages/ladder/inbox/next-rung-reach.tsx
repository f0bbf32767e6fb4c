import { NumberInput, Stack, Text } from '@mantine/core';
import { reprojectAtReach } from '@uplift/domain';
import { rungPlace } from '../../../lib/ladder-words';
import { useCurrency } from '../../../lib/money';
import { signedAmount } from '../evidence-words';
import type { Evidence } from '../types';

interface Props {
  evidence: Evidence;
  toRung: string;
  /** The reach the approver typed; null keeps the proposal's. */
  value: number | null;
  onChange: (reach: number | null) => void;
  editable: boolean;
}

/**
 * The next rung's reach per month, which the projection scales with: the proposal's default (the offer's earlier
 * reach there, else the hypothesis'), changeable by whoever approves. The projection follows as they type; the
 * api checks the number and redoes the projection on approval.
 */
export function NextRungReach({ evidence, toRung, value, onChange, editable }: Props) {
  const currency = useCurrency();
  const proposed = evidence.reachPerMonth ?? null;
  const reach = value ?? proposed;
  const canProject = reach !== null && reach > 0 && typeof evidence.valuePerConversion === 'number';
  const projected = canProject ? reprojectAtReach(evidence, reach, evidence.valuePerConversion ?? 0) : null;
  return (
    <Stack gap={4} data-testid="next-rung-reach">
      <NumberInput
        label={`Reach per month ${rungPlace(toRung)}`}
        description="Units this rung reaches per month at full rollout; the projection and the next experiment use it."
        value={reach ?? ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        allowDecimal={false}
        thousandSeparator=","
        disabled={!editable}
        maw={320}
        data-testid="next-rung-reach-input"
      />
      {projected && value !== null && value !== proposed && (
        <Text size="xs" c="dimmed" data-testid="next-rung-reach-projection">
          At this reach: projected {signedAmount(projected.projectedMonthlyGain, currency)} per month{' '}
          {rungPlace(toRung)}.
        </Text>
      )}
    </Stack>
  );
}
