import { Text } from '@mantine/core';
import { formatAmount, formatDate, formatLift, formatRate, formatRoi } from '../../lib/format';
import { useMoney } from '../../lib/money';
import type { HypothesisDetail } from './hypothesis-actions';

/**
 * The ROI the hypothesis was approved on, shown only once it differs from today's (an edited input, a new
 * horizon): results are later compared with this estimate, not with the edited one.
 */
export function RoiAtApproval({ approval }: { approval: HypothesisDetail['atApproval'] }) {
  const money = useMoney();
  if (!approval?.differs) return null;
  const a = approval;
  return (
    <Text size="xs" c="dimmed" data-testid="roi-at-approval">
      ROI at approval ({formatDate(a.approvedAt)}):{' '}
      <Text span size="xs" fw={600} c="dark" data-testid="roi-at-approval-value">
        {formatRoi(a.roi)}
      </Text>{' '}
      — reach {formatAmount(a.reachPerMonth)}, baseline {formatRate(a.baselineRate)}, lift {formatLift(a.expectedLift)},
      value {money(a.valuePerConversion)}, confidence {formatRate(a.confidence)}, cost {money(a.cost)},{' '}
      {a.horizonMonths} months; {money(a.expectedMonthlyGain)} per month expected.
    </Text>
  );
}
