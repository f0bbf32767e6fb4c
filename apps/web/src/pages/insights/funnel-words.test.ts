import { describe, expect, it } from 'vitest';
import { endToEndSentence, formatConversion } from './funnel-words';

describe('formatConversion', () => {
  it('reads as a percentage, or as one in N once too small for one', () => {
    expect(formatConversion(null)).toBe('—');
    expect(formatConversion(0.009)).toBe('0.9%');
    expect(formatConversion(0.0001)).toBe('0.01%');
    expect(formatConversion(4e-6)).toBe('1 in 250,000');
    expect(formatConversion(3e-5)).toBe('1 in 33,000');
    expect(formatConversion(5.9275e-10)).toBe('1 in 1,700,000,000');
  });
});

describe('endToEndSentence', () => {
  it('gives before, after, the ratio and the stages left out', () => {
    const sentence = endToEndSentence({
      stages: [],
      endToEnd: { before: 0.02, after: 0.03, stagesWithoutData: ['SALES_CALL'] },
    });
    expect(sentence).toBe(
      'End to end, 2% converted before the rolled-out wins and 3% after (×1.50), over the stages with data (without Sales call).',
    );
  });

  it('says when no stage has data', () => {
    expect(endToEndSentence({ stages: [], endToEnd: { before: null, after: null, stagesWithoutData: [] } })).toMatch(
      /no end-to-end figure/,
    );
  });
});
