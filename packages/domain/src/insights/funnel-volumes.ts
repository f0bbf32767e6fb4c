import { z } from 'zod';
import { FUNNEL_STAGES } from '../enums';
import { int4 } from '../zod-safe';

/** One stage's traffic over a typical month, as the team reports it. */
export const ZStageVolume = z
  .object({ entered: int4(undefined, 1), converted: int4(undefined, 0) })
  .refine((v) => v.converted <= v.entered, { message: 'must not exceed entered', path: ['converted'] });

/**
 * Traffic per funnel stage as the team reports it (issue 12 §4: "entered, or learned from the control groups"):
 * a stage given here takes its conversion from converted / entered; the others learn it from their tests.
 */
export const ZFunnelVolumes = z.partialRecord(z.enum(FUNNEL_STAGES), ZStageVolume);
export type FunnelVolumes = z.output<typeof ZFunnelVolumes>;
