import { describe, expect, it } from 'vitest';
import { stopConsequence } from './stop-consequence';

describe('stopConsequence', () => {
  it('on the first rung the hypothesis leaves TESTING as INCONCLUSIVE and cannot be retested on the rung', () => {
    expect(stopConsequence({ hypothesisStatus: 'TESTING', hasOffer: true })).toEqual({
      hypothesisAfter: 'INCONCLUSIVE',
      hypothesisChanges: true,
      offerAfter: 'STOPPED',
      retestable: false,
    });
  });
  it('above the first rung a won hypothesis stays WON and the offer may be tested again there', () => {
    expect(stopConsequence({ hypothesisStatus: 'WON', hasOffer: true })).toEqual({
      hypothesisAfter: 'WON',
      hypothesisChanges: false,
      offerAfter: 'STOPPED',
      retestable: true,
    });
  });
  it('an experiment without an offer stops nothing on the ladder', () => {
    expect(stopConsequence({ hypothesisStatus: 'WON', hasOffer: false }).offerAfter).toBeNull();
    expect(stopConsequence({ hypothesisStatus: 'WON', hasOffer: false }).retestable).toBe(false);
  });
});
