import { assessReadiness, type ReadinessAssessment, type ReadinessInput, ZReadinessInput } from '@uplift/domain';

type NumberValue = number | string;

/** The form as a product owner reads it: the discount in percent, empty fields while typing. */
export interface ReadinessValues {
  price: NumberValue;
  discountPct: NumberValue;
  unitCost: NumberValue;
  fulfilmentCost: NumberValue;
  expectedVolumePerMonth: NumberValue;
  capacityPerMonth: NumberValue;
  deliverableAtScale: boolean;
  notes: string;
}
export type ReadinessField = keyof ReadinessValues;

export const EMPTY_READINESS: ReadinessValues = {
  price: '',
  discountPct: '',
  unitCost: '',
  fulfilmentCost: 0,
  expectedVolumePerMonth: '',
  capacityPerMonth: '',
  deliverableAtScale: false,
  notes: '',
};

const num = (v: NumberValue) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

export function toReadinessInput(v: ReadinessValues): ReadinessInput {
  return {
    price: num(v.price),
    discount: Number((num(v.discountPct) / 100).toPrecision(12)),
    unitCost: num(v.unitCost),
    fulfilmentCost: v.fulfilmentCost === '' ? 0 : num(v.fulfilmentCost),
    expectedVolumePerMonth: num(v.expectedVolumePerMonth),
    capacityPerMonth: num(v.capacityPerMonth),
    deliverableAtScale: v.deliverableAtScale,
    ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
  };
}

/** api / schema field → form field. */
const FORM_FIELD: Record<string, ReadinessField> = { discount: 'discountPct' };
export const formFieldOf = (field: string): ReadinessField => FORM_FIELD[field] ?? (field as ReadinessField);

export interface LiveReadiness {
  /** The full assessment once every figure is valid. */
  assessment: ReadinessAssessment | null;
  /** The margin as soon as price, discount and costs are valid, before volume and capacity are known. */
  margin: number | null;
  /** Problems with the figures typed so far (empty fields are not problems yet). */
  errors: Partial<Record<ReadinessField, string>>;
}

/** The gate's own rule (assessReadiness from @uplift/domain), run in the browser as the figures are typed. */
export function liveReadiness(v: ReadinessValues): LiveReadiness {
  const input = toReadinessInput(v);
  const parsed = ZReadinessInput.safeParse(input);
  const errors: LiveReadiness['errors'] = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formFieldOf(String(issue.path[0]));
      const typed = v[field];
      if (typeof typed === 'string' && typed.trim() === '') continue;
      // The schema speaks of the discount as a share (0–1); the form asks for percent.
      errors[field] ??= field === 'discountPct' ? 'must be at least 0% and below 100%' : issue.message;
    }
  }
  if (parsed.success) {
    const assessment = assessReadiness(parsed.data);
    return { assessment, margin: assessment.marginPerConversion, errors };
  }
  // Volume and capacity do not enter the margin: assess with placeholders to show it early.
  const early = ZReadinessInput.safeParse({ ...input, expectedVolumePerMonth: 0, capacityPerMonth: 0 });
  return { assessment: null, margin: early.success ? assessReadiness(early.data).marginPerConversion : null, errors };
}
