import { findHypothesisPage } from '@uplift/db';
import { HYPOTHESIS_STATUSES, text } from '@uplift/domain';
import { z } from 'zod';
import type { ServiceDeps } from '../deps';

/** The page query as tools send it (query-string values, so numbers are coerced). */
export const ZHypothesisPageQuery = z.object({
  status: z.enum(HYPOTHESIS_STATUSES).optional(),
  limit: z.coerce.number().int().min(1, 'must be 1–200').max(200, 'must be 1–200').default(50),
  cursor: text().max(200, 'must be at most 200 characters').optional(),
});
export type HypothesisPageInput = z.input<typeof ZHypothesisPageQuery>;

/** Hypotheses of the workspace, newest first, optionally by status; paged by `nextCursor`. */
export function listHypothesesPage(
  deps: Pick<ServiceDeps, 'db'>,
  scope: { workspace: { id: string } },
  input: HypothesisPageInput,
) {
  return findHypothesisPage(deps.db, scope.workspace.id, ZHypothesisPageQuery.parse(input));
}
