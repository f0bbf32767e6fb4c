import { describe, expect, it } from 'vitest';
import { assignVariant, cumulativeWeights } from './assignment';
import { assignUnit, describeScope, inScope, outOfScopeMessage, unitSegment } from './segment-scope';

const scoped = { key: 'promo-banner', segmentAttribute: 'country', scopeSegments: ['DE', 'NL'] };
const everyone = { key: 'promo-email', segmentAttribute: 'country', scopeSegments: [] };

describe('segment scope', () => {
  it("reads the unit's segment from the experiment's attribute, else from `segment`", () => {
    expect(unitSegment(scoped, { country: 'DE', segment: 'FR' })).toBe('DE');
    expect(unitSegment(scoped, { segment: 'NL' })).toBe('NL');
    expect(unitSegment({ segmentAttribute: null }, { segment: 'NL' })).toBe('NL');
    expect(unitSegment(scoped, { country: '' })).toBeUndefined();
    expect(unitSegment(scoped, undefined)).toBeUndefined();
  });

  it('lets every unit into an unscoped experiment and only units of its segments into a scoped one', () => {
    expect(inScope(everyone, undefined)).toBe(true);
    expect(inScope(everyone, 'FR')).toBe(true);
    expect(inScope(scoped, 'DE')).toBe(true);
    expect(inScope(scoped, 'FR')).toBe(false);
    expect(inScope(scoped, 'de')).toBe(false);
    expect(inScope(scoped, undefined)).toBe(false);
  });

  it('says why a unit is outside, and what the scope is', () => {
    expect(outOfScopeMessage(scoped, 'FR')).toContain('"FR" is outside the scope of "promo-banner" (country DE, NL)');
    expect(outOfScopeMessage(scoped, undefined)).toMatch(/^is required: .*country/);
    expect(describeScope(scoped)).toBe('country DE, NL only');
    expect(describeScope(everyone)).toBeNull();
    expect(describeScope({ segmentAttribute: null, scopeSegments: ['a'] })).toBe('segment a only');
  });

  it('assigns in-scope units by the usual hash and leaves the others out', () => {
    const variants = [
      { key: 'control', weight: 0.5 },
      { key: 'promo', weight: 0.5 },
    ];
    const expected = variants[assignVariant('s1', 'ann', cumulativeWeights([0.5, 0.5]))]?.key;
    expect(assignUnit({ ...scoped, seed: 's1', variants }, 'ann', { country: 'NL' })).toEqual({
      variant: expected,
      inExperiment: true,
    });
    expect(assignUnit({ ...scoped, seed: 's1', variants }, 'ann', { country: 'FR' })).toEqual({
      variant: null,
      inExperiment: false,
    });
    expect(assignUnit({ ...everyone, seed: 's1', variants }, 'ann', {})).toEqual({
      variant: expected,
      inExperiment: true,
    });
  });
});
