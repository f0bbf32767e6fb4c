import type { ExperimentDecision } from '../decision';
import type { StoredLocationAnalysis } from '../locations/location-test';
import type { AnalyzeResult } from '../stats/types';
import type { OfferState } from './offer-state';
import { type LadderChannel, type LadderSettings, nextRung, previousRung, rungPolicy } from './policy';
import { qualifiesForPromotion } from './qualify';
import { projectMonthlyGain, reachAtRung } from './rung-reach';
import { bestSegmentWins } from './segments';
import { type LadderNotice, stepNotice } from './step-notice';

export interface LadderSnapshot {
  /** An A/B analysis (it has `srm`), or a location test's difference-in-differences or synthetic control. */
  analysis: AnalyzeResult | StoredLocationAnalysis;
  users: number;
  reason: string;
  winner: string | null;
  segments: { segment: string; analysis: AnalyzeResult }[] | null;
}

export interface LadderStepInput {
  outcome: 'WIN' | 'LOSS' | 'INCONCLUSIVE';
  offer: { name: string; rung: string };
  experiment: {
    key: string;
    channel: LadderChannel;
    variants: readonly { key: string }[];
    alpha: number;
    metric: string | null;
  };
  ladder: readonly LadderChannel[];
  policies: LadderSettings['policies'];
  /** The experiment's newest snapshot, null when it has none. */
  snapshot: LadderSnapshot | null;
  hypothesis: { reachPerMonth: number; valuePerConversion: number };
  /** The reach of the offer's latest experiment on each rung it has stood on (a rung's own reach). */
  rungReaches?: Partial<Record<LadderChannel, number>>;
}

export type LadderStep =
  /** No proposal: the offer moves to `state` (null: it stays as it is). */
  | { kind: 'none'; state: OfferState | null; notice: LadderNotice | null }
  /** A step up; applied at once when `autoApply`, else awaiting approval. `notice` is what to say either way. */
  | { kind: 'promote'; to: LadderChannel; evidence: Record<string, unknown>; autoApply: boolean; notice: LadderNotice }
  | { kind: 'demote'; to: LadderChannel; evidence: Record<string, unknown>; notice: LadderNotice }
  /** A step up for some segments only, always a product owner's call. */
  | {
      kind: 'scoped-promote';
      to: LadderChannel;
      evidence: Record<string, unknown>;
      segments: string[];
      notice: LadderNotice;
    };

/**
 * After an experiment completes: a qualifying WIN proposes the next rung (applied at once where its policy asks
 * no approval and no readiness check), a LOSS above the first rung proposes stepping back, an INCONCLUSIVE
 * result with segment wins proposes a scoped step, and otherwise the offer's state follows the outcome.
 */
export function decideLadderStep(input: LadderStepInput): LadderStep {
  const { outcome, experiment, snapshot, ladder } = input;
  const say = stepNotice(input.offer.name, experiment.channel);
  if (input.offer.rung !== experiment.channel) return { kind: 'none', state: null, notice: null };
  const segmentsOf = (s: LadderSnapshot) =>
    bestSegmentWins(s.segments, s.winner, experiment.variants, experiment.alpha);
  if (outcome === 'WIN' && snapshot) {
    const to = nextRung(ladder, experiment.channel);
    if (!to) return { kind: 'none', state: 'ROLLED_OUT', notice: say.rolledOut() };
    const policy = rungPolicy({ policies: input.policies }, to);
    const { analysis } = snapshot;
    const decision: ExperimentDecision = { outcome: 'WIN', reason: snapshot.reason, winner: snapshot.winner };
    // A location test's result (DiD or synthetic control) is not an A/B analysis: its WIN is the evidence.
    const q =
      'srm' in analysis
        ? qualifiesForPromotion({ decision, analysis, users: snapshot.users }, policy)
        : { qualifies: true, reasons: [], winner: null };
    if (!q.qualifies) return { kind: 'none', state: 'WON', notice: say.notQualified(to, q.reasons) };
    const lift = q.winner?.estimate ?? 0;
    const controlMean = 'srm' in analysis ? analysis.variants[0].mean : null;
    // Projection at the next rung: its own monthly reach at full rollout (the hypothesis' unless the offer
    // stood there before) × the control's rate here × the measured relative lift × value per conversion. The
    // reach and value travel with the evidence, so a product owner's other reach re-projects the same way.
    const reachPerMonth = reachAtRung(to, input.rungReaches ?? {}, input.hypothesis.reachPerMonth);
    const { valuePerConversion } = input.hypothesis;
    const evidence = {
      projectedMonthlyGain: projectMonthlyGain({ reachPerMonth, controlMean, lift, valuePerConversion }),
      reachPerMonth,
      valuePerConversion,
      experiment: experiment.key,
      channel: experiment.channel,
      metric: experiment.metric,
      alpha: experiment.alpha,
      winner: q.winner?.key,
      estimate: q.winner?.estimate,
      ci: q.winner?.ci,
      pValue: (q.winner as { pValue?: number | null } | null)?.pValue ?? null,
      chanceToWin: (q.winner as { chanceToWin?: number | null } | null)?.chanceToWin ?? null,
      users: snapshot.users,
      controlMean,
      winnerMean: q.winner?.mean,
      reason: snapshot.reason,
      segmentsWon: segmentsOf(snapshot).wins,
    };
    const autoApply = policy.approval === 'none' && !policy.readinessGate;
    const notice = autoApply
      ? say.movesUp(to, snapshot.reason)
      : say.proposeUp(to, snapshot.reason, policy.readinessGate);
    return { kind: 'promote', to, evidence, autoApply, notice };
  }
  if (outcome === 'LOSS') {
    const back = previousRung(ladder, experiment.channel);
    if (!back) return { kind: 'none', state: 'LOST', notice: null };
    const evidence = {
      experiment: experiment.key,
      channel: experiment.channel,
      reason: snapshot?.reason,
      users: snapshot?.users,
    };
    return { kind: 'demote', to: back, evidence, notice: say.proposeBack(back, snapshot?.reason) };
  }
  if (outcome === 'INCONCLUSIVE' && snapshot) {
    // No overall win, but some segments may have won (after correction across segments): a scoped step up is
    // always a product owner's call.
    const to = nextRung(ladder, experiment.channel);
    const bySegment = segmentsOf(snapshot);
    if (to && bySegment.variant && bySegment.wins.length) {
      const segments = bySegment.wins.map((w) => w.segment);
      const evidence = {
        experiment: experiment.key,
        channel: experiment.channel,
        winner: bySegment.variant,
        users: snapshot.users,
        reason: snapshot.reason,
        segmentsWon: bySegment.wins,
      };
      return {
        kind: 'scoped-promote',
        to,
        evidence,
        segments,
        notice: say.proposeScoped(to, segments, snapshot.reason),
      };
    }
  }
  return { kind: 'none', state: outcome === 'INCONCLUSIVE' ? 'INCONCLUSIVE' : 'STOPPED', notice: null };
}
