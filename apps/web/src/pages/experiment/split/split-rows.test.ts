import { assignVariant, cumulativeWeights } from '@uplift/domain';
import { describe, expect, it } from 'vitest';
import { guessIdColumn, guessSegmentColumn, splitRows } from './split-rows';

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

  it("keeps only a scoped experiment's segments and counts the rows left out", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`user${i}`, ['DE', 'FR', 'NL', 'de'][i % 4] as string]);
    const table = { columns: ['id', 'Country'], rows };
    expect(guessSegmentColumn(table.columns, 'country')).toBe('Country');
    const result = await splitRows(table, 'id', 'seed-1', variants, undefined, {
      column: 'Country',
      segments: ['DE', 'NL'],
    });
    const kept = result.files.flatMap((f) => f.rows);
    expect(kept).toHaveLength(200);
    expect(kept.every((row) => row[1] === 'DE' || row[1] === 'NL')).toBe(true);
    expect(result.leftOut).toBe(200);
    await expect(
      splitRows(table, 'id', 'seed-1', variants, undefined, { column: 'land', segments: [] }),
    ).rejects.toThrow('no column “land”');
  });
});
