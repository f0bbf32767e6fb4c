import { describe, expect, it } from 'vitest';
import { splitRows } from './split-rows';

// Hand-checked buckets of seed spring-promo-email (domain winner-send.test.ts): walter 0.1289 → control,
// rupert 0.3257 and frank 0.4626 → treatment in a 50% test; olivia 0.5246 and alice 0.8522 are the remainder.
const seed = 'spring-promo-email';
const variants = [
  { key: 'control', name: 'Control', weight: 0.5 },
  { key: 'treatment', name: 'Treatment', weight: 0.5 },
];
const table = {
  columns: ['email'],
  rows: ['walter', 'rupert', 'frank', 'olivia', 'alice'].map((u) => [`${u}@example.com`]),
};
const keys = (r: { files: { key: string; rows: string[][] }[] }) =>
  r.files.map((f) => [f.key, f.rows.map((row) => (row[0] as string).split('@')[0])]);

describe('the web split of a winner send', () => {
  it('holds the remainder back before the decision', async () => {
    const result = await splitRows(table, 'email', seed, variants, undefined, undefined, {
      testShare: 0.5,
      winnerVariant: null,
    });
    expect(keys(result)).toEqual([
      ['control', ['walter']],
      ['treatment', ['rupert', 'frank']],
    ]);
    expect(result.waiting).toBe(2);
  });

  it("gives the remainder's file after the decision", async () => {
    const result = await splitRows(table, 'email', seed, variants, undefined, undefined, {
      testShare: 0.5,
      winnerVariant: 'treatment',
    });
    expect(keys(result).at(-1)).toEqual(['remainder', ['olivia', 'alice']]);
    expect(result.waiting).toBe(0);
  });
});
