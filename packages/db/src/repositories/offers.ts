import { type LadderChannel, type OfferState, ZOfferState } from '@uplift/domain';
import type { Tx } from '../client';
import type { Offer as OfferRow } from '../generated/prisma/client';
import { toPromotion } from './promotions';

const toOffer = <R extends OfferRow>(row: R) => ({ ...row, state: ZOfferState.parse(row.state) });
export type OfferRecord = ReturnType<typeof toOffer<OfferRow>>;

/** The offer a hypothesis' experiments test: created on the ladder's first rung with its first experiment. */
export async function ensureOffer(
  tx: Tx,
  input: { workspaceId: string; hypothesis: { id: string; offer: string }; ladder: LadderChannel[] },
) {
  const found = await tx.offer.findUnique({ where: { hypothesisId: input.hypothesis.id } });
  if (found) return toOffer(found);
  const created = await tx.offer.create({
    data: {
      workspaceId: input.workspaceId,
      hypothesisId: input.hypothesis.id,
      name: input.hypothesis.offer,
      rung: input.ladder[0] as LadderChannel,
      state: 'TESTING' satisfies OfferState,
    },
  });
  return toOffer(created);
}

export async function findOffer(tx: Tx, workspaceId: string, id: string): Promise<OfferRecord | null> {
  const row = await tx.offer.findFirst({ where: { id, workspaceId } });
  return row ? toOffer(row) : null;
}

export async function setOfferState(tx: Tx, id: string, state: OfferState) {
  await tx.offer.update({ where: { id }, data: { state } });
}

/** The offer steps onto `rung` (up or back) in `state`. */
export async function moveOffer(tx: Tx, id: string, rung: LadderChannel, state: OfferState) {
  await tx.offer.update({ where: { id }, data: { rung, state } });
}

/** Every offer with its experiments and proposals, optionally only one, or the one a given experiment tests. */
export async function listOfferRows(db: Tx, workspaceId: string, filter: { experiment?: string; id?: string } = {}) {
  const offers = await db.offer.findMany({
    where: {
      workspaceId,
      ...(filter.id ? { id: filter.id } : {}),
      ...(filter.experiment ? { experiments: { some: { key: filter.experiment } } } : {}),
    },
    include: {
      experiments: {
        orderBy: { createdAt: 'asc' },
        select: {
          key: true,
          name: true,
          channel: true,
          status: true,
          outcome: true,
          outcomeReason: true,
          design: true,
          segmentAttribute: true,
          scopeSegments: true,
          reachPerMonth: true,
          rolledOutAt: true,
        },
      },
      promotions: { orderBy: { createdAt: 'asc' } },
      hypothesis: { select: { id: true, title: true, status: true, reachPerMonth: true, valuePerConversion: true } },
    },
    orderBy: { updatedAt: 'desc' },
  });
  return offers.map((o) => ({ ...toOffer(o), promotions: o.promotions.map(toPromotion) }));
}

/** Rungs off `ladder` that offers still stand on, with how many. */
export async function offersOffLadder(tx: Tx, workspaceId: string, ladder: LadderChannel[]) {
  const rows = await tx.offer.groupBy({
    by: ['rung'],
    where: { workspaceId, rung: { notIn: ladder } },
    _count: true,
  });
  return rows.map((r) => ({ rung: r.rung, offers: r._count }));
}
