import { type Db, listOfferRows } from '@uplift/db';

/** Every offer with its experiments and proposals, optionally only the one a given experiment tests. */
export function listOffers(db: Db, workspaceId: string, filter: { experiment?: string; id?: string } = {}) {
  return listOfferRows(db, workspaceId, filter);
}
