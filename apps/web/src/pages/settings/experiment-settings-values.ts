import type { RouterOutputs } from '@uplift/api';
import type { WorkspaceSettingsInput } from '@uplift/domain';

type Workspace = RouterOutputs['workspace']['get'];
type NumberValue = number | string;

/** The form as people read it: thresholds in percent, α as a fraction as statisticians write it. */
export interface ExperimentSettingsValues {
  evaluationIntervalMinutes: NumberValue;
  confirmDecisions: boolean;
  defaultEngine: 'frequentist' | 'bayesian';
  defaultAlpha: NumberValue;
  defaultCorrection: 'none' | 'holm' | 'bh';
  sequential: boolean;
  defaultSequential: NumberValue;
  winChancePct: NumberValue;
  maxRiskPct: NumberValue;
  lossChancePct: NumberValue;
  /** Days raw events of ended tests are kept; empty: the deployment's default. */
  rawEventRetentionDays: NumberValue;
}

const pct = (f: number) => Number((f * 100).toPrecision(12));
const fraction = (v: NumberValue) => Number((Number(v) / 100).toPrecision(12));
const num = (v: NumberValue) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

export function fromWorkspace(w: Workspace): ExperimentSettingsValues {
  return {
    evaluationIntervalMinutes: w.evaluationIntervalMinutes,
    confirmDecisions: w.confirmDecisions,
    defaultEngine: w.defaultEngine as ExperimentSettingsValues['defaultEngine'],
    defaultAlpha: w.defaultAlpha,
    defaultCorrection: w.defaultCorrection as ExperimentSettingsValues['defaultCorrection'],
    sequential: w.defaultSequential !== null,
    defaultSequential: w.defaultSequential ?? '',
    winChancePct: pct(w.winChance),
    maxRiskPct: pct(w.maxRisk),
    lossChancePct: pct(w.lossChance),
    rawEventRetentionDays: w.rawEventRetentionDays ?? '',
  };
}

export function toSettings(v: ExperimentSettingsValues): WorkspaceSettingsInput {
  return {
    evaluationIntervalMinutes: num(v.evaluationIntervalMinutes),
    confirmDecisions: v.confirmDecisions,
    defaultEngine: v.defaultEngine,
    defaultAlpha: num(v.defaultAlpha),
    defaultCorrection: v.defaultCorrection,
    defaultSequential: v.sequential ? num(v.defaultSequential) : null,
    winChance: fraction(v.winChancePct),
    maxRisk: fraction(v.maxRiskPct),
    lossChance: fraction(v.lossChancePct),
    rawEventRetentionDays: v.rawEventRetentionDays === '' ? null : num(v.rawEventRetentionDays),
  };
}

/** Only what changed is sent: the api takes a partial update and audits exactly those keys. */
export function changedSettings(v: ExperimentSettingsValues, w: Workspace): WorkspaceSettingsInput {
  const next = toSettings(v);
  const current = toSettings(fromWorkspace(w));
  return Object.fromEntries(
    Object.entries(next).filter(([k, value]) => value !== current[k as keyof WorkspaceSettingsInput]),
  ) as WorkspaceSettingsInput;
}

/** Problems in the form's own units, keyed by form field. */
export function validateSettings(v: ExperimentSettingsValues): Partial<Record<keyof ExperimentSettingsValues, string>> {
  const errors: Partial<Record<keyof ExperimentSettingsValues, string>> = {};
  const within = (field: keyof ExperimentSettingsValues, ok: (n: number) => boolean, message: string) => {
    if (!ok(num(v[field] as NumberValue))) errors[field] = message;
  };
  within('evaluationIntervalMinutes', (n) => Number.isInteger(n) && n >= 1 && n <= 1440, 'Must be 1–1440 minutes');
  within('defaultAlpha', (n) => n > 0 && n <= 0.5, 'Must be above 0 and at most 0.5');
  if (v.sequential) within('defaultSequential', (n) => Number.isInteger(n) && n >= 1, 'Must be a whole number ≥ 1');
  within('winChancePct', (n) => n > 0 && n < 100, 'Must be between 0% and 100%');
  within('maxRiskPct', (n) => n > 0 && n < 100, 'Must be between 0% and 100%');
  within('lossChancePct', (n) => n > 0 && n < 100, 'Must be between 0% and 100%');
  if (v.rawEventRetentionDays !== '') {
    within('rawEventRetentionDays', (n) => Number.isInteger(n) && n >= 1 && n <= 36_500, 'Must be 1–36,500 days');
  }
  return errors;
}
