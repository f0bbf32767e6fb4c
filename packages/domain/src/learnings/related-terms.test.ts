import { describe, expect, it } from 'vitest';
import { headlineLift } from './headline-lift';
import { RELATED_TERMS_MAX, relatedTerms } from './related-terms';

describe('relatedTerms', () => {
  it('keeps words of 3+ letters or digits, lower-cased, once each, as an OR query', () => {
    expect(relatedTerms('Free shipping for lapsed buyers', 'free SHIPPING', undefined)).toBe(
      'free | shipping | for | lapsed | buyers',
    );
  });
  it('leaves no tsquery syntax behind, and null when nothing is left', () => {
    expect(relatedTerms("a & b | !c (d) 'e' 15%:*")).toBeNull();
    expect(relatedTerms('Prämie für Kündiger')).toBe('prämie | für | kündiger');
  });
  it('caps the number of words', () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    expect(relatedTerms(many)?.split(' | ')).toHaveLength(RELATED_TERMS_MAX);
  });
});

describe('headlineLift', () => {
  const ab = {
    variants: [
      { key: 'control', mean: 0.1 },
      { key: 'a', estimate: 0.04 },
      { key: 'b', estimate: 0.09 },
    ],
  };
  it('the winner’s estimate, else the best treatment’s', () => {
    expect(headlineLift(ab, 'a')).toBe(0.04);
    expect(headlineLift(ab, null)).toBe(0.09);
  });
  it('a location test’s relative lift', () => {
    expect(headlineLift({ estimate: 120, relative: 0.06, se: 30 }, 'treatment')).toBe(0.06);
  });
  it('null without an estimate', () => {
    expect(headlineLift(null, null)).toBeNull();
    expect(headlineLift({ variants: [{ key: 'control' }, { key: 'a', estimate: null }] }, null)).toBeNull();
  });
});
