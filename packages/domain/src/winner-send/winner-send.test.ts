import { describe, expect, it } from 'vitest';
import { bucketOf } from '../assignment';
import { assignUnit } from '../segment-scope';
import { assignWinnerSend, winnerSendSlot } from './assign';
import { remainderEarnings, winnerChoice } from './outcome';
import { decisionDeadline, minimumTestShare, winnerSendOf, winnerSendSetup, ZWinnerSendInput } from './setup';

const seed = 'spring-promo-email';
const variants = [
  { key: 'control', weight: 0.5 },
  { key: 'treatment', weight: 0.5 },
];
const send = { seed, variants, testShare: 0.5, winnerVariant: null };

describe('winner send assignment', () => {
  // Buckets checked by hand with an independent FNV-1a in Python (README, "Variant assignment").
  it.each([
    ['walter@example.com', 0.1289],
    ['rupert@example.com', 0.3257],
    ['frank@example.com', 0.4626],
    ['olivia@example.com', 0.5246],
    ['alice@example.com', 0.8522],
  ])('bucket of %s is %s', (unit, bucket) => expect(bucketOf(seed, unit)).toBe(bucket));

  it('tests units below the share and spreads them over the variants by bucket / testShare', () => {
    // walter 0.1289 / 0.5 = 0.2578 < 0.5 → control; rupert 0.6514 and frank 0.9252 → treatment.
    expect(assignWinnerSend(send, 'walter@example.com')).toEqual({
      variant: 'control',
      inExperiment: true,
      remainder: false,
    });
    expect(assignWinnerSend(send, 'rupert@example.com').variant).toBe('treatment');
    expect(assignWinnerSend(send, 'frank@example.com').variant).toBe('treatment');
  });

  it('keeps the rest waiting until the decision, then gives it the winner', () => {
    const waiting = { variant: null, inExperiment: true, remainder: true, waiting: true };
    expect(assignWinnerSend(send, 'olivia@example.com')).toEqual(waiting);
    expect(assignWinnerSend(send, 'alice@example.com')).toEqual(waiting);
    const decided = { ...send, winnerVariant: 'treatment' };
    expect(assignWinnerSend(decided, 'olivia@example.com')).toEqual({
      variant: 'treatment',
      inExperiment: true,
      remainder: true,
    });
    // A test unit keeps its test variant after the decision.
    expect(assignWinnerSend(decided, 'walter@example.com').variant).toBe('control');
  });

  it('puts the share boundary in the remainder and maps the last test bucket to the last variant', () => {
    expect(winnerSendSlot(0.5, 0.5, [0.5, 1])).toEqual({ inTest: false });
    expect(winnerSendSlot(0.4999, 0.5, [0.5, 1])).toEqual({ inTest: true, index: 1 });
    expect(winnerSendSlot(0.2499, 0.5, [0.5, 1])).toEqual({ inTest: true, index: 0 });
    expect(winnerSendSlot(0.25, 0.5, [0.5, 1])).toEqual({ inTest: true, index: 1 });
    expect(winnerSendSlot(0, 0.0001, [0.2, 0.6, 1])).toEqual({ inTest: true, index: 0 });
  });

  it('answers /v1/assign for a winner send in the segment scope shape', () => {
    const e = { key: 'k', seed, variants, segmentAttribute: null, scopeSegments: [] };
    const winnerSend = { testShare: 0.5, winnerVariant: null };
    expect(assignUnit({ ...e, winnerSend }, 'alice@example.com', {})).toEqual({
      variant: null,
      inExperiment: true,
      waiting: true,
    });
    expect(
      assignUnit({ ...e, winnerSend: { ...winnerSend, winnerVariant: 'control' } }, 'alice@example.com', {}),
    ).toEqual({ variant: 'control', inExperiment: true });
    expect(assignUnit({ ...e, winnerSend }, 'walter@example.com', {})).toEqual({
      variant: 'control',
      inExperiment: true,
    });
    // Not a winner send: the plain hash, alice 0.8522 → treatment.
    expect(assignUnit(e, 'alice@example.com', {})).toEqual({ variant: 'treatment', inExperiment: true });
  });
});

describe('winner send setup', () => {
  it('defaults the share to the smallest whole bucket share that reaches the planned sample', () => {
    expect(minimumTestShare(4692, 20_000)).toBe(0.2346);
    expect(minimumTestShare(4693, 20_000)).toBe(0.2347); // 0.23465 rounds up
    expect(minimumTestShare(3, 7)).toBe(0.4286); // 0.428571…
    const setup = winnerSendSetup(ZWinnerSendInput.parse({ audienceSize: 20_000, decisionHours: 4 }), 4692);
    expect(setup).toEqual({ audienceSize: 20_000, testShare: 0.2346, decisionHours: 4 });
  });

  it('names the field when the list is too small or a given share is short of the plan', () => {
    expect(() => winnerSendSetup({ audienceSize: 4692, decisionHours: 4 }, 4692)).toThrow(
      expect.objectContaining({ field: 'winnerSend.audienceSize' }),
    );
    expect(() => winnerSendSetup({ audienceSize: 20_000, decisionHours: 4, testShare: 0.2 }, 4692)).toThrow(
      expect.objectContaining({ field: 'winnerSend.testShare', message: expect.stringContaining('at least 0.2346') }),
    );
    expect(winnerSendSetup({ audienceSize: 20_000, decisionHours: 4, testShare: 0.3 }, 4692).testShare).toBe(0.3);
    const bad = ZWinnerSendInput.safeParse({ audienceSize: 100, decisionHours: 0, testShare: 1 });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['decisionHours', 'testShare']);
  });

  it('reads a row and puts the deadline hours after the send', () => {
    expect(winnerSendOf({ audienceSize: null, testShare: null, decisionHours: null })).toBeNull();
    expect(winnerSendOf({ audienceSize: 10, testShare: 0.5, decisionHours: 4 })).toEqual({
      audienceSize: 10,
      testShare: 0.5,
      decisionHours: 4,
    });
    expect(decisionDeadline(new Date('2026-12-04T09:00:00Z'), 4).toISOString()).toBe('2026-12-04T13:00:00.000Z');
  });
});

describe('winner send outcome', () => {
  it('sends the winner of a WIN, else the control, saying so', () => {
    const base = { winner: 'treatment', reason: 'p = 0.01.', controlKey: 'control' };
    expect(winnerChoice({ ...base, outcome: 'WIN' })).toMatchObject({ variant: 'treatment', outcome: 'WIN' });
    const loss = winnerChoice({ ...base, outcome: 'LOSS', winner: null });
    expect(loss).toMatchObject({ variant: 'control', outcome: 'LOSS' });
    expect(loss.reason).toContain('Nothing won (LOSS): the remainder gets the control "control"');
    const late = winnerChoice({ ...base, outcome: 'KEEP_RUNNING', winner: null, deadlineHours: 4 });
    expect(late).toEqual({
      variant: 'control',
      outcome: 'INCONCLUSIVE',
      reason: 'Nothing won by the deadline (4 h after the test\'s send): the remainder gets the control "control".',
    });
  });

  it('values the remainder at the measured lift', () => {
    // 20,000 × (1 − 0.25) = 15,000 units × 4% × 10% = 60 extra conversions × 25 = 1,500.
    const earned = remainderEarnings({
      audienceSize: 20_000,
      testShare: 0.25,
      controlRate: 0.04,
      relativeLift: 0.1,
      valuePerConversion: 25,
    });
    expect(earned.units).toBe(15_000);
    expect(earned.extraConversions).toBeCloseTo(60, 9);
    expect(earned.value).toBeCloseTo(1500, 9);
  });
});
