import { readinessState as gateState } from '@uplift/domain';
import type { ReadinessRow } from './types';

/** Where a step stands against the readiness gate of its target rung (the domain's `not_needed` reads `not_required` here). */
export type ReadinessState = 'not_required' | 'missing' | 'failed' | 'passed';

/** The domain's gate state for a step up onto `rung`; null while a gated rung's checks are still loading. */
export function readinessState(gate: boolean, checks: ReadinessRow[] | undefined, rung: string): ReadinessState | null {
  if (gate && !checks) return null;
  const state = gateState({ kind: 'PROMOTE', toRung: rung, gated: gate }, checks ?? []);
  return state === 'not_needed' ? 'not_required' : state;
}
