import { latestCheck, type ReadinessRow } from './types';

/** Where a step stands against the readiness gate of its target rung. */
export type ReadinessState = 'not_required' | 'missing' | 'failed' | 'passed';

export function readinessState(gate: boolean, checks: ReadinessRow[] | undefined, rung: string): ReadinessState | null {
  if (!gate) return 'not_required';
  if (!checks) return null;
  const check = latestCheck(checks, rung);
  return !check ? 'missing' : check.passed ? 'passed' : 'failed';
}
