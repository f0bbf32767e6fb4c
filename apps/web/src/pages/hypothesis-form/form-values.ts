import {
  type Channel,
  type FunnelStage,
  type HypothesisCreateInput,
  type RoiInput,
  ZHypothesisFields,
} from '@uplift/domain';

/** What the api stores for a hypothesis's own fields (create input without the request plumbing). */
export type HypothesisFieldsInput = Omit<HypothesisCreateInput, 'clientRequestId' | 'submit'>;

/** Mantine's NumberInput reports '' while empty and a string while a number is half typed. */
type NumberValue = number | string;

/** The form as people fill it in: rates are percentages here and fractions in the api. */
export interface HypothesisFormValues {
  title: string;
  statement: string;
  funnelStage: FunnelStage | null;
  segment: string;
  channel: Channel;
  offer: string;
  reachPerMonth: NumberValue;
  baselinePct: NumberValue;
  liftPct: NumberValue;
  valuePerConversion: NumberValue;
  confidencePct: NumberValue;
  cost: NumberValue;
  iceImpact: NumberValue;
  iceConfidence: NumberValue;
  iceEase: NumberValue;
}
export type FormField = keyof HypothesisFormValues;

export const EMPTY_VALUES: HypothesisFormValues = {
  title: '',
  statement: '',
  funnelStage: null,
  segment: '',
  channel: 'EMAIL',
  offer: '',
  reachPerMonth: '',
  baselinePct: '',
  liftPct: '',
  valuePerConversion: '',
  confidencePct: '',
  cost: '',
  iceImpact: '',
  iceConfidence: '',
  iceEase: '',
};

/** api field → form field, where they differ (the percentage inputs). */
const FORM_FIELD: Record<string, FormField> = {
  baselineRate: 'baselinePct',
  expectedLift: 'liftPct',
  confidence: 'confidencePct',
};
export const formFieldOf = (apiField: string): string => FORM_FIELD[apiField] ?? apiField;

/** The api's messages speak in fractions; next to a % input they must speak in percent. */
const PERCENT_MESSAGE: Partial<Record<FormField, string>> = {
  baselinePct: 'must be above 0% and below 100%',
  liftPct: 'must be above −100%',
  confidencePct: 'must be between 0% and 100%',
};

const REQUIRED_NUMBERS: FormField[] = [
  'reachPerMonth',
  'baselinePct',
  'liftPct',
  'valuePerConversion',
  'confidencePct',
  'cost',
];

const num = (v: NumberValue): number | undefined => {
  if (typeof v === 'number') return v;
  return v.trim() === '' ? undefined : Number(v);
};
const fraction = (pct: NumberValue) => {
  const n = num(pct);
  // Rounded so 7% is 0.07 and not 0.07000000000000001.
  return n === undefined ? undefined : Number((n / 100).toPrecision(12));
};
const percent = (f: number) => Number((f * 100).toPrecision(12));
const optional = (v: NumberValue) => num(v) ?? null;

export function toRoiInput(v: HypothesisFormValues, horizonMonths: number): RoiInput {
  return {
    reachPerMonth: num(v.reachPerMonth) as number,
    baselineRate: fraction(v.baselinePct) as number,
    expectedLift: fraction(v.liftPct) as number,
    valuePerConversion: num(v.valuePerConversion) as number,
    confidence: fraction(v.confidencePct) as number,
    cost: num(v.cost) as number,
    horizonMonths,
  };
}

export function toFields(v: HypothesisFormValues): HypothesisFieldsInput {
  const { horizonMonths: _h, ...roi } = toRoiInput(v, 1);
  return {
    title: v.title,
    statement: v.statement,
    funnelStage: v.funnelStage as FunnelStage,
    segment: v.segment,
    channel: v.channel,
    offer: v.offer,
    ...roi,
    iceImpact: optional(v.iceImpact),
    iceConfidence: optional(v.iceConfidence),
    iceEase: optional(v.iceEase),
  };
}

export function fromHypothesis(h: HypothesisFieldsInput): HypothesisFormValues {
  return {
    title: h.title,
    statement: h.statement,
    funnelStage: h.funnelStage,
    segment: h.segment,
    channel: h.channel ?? 'EMAIL',
    offer: h.offer,
    reachPerMonth: h.reachPerMonth,
    baselinePct: percent(h.baselineRate),
    liftPct: percent(h.expectedLift),
    valuePerConversion: h.valuePerConversion,
    confidencePct: percent(h.confidence),
    cost: h.cost,
    iceImpact: h.iceImpact ?? '',
    iceConfidence: h.iceConfidence ?? '',
    iceEase: h.iceEase ?? '',
  };
}

/** The same schema the api applies, run before sending so most mistakes show without a round trip. */
export function validate(v: HypothesisFormValues): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  const parsed = ZHypothesisFields.safeParse(toFields(v));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formFieldOf(String(issue.path[0] ?? '')) as FormField;
      errors[field] ??= fieldMessage(field, issue.message);
    }
  }
  if (!v.funnelStage) errors.funnelStage = 'is required';
  for (const field of REQUIRED_NUMBERS) if (num(v[field] as NumberValue) === undefined) errors[field] = 'is required';
  return errors;
}

/** The api's message for a field, reworded for percentage inputs. */
export const fieldMessage = (field: string, message: string) =>
  PERCENT_MESSAGE[field as FormField] && !/required/.test(message)
    ? (PERCENT_MESSAGE[field as FormField] as string)
    : message;
