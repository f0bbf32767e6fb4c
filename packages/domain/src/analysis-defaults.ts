import type { AnalysisSettings } from './experiment';

/** The workspace's experiment defaults (its settings page). */
export interface AnalysisDefaults {
  defaultEngine: string;
  defaultAlpha: number;
  defaultCorrection: string;
  defaultSequential: number | null;
}

/**
 * A new experiment's analysis: what the creator gave, the workspace's default for the rest. `sequential: null`
 * is a choice (a fixed-horizon test), so only an absent value falls back.
 */
export function analysisSettingsFor(
  workspace: AnalysisDefaults,
  given: Partial<AnalysisSettings> = {},
): AnalysisSettings {
  return {
    engine: given.engine ?? (workspace.defaultEngine as AnalysisSettings['engine']),
    sequential: given.sequential !== undefined ? given.sequential : workspace.defaultSequential,
    alpha: given.alpha ?? workspace.defaultAlpha,
    correction: given.correction ?? (workspace.defaultCorrection as AnalysisSettings['correction']),
  };
}
