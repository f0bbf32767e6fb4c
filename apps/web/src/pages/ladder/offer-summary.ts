import { type BoardOffer, evidenceOf } from './types';

type OfferLike = Pick<BoardOffer, 'rung' | 'experiments' | 'promotions'>;

/** The newest experiment on the offer's current rung (the api lists them oldest first). */
export const latestAtRung = (offer: OfferLike) => offer.experiments.filter((e) => e.channel === offer.rung).at(-1);

/** A draft on the current rung, ready to start (the one an applied promotion created). */
export const draftAtRung = (offer: OfferLike) =>
  offer.experiments.find((e) => e.channel === offer.rung && e.status === 'DRAFT');

/** The proposal waiting for a product owner, if any (one per decided experiment; at most one is open). */
export const openProposal = (offer: OfferLike) => offer.promotions.filter((p) => p.status === 'PROPOSED').at(-1);

/** What the latest proposal projects per month, and for which rung. */
export function projectedMonthly(offer: OfferLike): { gain: number; rung: string } | null {
  for (const p of [...offer.promotions].reverse()) {
    const gain = evidenceOf(p.evidence).projectedMonthlyGain;
    if (typeof gain === 'number' && Number.isFinite(gain)) return { gain, rung: p.toRung };
  }
  return null;
}
