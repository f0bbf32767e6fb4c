import { describe, expect, it } from 'vitest';
import { brierWords } from './brier-words';

describe('brierWords', () => {
  it('places the score between perfect (0) and always 50% (0.25)', () => {
    expect(brierWords(null)).toMatch(/no test has completed/);
    expect(brierWords(0.05)).toBe('Brier score 0.05: the confidences are sharp and mostly right (0 is perfect).');
    expect(brierWords(0.1)).toMatch(/^Brier score 0.10: clearly better/);
    expect(brierWords(0.2)).toMatch(/only a little better/);
    expect(brierWords(0.25)).toMatch(/no better than saying 50%/);
  });
});
