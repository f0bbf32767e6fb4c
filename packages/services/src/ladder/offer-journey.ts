import { type Db, listReadinessChecks } from '@uplift/db';
import { DomainError } from '@uplift/domain';
import { listOffers } from './list-offers';

/** One offer's way up the ladder: its experiments, proposals and readiness checks (newest first). */
export async function offerJourney(db: Db, workspaceId: string, offerId: string) {
  const [offer] = await listOffers(db, workspaceId, { id: offerId });
  if (!offer) throw new DomainError('NOT_FOUND', `No offer ${offerId} in this workspace.`, 'offerId');
  const readiness = await listReadinessChecks(db, offerId);
  return { ...offer, readiness };
}
