import type { AnalysisSettings } from './experiment';

/** The workspace's experiment defaults (its settings page). */
export interface AnalysisDefaults {
  defaultEngine: string;
  defaultAlpha: number;
  defaultCorrection: string;
  defaultSequential: number | null;
}

/** The default minimum worthwhile lift: half the hypothesis' |expected lift|, at least 1% (issue 11, point 4). */
export const minWorthwhileLift = (expectedLift: number) => Math.max(Math.abs(expectedLift) / 2, 0.01);

/**
 * A new experiment's analysis: what the creator gave, the workspace's default for the rest, and the minimum
 * worthwhile lift from the hypothesis when one is given. `sequential: null` and `minLift: null` are choices (a
 * fixed-horizon test, no futility stop), so only an absent value falls back.
 */
export function analysisSettingsFor(
  workspace: AnalysisDefaults,
  given: Partial<AnalysisSettings> = {},
  hypothesis?: { expectedLift: number },
): AnalysisSettings {
  const settings: AnalysisSettings = {
    engine: given.engine ?? (workspace.defaultEngine as AnalysisSettings['engine']),
    sequential: given.sequential !== undefined ? given.sequential : workspace.defaultSequential,
    alpha: given.alpha ?? workspace.defaultAlpha,
    correction: given.correction ?? (workspace.defaultCorrection as AnalysisSettings['correction']),
  };
  if (given.minLift !== undefined) settings.minLift = given.minLift;
  else if (hypothesis) settings.minLift = minWorthwhileLift(hypothesis.expectedLift);
  return settings;
}
