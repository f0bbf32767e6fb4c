import type { RungPolicy } from '@uplift/domain';
import { formatCount, formatLift } from '../../lib/format';

/** How an offer steps onto a rung, in a few words: "Product owner approves · readiness check · rollout". */
export function policySummary(policy: RungPolicy): string {
  return [
    policy.approval === 'product_owner' ? 'a product owner approves' : 'applied at once',
    `≥ ${formatCount(policy.minUnits)} units`,
    policy.minLowerBound !== null && `lift's lower bound > ${formatLift(policy.minLowerBound)}`,
    policy.readinessGate && 'readiness check',
    policy.mode === 'rollout' ? 'starts as a rollout' : 'starts as a new experiment',
  ]
    .filter(Boolean)
    .join(' · ')
    .replace(/^./, (c) => c.toUpperCase());
}
