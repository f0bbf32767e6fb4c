import type { ExperimentCreateInput } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { draftPatch } from './draft-patch';

/** A saved draft as `toInput` writes it. */
const before: ExperimentCreateInput = {
  key: 'exit-coupon',
  name: 'Exit coupon',
  hypothesisId: 'h1',
  channel: 'EMAIL',
  variants: [
    { key: 'control', name: 'Control', weight: 0.5 },
    { key: 'treatment', name: 'Treatment', weight: 0.5 },
  ],
  metrics: { primary: { name: 'conversion', kind: 'binomial' }, guardrails: [] },
  analysis: { engine: 'frequentist', sequential: null, alpha: 0.05, correction: 'holm' },
  plannedUsers: 2000,
  segmentAttribute: 'country',
  start: false,
};
const patchOf = (changes: Partial<ExperimentCreateInput>) => draftPatch(before, { ...before, ...changes });

describe('editing a draft experiment', () => {
  it('sends nothing when nothing changed', () => {
    expect(patchOf({})).toEqual({});
    expect(patchOf({ variants: before.variants.map((v) => ({ ...v })) })).toEqual({});
  });

  it('sends only the changed fields, each whole', () => {
    const variants = [
      { key: 'control', name: 'Control', weight: 0.3333 },
      { key: 'treatment', name: 'Treatment', weight: 0.3333 },
      { key: 'treatment-2', weight: 0.3334 },
    ];
    expect(patchOf({ variants, plannedUsers: 3000 })).toEqual({ variants, plannedUsers: 3000 });
    const analysis = { engine: 'frequentist' as const, sequential: null, alpha: 0.01, correction: 'holm' as const };
    expect(patchOf({ analysis })).toEqual({ analysis });
  });

  it('never sends the key, hypothesis or channel, which a draft keeps', () => {
    expect(patchOf({ key: 'other', hypothesisId: 'h2', channel: 'BANNER', start: true })).toEqual({});
  });

  it('clears the segment attribute with null, which the api reads as "none"', () => {
    expect(patchOf({ segmentAttribute: null })).toEqual({ segmentAttribute: null });
  });
});
