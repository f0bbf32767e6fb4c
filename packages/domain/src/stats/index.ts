// The statistics engine: pure functions over sufficient statistics, validated at the boundary by the Z* schemas.
export { analyze } from './analyze';
export { bayesianTest } from './bayesian';
export { type CompareSettings, compare } from './compare';
export { adjustPValues, type Correction } from './correction';
export { type CupedFit, cupedFit, cupedMoments } from './cuped';
export { differenceEstimate, differenceSe } from './difference';
export { type Metric, variantMean, variantVariance } from './moments';
export { PLAN_DEFAULTS, type PlanRequest, type PlanResult, plan, ZPlanRequest } from './plan';
export { type Baseline, liftPower, liftSe, minimumDetectableLift, usersForPower } from './power';
export { mulberry32 } from './prng';
export { ANALYZE_DEFAULTS, type AnalyzeRequest, type VariantStats, ZAnalyzeRequest, ZVariantStats } from './request';
export { isAnalyzeRequest } from './request-check';
export { sequentialHalfWidth } from './sequential';
export { SRM_THRESHOLD, srmTest } from './srm';
export type * from './types';
export { welchDf, welchHalfWidth, welchPValue } from './welch';
