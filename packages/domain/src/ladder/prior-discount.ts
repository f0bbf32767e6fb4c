import { z } from 'zod';

export const PRIOR_DISCOUNT_MIN = 1;
export const PRIOR_DISCOUNT_MAX = 100;
export const PRIOR_DISCOUNT_MESSAGE = 'must be 1–100 (1 keeps the lower rung’s evidence at full weight)';

/** Whether `x` is a usable prior discount: 1 (full weight) to 100. NaN and non-numbers are not. */
export const isPriorDiscount = (x: unknown): x is number =>
  typeof x === 'number' && x >= PRIOR_DISCOUNT_MIN && x <= PRIOR_DISCOUNT_MAX;

/** How much the lower rung's evidence is widened when carried up (the prior's variance × discount). */
export const ZPriorDiscount = z.number().refine(isPriorDiscount, PRIOR_DISCOUNT_MESSAGE);
