import { describe, expect, it } from 'vitest';
import { mergeDraft } from './draft';
import {
  ZExperimentUpdateInput,
  ZStoredAnalysis,
  ZStoredLocationSplit,
  ZStoredMetrics,
  ZStoredVariants,
} from './experiment';

const draft = {
  key: 'spring',
  hypothesisId: 'h1',
  name: 'Spring promo',
  variants: [
    { key: 'control', name: 'control', weight: 0.5 },
    { key: 'promo', name: 'promo', weight: 0.5 },
  ],
  metrics: { primary: { name: 'purchase', kind: 'binomial' as const }, guardrails: [] },
  analysis: { engine: 'frequentist' as const, sequential: null, alpha: 0.05, correction: 'holm' as const },
  plannedUsers: 1000,
  segmentAttribute: null,
  channel: 'EMAIL',
  audienceSize: null,
  testShare: null,
  decisionHours: null,
};
const patch = (p: unknown) => ZExperimentUpdateInput.parse({ key: 'spring', patch: p }).patch;

describe('mergeDraft', () => {
  it('applies the patch and normalises the variants (an equal split)', () => {
    const merged = mergeDraft(draft, patch({ variants: [{ key: 'control' }, { key: 'promo' }, { key: 'bundle' }] }));
    expect(merged.variants.map((v) => v.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(merged.variants[2]).toEqual({ key: 'bundle', name: 'bundle', weight: 1 / 3 });
    expect(merged).toMatchObject({ name: 'Spring promo', plannedUsers: 1000, segmentAttribute: null });
  });

  it('merges analysis settings key by key, and clears the segment attribute only when told', () => {
    const merged = mergeDraft({ ...draft, segmentAttribute: 'country' }, patch({ analysis: { alpha: 0.1 } }));
    expect(merged.analysis).toEqual({ ...draft.analysis, alpha: 0.1 });
    expect(merged.segmentAttribute).toBe('country');
    expect(
      mergeDraft({ ...draft, segmentAttribute: 'country' }, patch({ segmentAttribute: null })).segmentAttribute,
    ).toBeNull();
  });

  it('refuses what creation would refuse', () => {
    const bad = patch({
      variants: [
        { key: 'a', weight: 0.7 },
        { key: 'b', weight: 0.7 },
      ],
    });
    expect(() => mergeDraft(draft, bad)).toThrow(/weights must sum to 1/);
    expect(() => mergeDraft(draft, patch({ variants: [{ key: 'a' }] }))).toThrow(/2–8 variants/);
    expect(() => mergeDraft(draft, patch({ segmentAttribute: 'has space' }))).toThrow(/may hold only letters/);
  });

  it("keeps a scoped experiment's segment attribute, which its scope is made of", () => {
    const scoped = { ...draft, segmentAttribute: 'country', scopeSegments: ['DE'] };
    expect(() => mergeDraft(scoped, patch({ segmentAttribute: 'device' }))).toThrow(/cannot change/);
    expect(() => mergeDraft(scoped, patch({ segmentAttribute: null }))).toThrow(/DE of country only/);
    expect(mergeDraft(scoped, patch({ segmentAttribute: 'country', plannedUsers: 500 })).plannedUsers).toBe(500);
  });
});

describe('stored experiment columns', () => {
  it('read what creation wrote, and default what older rows lack', () => {
    expect(ZStoredVariants.parse(draft.variants)).toEqual(draft.variants);
    expect(
      ZStoredMetrics.parse({ primary: { name: 'x y', kind: 'mean' }, guardrails: [{ name: 'u', kind: 'binomial' }] }),
    ).toEqual({
      primary: { name: 'x y', kind: 'mean' },
      guardrails: [{ name: 'u', kind: 'binomial', direction: 'up' }],
    });
    expect(ZStoredAnalysis.parse({ engine: 'bayesian', alpha: 0.05, correction: 'none' }).sequential).toBeNull();
  });

  it('refuse a shape that is not an experiment column', () => {
    expect(() => ZStoredVariants.parse([{ key: 'a' }])).toThrow();
    expect(() => ZStoredAnalysis.parse({ engine: 'magic', alpha: 0.05, correction: 'none' })).toThrow();
    expect(() => ZStoredLocationSplit.parse({ treatment: [], holdout: [] })).toThrow();
  });

  it('sets, re-checks and clears a winner send', () => {
    const send = mergeDraft(draft, patch({ winnerSend: { audienceSize: 10_000, decisionHours: 4 } }));
    expect(send).toMatchObject({ audienceSize: 10_000, testShare: 0.1, decisionHours: 4 });
    // More planned users than the stored share holds: the share is named.
    expect(() => mergeDraft({ ...draft, ...send }, patch({ plannedUsers: 2000 }))).toThrow(
      expect.objectContaining({ field: 'winnerSend.testShare' }),
    );
    expect(mergeDraft({ ...draft, ...send }, patch({ winnerSend: null })).audienceSize).toBeNull();
    expect(() =>
      mergeDraft({ ...draft, channel: 'BANNER' }, patch({ winnerSend: { audienceSize: 9000, decisionHours: 4 } })),
    ).toThrow(expect.objectContaining({ field: 'winnerSend' }));
  });
});
