import { relatedLearnings } from '@uplift/db';
import { type RelatedLearningsQuery, relatedTerms, ZRelatedLearningsQuery } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';

/**
 * What earlier tests taught that bears on a draft hypothesis: learnings of the same funnel stage and channel
 * first, then those sharing the words of its title, statement and offer. Empty until the form names something.
 */
export async function relatedLearningsFor(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
  query: RelatedLearningsQuery,
) {
  const q = ZRelatedLearningsQuery.parse(query);
  const terms = relatedTerms(q.title, q.statement, q.offer);
  if (!terms && !(q.funnelStage && q.channel)) return [];
  return relatedLearnings(deps.db, workspace.id, {
    funnelStage: q.funnelStage,
    channel: q.channel,
    terms,
    limit: q.limit,
  });
}
