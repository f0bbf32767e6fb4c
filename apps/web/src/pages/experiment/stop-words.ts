import { type HypothesisStatus, stopConsequence } from '@uplift/domain';
import { rungPlace } from '../../lib/ladder-words';

const STATUS_WORD: Partial<Record<HypothesisStatus, string>> = {
  WON: 'won',
  LOST: 'lost',
  INCONCLUSIVE: 'inconclusive',
};

/**
 * What the Stop dialog promises, from the rule the server applies (stopConsequence): the first rung's test
 * makes its hypothesis inconclusive; a promoted offer's test leaves its hypothesis as it is and the offer
 * stopped on the rung, where a product owner can test it again.
 */
export function stopSentence(input: {
  hypothesisStatus: HypothesisStatus;
  hasOffer: boolean;
  channel: string;
  draft: boolean;
}): string {
  const c = stopConsequence(input);
  const ends = input.draft ? 'The draft ends before it ran' : 'It ends without a decision';
  const where = rungPlace(input.channel);
  if (c.hypothesisChanges) {
    const offer = c.offerAfter ? ` and the offer stops ${where}` : '';
    return `${ends}: its hypothesis becomes inconclusive${offer}. The team sees your reason.`;
  }
  const stays = STATUS_WORD[c.hypothesisAfter] ?? c.hypothesisAfter.toLowerCase();
  const offer = c.offerAfter ? ` The offer stops ${where}; a product owner can test it again on this rung.` : '';
  return `${ends}. Its hypothesis stays ${stays}: this test is not evidence against the earlier result.${offer} The team sees your reason.`;
}
