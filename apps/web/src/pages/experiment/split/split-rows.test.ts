import { assignVariant, cumulativeWeights } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { guessIdColumn, splitRows } from './split-rows';

const variants = [
  { key: 'control', name: 'Control', weight: 0.5 },
  { key: 'treatment', name: 'Treatment', weight: 0.5 },
];

describe('splitting recipients in the browser', () => {
  it('picks the id column the CLI would', () => {
    expect(guessIdColumn(['name', 'Email', 'city'])).toBe('Email');
    expect(guessIdColumn(['name', 'city'])).toBe('name');
  });

  it('puts each recipient where assignVariant puts its id, keeps every column and skips empty ids', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [`Ann ${i}`, `user${i}@example.com`]);
    rows.push(['Nobody', '  ']);
    const progress: number[] = [];
    const result = await splitRows({ columns: ['name', 'email'], rows }, 'email', 'seed-1', variants, (f) =>
      progress.push(f),
    );
    const bounds = cumulativeWeights([0.5, 0.5]);
    for (const [index, file] of result.files.entries()) {
      for (const row of file.rows) expect(assignVariant('seed-1', row[1] as string, bounds)).toBe(index);
    }
    expect(result.files.reduce((s, f) => s + f.rows.length, 0)).toBe(50_000);
    expect(result.files[0]?.rows.length).toBeGreaterThan(24_000);
    expect(result.skipped).toEqual([50_002]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(1);
  });
});
