import { describe, expect, it } from 'vitest';
import { offerOutlook } from './offer-summary';

type Offer = Parameters<typeof offerOutlook>[0];
const step = (kind: string, status: string, fromRung: string, toRung: string, gain?: number) =>
  ({ kind, status, fromRung, toRung, evidence: gain === undefined ? {} : { projectedMonthlyGain: gain } }) as never;
const offer = (state: string, rung: string, promotions: never[]): Offer =>
  ({ state, rung, experiments: [], promotions }) as unknown as Offer;

describe('offerOutlook', () => {
  it('shows the projection of the latest step up while it stands', () => {
    expect(offerOutlook(offer('READY', 'BANNER', [step('PROMOTE', 'APPLIED', 'EMAIL', 'BANNER', 7_700)]))).toEqual({
      kind: 'projection',
      gain: 7_700,
      rung: 'BANNER',
    });
  });
  it('a demoted offer says what happened instead of its old projection', () => {
    const promotions = [
      step('PROMOTE', 'APPLIED', 'EMAIL', 'BANNER', 7_700),
      step('DEMOTE', 'APPLIED', 'BANNER', 'EMAIL'),
    ];
    expect(offerOutlook(offer('DEMOTED', 'EMAIL', promotions))).toEqual({
      kind: 'demoted',
      from: 'BANNER',
      to: 'EMAIL',
    });
  });
  it('a proposed step back shows no projection, a rejected step is passed over', () => {
    const back = [step('PROMOTE', 'APPLIED', 'EMAIL', 'BANNER', 7_700), step('DEMOTE', 'PROPOSED', 'BANNER', 'EMAIL')];
    expect(offerOutlook(offer('AWAITING_APPROVAL', 'BANNER', back))).toBeNull();
    const rejected = [step('PROMOTE', 'REJECTED', 'EMAIL', 'BANNER', 7_700)];
    expect(offerOutlook(offer('WON', 'EMAIL', rejected))).toBeNull();
  });
});
