import type { HypothesisStatus } from '../enums';

export interface StopConsequence {
  /** The hypothesis' status after the stop: INCONCLUSIVE when it was TESTING, else unchanged. */
  hypothesisAfter: HypothesisStatus;
  hypothesisChanges: boolean;
  /** The offer stops on the rung the experiment tests (when the experiment tests one). */
  offerAfter: 'STOPPED' | null;
  /**
   * A stop above the first rung leaves the offer's earlier win standing, so the offer may be tested again on
   * this rung (retestOnRung).
   */
  retestable: boolean;
}

/**
 * What stopping an experiment does, the one rule stopExperiment applies and the Stop dialog words: a stopped
 * test gives no evidence either way, so only a hypothesis still TESTING (its first rung) leaves as
 * INCONCLUSIVE; an offer promoted by a win keeps that win (the hypothesis stays WON) and stops on its rung.
 */
export function stopConsequence(input: { hypothesisStatus: HypothesisStatus; hasOffer: boolean }): StopConsequence {
  const testing = input.hypothesisStatus === 'TESTING';
  return {
    hypothesisAfter: testing ? 'INCONCLUSIVE' : input.hypothesisStatus,
    hypothesisChanges: testing,
    offerAfter: input.hasOffer ? 'STOPPED' : null,
    retestable: input.hasOffer && !testing,
  };
}
