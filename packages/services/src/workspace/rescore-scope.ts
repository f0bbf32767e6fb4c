import { countHypotheses } from '@uplift/db';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/**
 * How many hypotheses a horizon change would rescore (rescoreBacklog scores every hypothesis of the
 * workspace), so the settings page can say so before it saves.
 */
export async function rescoreScope(deps: Pick<ServiceDeps, 'db'>, { workspace }: Pick<ActingScope, 'workspace'>) {
  return { hypotheses: await countHypotheses(deps.db, workspace.id) };
}
