import { z } from 'zod';
import { bounded, int4, text } from '../zod-safe';

/** What a product owner records before an offer goes to a rung behind the readiness gate (e.g. offline). */
export const ZReadinessInput = z.object({
  /** List price of what the offer sells, per conversion. */
  price: bounded().gt(0, 'must be > 0'),
  /** The offer's discount as a share of the price (0.15 for −15%). */
  discount: z.number().min(0, 'must be 0–1').lt(1, 'must be 0–1'),
  /** Cost of goods per conversion. */
  unitCost: bounded().min(0, 'must be ≥ 0'),
  /** Delivery, handling or staff cost per conversion. */
  fulfilmentCost: bounded().min(0, 'must be ≥ 0').default(0),
  /** Conversions per month expected at the rung's reach. */
  expectedVolumePerMonth: int4(),
  /** What stock or capacity can deliver per month. */
  capacityPerMonth: int4(),
  /** The product owner confirms the offer can be delivered at scale. */
  deliverableAtScale: z.boolean(),
  notes: text().trim().max(2000).optional(),
});
export type ReadinessInput = z.input<typeof ZReadinessInput>;

export interface ReadinessAssessment {
  marginPerConversion: number;
  monthlyContribution: number;
  capacityCoverage: number;
  passes: boolean;
  /** Why it fails, one sentence each. */
  failures: string[];
}

/** margin = price·(1 − discount) − unit cost − fulfilment; contribution = margin · volume; coverage = capacity / volume. */
export function assessReadiness(raw: ReadinessInput): ReadinessAssessment {
  const r = ZReadinessInput.parse(raw);
  const marginPerConversion = r.price * (1 - r.discount) - r.unitCost - r.fulfilmentCost;
  const failures: string[] = [];
  if (!(marginPerConversion > 0)) {
    failures.push(`the margin per conversion after the discount is ${marginPerConversion.toFixed(2)}, not positive`);
  }
  if (r.capacityPerMonth < r.expectedVolumePerMonth) {
    failures.push(
      `capacity (${r.capacityPerMonth.toLocaleString('en')}/month) is below the expected volume (${r.expectedVolumePerMonth.toLocaleString('en')}/month)`,
    );
  }
  if (!r.deliverableAtScale) failures.push('the product owner has not confirmed delivery at scale');
  return {
    marginPerConversion,
    monthlyContribution: marginPerConversion * r.expectedVolumePerMonth,
    capacityCoverage:
      r.expectedVolumePerMonth === 0 ? Number.POSITIVE_INFINITY : r.capacityPerMonth / r.expectedVolumePerMonth,
    passes: failures.length === 0,
    failures,
  };
}
