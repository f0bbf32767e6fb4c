import { describe, expect, it } from 'vitest';
import { stopSentence } from './stop-words';

describe('stopSentence', () => {
  it('on the first rung: the hypothesis becomes inconclusive', () => {
    expect(stopSentence({ hypothesisStatus: 'TESTING', hasOffer: true, channel: 'EMAIL', draft: false })).toBe(
      'It ends without a decision: its hypothesis becomes inconclusive and the offer stops in email. The team sees your reason.',
    );
  });
  it('a promoted offer: the hypothesis stays won and the offer may be tested again', () => {
    const sentence = stopSentence({ hypothesisStatus: 'WON', hasOffer: true, channel: 'BANNER', draft: true });
    expect(sentence).toMatch(/^The draft ends before it ran\. Its hypothesis stays won/);
    expect(sentence).toMatch(/The offer stops on banners; a product owner can test it again on this rung\./);
    expect(sentence).not.toMatch(/inconclusive/);
  });
});
