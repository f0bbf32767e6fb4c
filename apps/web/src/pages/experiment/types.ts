import type { RouterOutputs } from '@uplift/api';
import type {
  AnalyzeResult,
  BayesianTreatmentResult,
  ExperimentMetrics,
  ExperimentStatus,
  TreatmentResult,
  VariantDefinition,
} from '@uplift/domain';

export type ExperimentDetail = RouterOutputs['experiment']['get'];
export type ExperimentRow = ExperimentDetail['experiment'];
export type Results = RouterOutputs['experiment']['results'];
export type Snapshot = RouterOutputs['experiment']['history'][number];

/** The analysis the worker stored (JSON in the database): `analyze`'s output, typed again here. */
export const analysisOf = (json: unknown) => (json ?? null) as AnalyzeResult | null;

export interface GuardrailResult {
  name: string;
  direction: 'up' | 'down';
  analysis: AnalyzeResult;
}
export const guardrailsOf = (json: unknown) => (Array.isArray(json) ? json : []) as GuardrailResult[];
export const segmentsOf = (json: unknown) =>
  (Array.isArray(json) ? json : null) as { segment: string; analysis: AnalyzeResult }[] | null;

/** The experiment row's JSON columns, as the api wrote them. */
export const setupOf = (e: ExperimentRow) => ({
  status: e.status as ExperimentStatus,
  // Parsed by the repository with the domain's stored-column schemas, so typed all the way here.
  variants: e.variants satisfies VariantDefinition[],
  metrics: e.metrics satisfies ExperimentMetrics,
  analysis: e.analysis,
});

export const treatmentsOf = (a: AnalyzeResult) => a.variants.slice(1) as TreatmentResult[];
export const isBayesian = (t: TreatmentResult): t is BayesianTreatmentResult => 'chanceToWin' in t;
