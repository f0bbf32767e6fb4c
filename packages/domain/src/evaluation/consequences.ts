import { type ExperimentDecision, type ExperimentOutcome, TERMINAL_OUTCOMES } from '../decision';

/** The experiment as the evaluation's transaction finds it, after storing the snapshot. */
export interface EvaluatedExperimentState {
  status: string;
  evaluatedVersion: number | null;
  outcome: string | null;
  pendingOutcome: string | null;
}

export interface DecisionNotice {
  kind: 'srm' | 'decision_pending';
  title: string;
  body: string;
}

export interface DecisionConsequences {
  /** False when the snapshot was already stored (a retried job), the experiment stopped or a newer version was evaluated. */
  applies: boolean;
  becameSrm: boolean;
  /** A terminal decision awaiting a product owner's confirmation (the workspace confirms decisions). */
  pending: boolean;
  /** A terminal decision that completes the experiment now. */
  complete: boolean;
  /** The experiment's fields to write; `pendingOutcome` absent means unchanged. Null when nothing applies. */
  update: {
    evaluatedVersion: number;
    outcome: ExperimentOutcome;
    outcomeReason: string;
    pendingOutcome?: ExperimentOutcome | null;
  } | null;
  notices: DecisionNotice[];
}

/**
 * What one evaluation's decision does to its experiment (README, "Decision rules"): a first SRM_HALT
 * notifies; a terminal decision completes the experiment, or waits for confirmation when the workspace
 * confirms decisions (notified once per outcome); a non-terminal one clears any pending outcome.
 */
export function decisionConsequences(input: {
  current: EvaluatedExperimentState;
  experimentName: string;
  version: number;
  /** Whether the snapshot for this version was newly stored. */
  stored: boolean;
  decision: ExperimentDecision;
  confirmDecisions: boolean;
}): DecisionConsequences {
  const { current, version, decision, confirmDecisions } = input;
  const applies = input.stored && current.status === 'RUNNING' && (current.evaluatedVersion ?? -1) <= version;
  if (!applies) return { applies, becameSrm: false, pending: false, complete: false, update: null, notices: [] };
  const { outcome, reason } = decision;
  const terminal = TERMINAL_OUTCOMES.has(outcome);
  const becameSrm = outcome === 'SRM_HALT' && current.outcome !== 'SRM_HALT';
  const pending = terminal && confirmDecisions && current.pendingOutcome !== outcome;
  const notices: DecisionNotice[] = [];
  if (becameSrm)
    notices.push({ kind: 'srm', title: `Sample ratio mismatch in "${input.experimentName}"`, body: reason });
  if (pending) {
    notices.push({
      kind: 'decision_pending',
      title: `"${input.experimentName}" reached ${outcome}: a product owner's confirmation is needed`,
      body: reason,
    });
  }
  return {
    applies,
    becameSrm,
    pending,
    complete: terminal && !confirmDecisions,
    update: {
      evaluatedVersion: version,
      outcome,
      outcomeReason: reason,
      ...(terminal && confirmDecisions ? { pendingOutcome: outcome } : {}),
      ...(!terminal ? { pendingOutcome: null } : {}),
    },
    notices,
  };
}

/** The webhook payload of a decision (and the data of its notifications). */
export function decisionPayload(
  experiment: { key: string; name: string },
  evaluation: { users: number; decision: ExperimentDecision },
  dataVersion: number,
) {
  const { outcome, reason, winner } = evaluation.decision;
  return {
    experiment: experiment.key,
    name: experiment.name,
    dataVersion,
    users: evaluation.users,
    decision: { outcome, reason, winner },
  };
}
