import type { ExperimentOutcome, ExperimentStatus } from '@uplift/domain';

/** Drafts wait, running tests move, finished ones are settled or cut short. */
export const EXPERIMENT_STATUS_COLOR: Record<ExperimentStatus, string> = {
  DRAFT: 'gray',
  RUNNING: 'blue',
  COMPLETED: 'green',
  STOPPED: 'orange',
};

/** The worker's outcomes in the words a marketer would use. */
export const OUTCOME_LABEL: Record<ExperimentOutcome, string> = {
  NO_DATA: 'No data yet',
  SRM_HALT: 'Split broken (SRM)',
  KEEP_RUNNING: 'Keep running',
  WIN: 'Win',
  LOSS: 'Loss',
  INCONCLUSIVE: 'Inconclusive',
};

export const OUTCOME_COLOR: Record<ExperimentOutcome, string> = {
  NO_DATA: 'gray',
  SRM_HALT: 'red',
  KEEP_RUNNING: 'blue',
  WIN: 'green',
  LOSS: 'red',
  INCONCLUSIVE: 'yellow',
};

/** What the outcome means for the reader, one sentence each. */
export const OUTCOME_HELP: Record<ExperimentOutcome, string> = {
  NO_DATA: 'Every variant needs at least 2 exposed units before anything can be said.',
  SRM_HALT: 'The variants did not get the traffic their weights promise, so no comparison can be trusted.',
  KEEP_RUNNING: 'Not enough evidence yet: let it run until the planned sample is reached.',
  WIN: 'A treatment beat the control on the primary metric.',
  LOSS: 'Every treatment did worse than the control on the primary metric.',
  INCONCLUSIVE:
    'No treatment differs clearly from the control, the interval rules out any effect worth having, or a guardrail was harmed.',
};

export const isOutcome = (value: unknown): value is ExperimentOutcome =>
  typeof value === 'string' && value in OUTCOME_LABEL;

export const ENGINES = [
  { value: 'frequentist', label: 'Frequentist (p-values)' },
  { value: 'bayesian', label: 'Bayesian (chance to win)' },
];
export const CORRECTIONS = [
  { value: 'none', label: 'None' },
  { value: 'holm', label: 'Holm (family-wise)' },
  { value: 'bh', label: 'Benjamini–Hochberg (false discovery)' },
];
