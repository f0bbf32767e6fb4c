import { getHypothesis } from '@uplift/db';
import { DomainError, isDomainError, plannedUsersFor } from '@uplift/domain';
import type { ServiceDeps } from '../deps';

/** The form's sample size suggestion: `plan` on the hypothesis' baseline and expected lift, or null without one. */
export async function suggestPlannedUsers(
  deps: ServiceDeps,
  workspaceId: string,
  input: { hypothesisId: string; variations: number; alpha: number },
) {
  const h = await getHypothesis(deps.db, workspaceId, input.hypothesisId);
  if (!h) throw new DomainError('NOT_FOUND', `No hypothesis ${input.hypothesisId} in this workspace.`, 'hypothesisId');
  const suggestion = { baseline: h.baselineRate, lift: h.expectedLift };
  try {
    return { plannedUsers: plannedUsersFor(h, input.alpha, input.variations), ...suggestion };
  } catch (error) {
    // No lift to plan from is an answer here (the form shows no suggestion), not an error.
    if (!isDomainError(error)) throw error;
    return { plannedUsers: null, ...suggestion };
  }
}
