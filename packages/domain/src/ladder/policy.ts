import { z } from 'zod';
import { CHANNELS, type Channel } from '../enums';
import { int4 } from '../zod-safe';

/** Channels an offer can climb through; a workspace orders the ones it uses into its ladder. */
export const LADDER_CHANNELS = CHANNELS;
export type LadderChannel = Channel;

/** What it takes to climb onto a rung (the policy belongs to the transition into that rung). */
export const ZRungPolicy = z.object({
  /** At least this many units in the winning experiment. */
  minUnits: int4(),
  /** Optional practical threshold: the lower confidence bound of the relative lift must exceed it (e.g. 0.02). */
  minLowerBound: z.number().min(-1, 'must be > −1').max(10).nullable(),
  /** Who approves the step: nobody (applied at once) or a product owner. */
  approval: z.enum(['none', 'product_owner']),
  /** The next rung starts with a new A/B experiment, or as a rollout with a holdout. */
  mode: z.enum(['experiment', 'rollout']),
  /** A product owner must confirm delivery at scale and unit economics before the offer may step onto it. */
  readinessGate: z.boolean(),
});
export type RungPolicy = z.infer<typeof ZRungPolicy>;

/** Defaults: banners take an email winner at once, as a new experiment; offline needs a product owner, a
 * readiness check and starts as a rollout with a holdout; other rungs behave like banners. */
export function defaultRungPolicy(rung: LadderChannel): RungPolicy {
  if (rung === 'OFFLINE') {
    return { minUnits: 1000, minLowerBound: null, approval: 'product_owner', mode: 'rollout', readinessGate: true };
  }
  return { minUnits: 1000, minLowerBound: null, approval: 'none', mode: 'experiment', readinessGate: false };
}

export const ZLadderSettings = z
  .object({
    ladder: z
      .array(z.enum(LADDER_CHANNELS))
      .min(2, 'needs at least 2 rungs')
      .refine((l) => new Set(l).size === l.length, 'lists a channel twice'),
    policies: z.partialRecord(z.enum(LADDER_CHANNELS), ZRungPolicy.partial()).default({}),
  })
  .strict();
export type LadderSettings = z.infer<typeof ZLadderSettings>;

/** The policy for stepping onto `rung`: the workspace's overrides over the defaults. */
export function rungPolicy(settings: Pick<LadderSettings, 'policies'>, rung: LadderChannel): RungPolicy {
  return { ...defaultRungPolicy(rung), ...(settings.policies[rung] ?? {}) };
}

export function nextRung(ladder: readonly string[], current: string): LadderChannel | null {
  const i = ladder.indexOf(current);
  return i >= 0 && i + 1 < ladder.length ? (ladder[i + 1] as LadderChannel) : null;
}

export function previousRung(ladder: readonly string[], current: string): LadderChannel | null {
  const i = ladder.indexOf(current);
  return i > 0 ? (ladder[i - 1] as LadderChannel) : null;
}

/** The policy in force for stepping onto each rung of the ladder: overrides over the defaults. */
export function effectivePolicies(settings: {
  ladder: readonly string[];
  policies: LadderSettings['policies'];
}): Record<string, RungPolicy> {
  return Object.fromEntries(settings.ladder.map((rung) => [rung, rungPolicy(settings, rung as LadderChannel)]));
}
