/** What the retest rule looks at: the stopped experiment and its offer with everything it went through. */
export interface RetestInput {
  experiment: { status: string; channel: string };
  offer: {
    rung: string;
    experiments: readonly { status: string }[];
    promotions: readonly { kind: string; status: string; toRung: string }[];
  } | null;
}

/**
 * Why a stopped experiment cannot be tested again on its rung, or null when it can: only a promoted offer's
 * test (on a rung its win earned; a first-rung stop ends its hypothesis as INCONCLUSIVE), still on that rung,
 * with nothing else drafted or running for the offer.
 */
export function retestProblem({ experiment, offer }: RetestInput): string | null {
  if (experiment.status !== 'STOPPED') return 'Only a stopped experiment can be tested again.';
  if (!offer) return 'This experiment tests no offer on the channel ladder.';
  if (offer.rung !== experiment.channel) {
    return `The offer has moved to the ${offer.rung} rung since; test it there.`;
  }
  const promoted = offer.promotions.some(
    (p) => p.kind === 'PROMOTE' && p.status === 'APPLIED' && p.toRung === experiment.channel,
  );
  if (!promoted) {
    return 'Only an offer promoted onto this rung can be tested again here; on the first rung write a new hypothesis.';
  }
  if (offer.experiments.some((e) => e.status === 'DRAFT' || e.status === 'RUNNING')) {
    return 'The offer already has a draft or running experiment.';
  }
  return null;
}
