import {
  type AnalysisSettings,
  type Channel,
  type ExperimentCreateInput,
  type MetricKind,
  ZExperimentCreateInput,
} from '@uplift/domain';
import { type WinnerSendValues, winnerSendInput } from './winner-send-values';

/** Mantine's NumberInput reports '' while empty and a string while a number is half typed. */
type NumberValue = number | string;

export interface VariantValue {
  key: string;
  name: string;
  /** A share of traffic, 0–1; all of them sum to 1. */
  weight: NumberValue;
}

export interface GuardrailValue {
  name: string;
  kind: MetricKind;
  /** A ratio metric's parts: two binomial or mean metrics of the experiment (e.g. revenue / orders). */
  numerator: string;
  denominator: string;
  /** The good direction: "down" for unsubscribes or complaints. */
  direction: 'up' | 'down';
}

export interface ExperimentFormValues {
  key: string;
  name: string;
  channel: Channel;
  variants: VariantValue[];
  primaryName: string;
  primaryKind: MetricKind;
  primaryNumerator: string;
  primaryDenominator: string;
  guardrails: GuardrailValue[];
  engine: AnalysisSettings['engine'];
  sequential: boolean;
  sequentialN: NumberValue;
  /** The minimum worthwhile lift in percent; empty: half the hypothesis' expected lift, at least 1%. */
  minLiftPct: NumberValue;
  alpha: NumberValue;
  correction: AnalysisSettings['correction'];
  plannedUsers: NumberValue;
  segmentAttribute: string;
  winnerSend: WinnerSendValues;
  start: boolean;
}

/** Errors by the api's field path (`variants.1.key`, `metrics.primary.name`, `analysis.alpha`, …). */
export type FormErrors = Record<string, string | undefined>;

export interface FieldsProps {
  values: ExperimentFormValues;
  errors: FormErrors;
  set: <K extends keyof ExperimentFormValues>(field: K, value: ExperimentFormValues[K]) => void;
}

/**
 * 1/n to four decimals, the last variant taking the remainder, so the shares sum to exactly 1
 * (three variants: 0.3333, 0.3333, 0.3334).
 */
export function equalWeights(n: number): number[] {
  const share = Math.floor(10_000 / n) / 10_000;
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? Number((1 - share * (n - 1)).toFixed(4)) : share));
}

const num = (v: NumberValue): number | undefined => {
  if (typeof v === 'number') return v;
  return v.trim() === '' ? undefined : Number(v);
};

export const weightSum = (variants: VariantValue[]) => variants.reduce((s, v) => s + (num(v.weight) ?? 0), 0);

/** Only a ratio metric names its parts; the others send none (the api refuses them there). */
const ratioParts = (kind: MetricKind, numerator: string, denominator: string) =>
  kind === 'ratio' ? { numerator: numerator.trim(), denominator: denominator.trim() } : {};

export function toInput(v: ExperimentFormValues, hypothesisId: string): ExperimentCreateInput {
  return {
    key: v.key.trim(),
    name: v.name.trim() || undefined,
    hypothesisId,
    channel: v.channel,
    variants: v.variants.map((x) => ({
      key: x.key.trim(),
      name: x.name.trim() || undefined,
      weight: num(x.weight) as number,
    })),
    metrics: {
      primary: {
        name: v.primaryName.trim(),
        kind: v.primaryKind,
        ...ratioParts(v.primaryKind, v.primaryNumerator, v.primaryDenominator),
      },
      guardrails: v.guardrails.map((g) => ({
        name: g.name.trim(),
        kind: g.kind,
        ...ratioParts(g.kind, g.numerator, g.denominator),
        direction: g.direction,
      })),
    },
    analysis: {
      engine: v.engine,
      sequential: v.sequential && v.engine === 'frequentist' ? (num(v.sequentialN) as number) : null,
      alpha: num(v.alpha) as number,
      correction: v.correction,
      minLift: num(v.minLiftPct) === undefined ? undefined : (num(v.minLiftPct) as number) / 100,
    },
    plannedUsers: num(v.plannedUsers),
    segmentAttribute: v.segmentAttribute.trim() || null,
    winnerSend: winnerSendInput(v.winnerSend, v.channel),
    start: v.start,
  };
}

/**
 * The api's own schema, run before sending so most mistakes show on their field without a round trip. A `saved`
 * draft must keep its name and planned users: the api reads an absent field as "unchanged", not as "cleared".
 */
export function validate(v: ExperimentFormValues, hypothesisId: string, { saved = false } = {}): FormErrors {
  const errors: FormErrors = {};
  const parsed = ZExperimentCreateInput.safeParse(toInput(v, hypothesisId));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
  }
  v.variants.forEach((x, i) => {
    if (num(x.weight) === undefined) errors[`variants.${i}.weight`] = 'is required';
  });
  if (v.sequential && v.engine === 'frequentist' && num(v.sequentialN) === undefined)
    errors['analysis.sequential'] = 'is required';
  if (num(v.alpha) === undefined) errors['analysis.alpha'] = 'is required';
  if (saved && !v.name.trim()) errors.name = 'is required';
  if (saved && num(v.plannedUsers) === undefined) errors.plannedUsers = 'is required';
  return errors;
}
