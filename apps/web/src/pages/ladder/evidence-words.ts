import { formatCount, formatLift } from '../../lib/format';
import { rungName, rungPlace, rungUnits } from '../../lib/ladder-words';
import { formatMoney } from '../../lib/money';
import type { Evidence } from './types';

/** A money amount with its sign, a loss with a real minus, in the workspace's currency: +€12,000, −€4,620. */
export const signedAmount = (value: number, currency: string | null = null) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMoney(Math.abs(value), currency)}`;
const confidence = (alpha: number) => `${+((1 - alpha) * 100).toFixed(1)}% CI`;
const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

interface Step {
  kind: string;
  /** A decided step no longer asks its question. */
  status?: string;
  fromRung: string;
  toRung: string;
  evidence: Evidence;
}

/** The experiment's primary metric and α, when known, make the sentence read "+7.4% purchase … 95% CI". */
interface Context {
  metric?: string;
  alpha?: number;
  /** The workspace's currency, for the projected gain. */
  currency?: string | null;
}

/**
 * A proposal's evidence in one plain sentence, e.g. "+7.4% purchase in email, 95% CI +3.1%…+11.9%, 48,210
 * recipients; projected +12,000 per month on banners". A demotion reads as the question it asks.
 */
export function evidenceSentence(step: Step, context: Context = {}): string {
  const e = step.evidence;
  const units = finite(e.users) ? `${formatCount(e.users)} ${rungUnits(step.fromRung)}` : null;
  if (step.kind === 'DEMOTE') {
    const back = rungName(step.toRung).toLowerCase();
    const head =
      step.status === 'APPLIED'
        ? `Lost ${rungPlace(step.fromRung)}: stepped back to ${back}.`
        : step.status === 'REJECTED'
          ? `Lost ${rungPlace(step.fromRung)}; kept there.`
          : `Lost ${rungPlace(step.fromRung)}: step back to ${back}?`;
    return [head, units && `${units} in the test.`, e.reason].filter(Boolean).join(' ');
  }
  const parts: string[] = [];
  if (finite(e.estimate)) {
    parts.push(`${formatLift(e.estimate)} ${context.metric ?? 'on the primary metric'} ${rungPlace(step.fromRung)}`);
  } else {
    parts.push(`Won ${rungPlace(step.fromRung)}`);
  }
  if (e.ci && finite(e.ci[0]) && finite(e.ci[1])) {
    parts.push(`${confidence(context.alpha ?? 0.05)} ${formatLift(e.ci[0])}…${formatLift(e.ci[1])}`);
  }
  if (units) parts.push(units);
  const head = parts.join(', ');
  return finite(e.projectedMonthlyGain)
    ? `${head}; projected ${signedAmount(e.projectedMonthlyGain, context.currency ?? null)} per month ${rungPlace(step.toRung)}`
    : head;
}

/** "Email → Banners", "Banners → Email (step back)". */
export const stepLabel = (step: Pick<Step, 'kind' | 'fromRung' | 'toRung'>) =>
  `${rungName(step.fromRung)} → ${rungName(step.toRung)}${step.kind === 'DEMOTE' ? ' (step back)' : ''}`;
