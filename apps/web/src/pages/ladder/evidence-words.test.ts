import { describe, expect, it } from 'vitest';
import { evidenceSentence, signedAmount, stepLabel } from './evidence-words';

describe('a proposal in plain words', () => {
  it('reads a win with its interval, units and projection', () => {
    const sentence = evidenceSentence(
      {
        kind: 'PROMOTE',
        fromRung: 'EMAIL',
        toRung: 'BANNER',
        evidence: { estimate: 0.074, ci: [0.031, 0.119], users: 48_210, projectedMonthlyGain: 12_000 },
      },
      { metric: 'purchases', alpha: 0.05 },
    );
    expect(sentence).toBe(
      '+7.4% purchases in email, 95% CI +3.1%…+11.9%, 48,210 recipients; projected +12,000 per month on banners',
    );
  });

  it('leaves out what the evidence lacks (a scoped or location win has no overall lift)', () => {
    expect(evidenceSentence({ kind: 'PROMOTE', fromRung: 'BANNER', toRung: 'OFFLINE', evidence: { users: 900 } })).toBe(
      'Won on banners, 900 visitors',
    );
    expect(
      evidenceSentence({ kind: 'PROMOTE', fromRung: 'EMAIL', toRung: 'BANNER', evidence: { estimate: -0.02 } }, {}),
    ).toBe('-2.0% on the primary metric in email');
  });

  it('asks a demotion as a question', () => {
    const sentence = evidenceSentence({
      kind: 'DEMOTE',
      fromRung: 'BANNER',
      toRung: 'EMAIL',
      evidence: { users: 2000, reason: 'control beats promo.' },
    });
    expect(sentence).toBe('Lost on banners: step back to email? 2,000 visitors in the test. control beats promo.');
    const decided = { kind: 'DEMOTE', fromRung: 'BANNER', toRung: 'EMAIL', evidence: {} };
    expect(evidenceSentence({ ...decided, status: 'APPLIED' })).toBe('Lost on banners: stepped back to email.');
    expect(stepLabel({ kind: 'DEMOTE', fromRung: 'BANNER', toRung: 'EMAIL' })).toBe('Banners → Email (step back)');
  });

  it('signs the projection, a loss with a real minus', () => {
    expect(signedAmount(-1234.5)).toBe('−1,235');
    expect(signedAmount(12_000)).toBe('+12,000');
  });
});
