import { learningPage, learningTags } from '@uplift/db';
import { type LearningQuery, ZLearningQuery } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/** The learnings library: filtered, searched, paged, with every tag in use (for the tag filter). */
export async function listLearnings(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
  query: LearningQuery,
) {
  const q = ZLearningQuery.parse(query);
  const [page, tags] = await Promise.all([learningPage(deps.db, workspace.id, q), learningTags(deps.db, workspace.id)]);
  return { ...page, tags };
}
