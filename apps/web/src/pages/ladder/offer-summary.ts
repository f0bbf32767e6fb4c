import { type BoardOffer, evidenceOf } from './types';

type OfferLike = Pick<BoardOffer, 'rung' | 'state' | 'experiments' | 'promotions'>;

/** The newest experiment on the offer's current rung (the api lists them oldest first). */
export const latestAtRung = (offer: OfferLike) => offer.experiments.filter((e) => e.channel === offer.rung).at(-1);

/** A draft on the current rung, ready to start (the one an applied promotion created). */
export const draftAtRung = (offer: OfferLike) =>
  offer.experiments.find((e) => e.channel === offer.rung && e.status === 'DRAFT');

/** The proposal waiting for a product owner, if any (one per decided experiment; at most one is open). */
export const openProposal = (offer: OfferLike) => offer.promotions.filter((p) => p.status === 'PROPOSED').at(-1);

export type OfferOutlook =
  | { kind: 'projection'; gain: number; rung: string }
  /** The offer lost on `from` and was stepped back to `to`: what it once projected there no longer holds. */
  | { kind: 'demoted'; from: string; to: string };

/**
 * What the card and page say the offer is worth next: the projection of its latest step up while that step is
 * proposed or applied; for a demoted offer what happened instead (its old projection was for a rung it lost on).
 */
export function offerOutlook(offer: OfferLike): OfferOutlook | null {
  const latest = offer.promotions.filter((p) => p.status !== 'REJECTED').at(-1);
  if (!latest) return null;
  if (latest.kind === 'DEMOTE' || offer.state === 'DEMOTED') {
    return latest.kind === 'DEMOTE' && latest.status === 'APPLIED'
      ? { kind: 'demoted', from: latest.fromRung, to: latest.toRung }
      : null;
  }
  const gain = evidenceOf(latest.evidence).projectedMonthlyGain;
  return typeof gain === 'number' && Number.isFinite(gain) ? { kind: 'projection', gain, rung: latest.toRung } : null;
}
