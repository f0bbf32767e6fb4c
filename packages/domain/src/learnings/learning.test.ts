import '../zod-messages';
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import {
  learningOutcome,
  learningRefusal,
  mayRecordLearning,
  normaliseTags,
  ZLearningInput,
  ZLearningQuery,
} from './learning';

const issues = (input: unknown) => {
  const r = ZLearningInput.safeParse(input);
  return r.success ? [] : (r.error as ZodError).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const base = { experimentKey: 'cart-1h', text: 'Urgency beat the discount.' };

describe('a learning’s text and tags', () => {
  it('trims the text and accepts 10 to 2000 characters', () => {
    expect(ZLearningInput.parse({ ...base, text: `  ${'x'.repeat(10)}  ` }).text).toBe('x'.repeat(10));
    expect(issues({ ...base, text: 'x'.repeat(9) })).toEqual(['text: must be at least 10 characters']);
    expect(issues({ ...base, text: 'x'.repeat(2000) })).toEqual([]);
    expect(issues({ ...base, text: 'x'.repeat(2001) })).toEqual(['text: must be at most 2000 characters']);
    expect(issues({ experimentKey: 'k' })).toEqual(['text: is required']);
  });

  it('lower-cases, collapses spaces, drops blanks and duplicates, keeps first-seen order', () => {
    expect(normaliseTags([' Free  Shipping', 'urgency', 'free shipping', '', '  ', 'URGENCY'])).toEqual([
      'free shipping',
      'urgency',
    ]);
    expect(ZLearningInput.parse(base).tags).toEqual([]);
  });

  it('allows 10 tags of up to 40 characters, counted after normalising', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(issues({ ...base, tags: ten })).toEqual([]);
    expect(issues({ ...base, tags: [...ten, 't10'] })).toEqual(['tags: at most 10 tags']);
    expect(issues({ ...base, tags: [...ten, 'T0'] })).toEqual([]);
    expect(issues({ ...base, tags: ['x'.repeat(40)] })).toEqual([]);
    expect(issues({ ...base, tags: ['x'.repeat(41)] })).toEqual(['tags.0: each tag must be at most 40 characters']);
  });

  it('normalises the library’s tag filter the same way', () => {
    expect(ZLearningQuery.parse({ tag: ' Free  Shipping ' }).tag).toBe('free shipping');
    expect(ZLearningQuery.parse({ limit: '20', offset: '40' })).toMatchObject({ limit: 20, offset: 40 });
  });
});

describe('who may record, and when', () => {
  it('only ended experiments (completed or stopped)', () => {
    expect(learningRefusal('COMPLETED')).toBeNull();
    expect(learningRefusal('STOPPED')).toBeNull();
    expect(learningRefusal('RUNNING')).toContain('this one is running');
    expect(learningRefusal('DRAFT')).toContain('this one is draft');
  });

  it('the owner, a product owner or an admin; never an analyst', () => {
    expect(mayRecordLearning('MARKETER', 'u1', 'u1')).toBe(true);
    expect(mayRecordLearning('MARKETER', 'u1', 'u2')).toBe(false);
    expect(mayRecordLearning('MARKETER', 'u1', null)).toBe(false);
    expect(mayRecordLearning('PRODUCT_OWNER', 'u1', 'u2')).toBe(true);
    expect(mayRecordLearning('ADMIN', 'u1', null)).toBe(true);
    expect(mayRecordLearning('ANALYST', 'u1', 'u1')).toBe(false);
  });

  it('a stopped test shows STOPPED; a completed one its decision', () => {
    expect(learningOutcome('STOPPED', 'KEEP_RUNNING')).toBe('STOPPED');
    expect(learningOutcome('COMPLETED', 'WIN')).toBe('WIN');
    expect(learningOutcome('COMPLETED', 'SRM_HALT')).toBeNull();
  });
});
