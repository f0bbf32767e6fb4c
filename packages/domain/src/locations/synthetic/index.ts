// Synthetic control for location tests with few treated locations, and planning them (README, "Synthetic control").
export { analyzeSynthetic, type SyntheticAnalysis, type SyntheticInput } from './analyze-synthetic';
export { candidateSets } from './candidate-sets';
export { decideSynthetic } from './decide-synthetic';
export { type FactorSalesOptions, factorSales } from './factor-sales';
export {
  type LocationPlan,
  type LocationPlanProgress,
  planLocationSteps,
  planLocations,
} from './market-selection';
export { evaluateTreatmentSet, PLAN_EFFECTS, type PlanSettings, type TreatmentSetEvaluation } from './plan';
export { LOCATION_PLAN_DEFAULTS, type LocationPlanInput, ZLocationPlanInput } from './plan-input';
export { LOCATION_PLAN_STATUSES, type LocationPlanStatus, ZStoredLocationPlan } from './plan-record';
export { prefersSynthetic, SYNTHETIC_BELOW_TREATED, SYNTHETIC_GUIDANCE } from './warnings';
