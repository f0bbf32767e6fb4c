import { describe, expect, it } from 'vitest';
import { preperiodMeans, proposeLocationSplit } from './propose-split';
import { rowsFromCsv, ZLocationsUpload } from './upload';

const row = (location: string, week: string, sales: number) => ({ location, week, sales });

describe('preperiodMeans', () => {
  it("averages each location's weeks before the start; the start week itself is post-period", () => {
    const rows = [
      row('a', '2026-01-05', 100),
      row('a', '2026-01-12', 200),
      row('a', '2026-01-19', 900),
      row('b', '2026-01-12', 50),
      row('c', '2026-01-19', 70),
    ];
    expect(preperiodMeans(rows, '2026-01-19')).toEqual([
      { id: 'a', weeklySales: 150 },
      { id: 'b', weeklySales: 50 },
    ]);
    expect(preperiodMeans(rows, '2026-01-05')).toEqual([]);
  });
});

describe('proposeLocationSplit', () => {
  const stores = (n: number) => Array.from({ length: n }, (_, i) => row(`s${i}`, '2026-01-05', 100 + i * 10));

  it('needs at least 4 locations with pre-period weeks', () => {
    expect(() => proposeLocationSplit(stores(3), { start: '2026-02-01', seed: 'x' })).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        field: 'rows',
        message: 'Send at least 4 locations with weeks before 2026-02-01 (the pre-period): 3 have some.',
      }),
    );
  });

  it('splits 4 locations, keeping the seed and the start', () => {
    const split = proposeLocationSplit(stores(4), { start: '2026-02-01', seed: 'spring' });
    expect(split).toMatchObject({ seed: 'spring', start: '2026-02-01' });
    expect([...split.treatment, ...split.holdout].sort()).toEqual(['s0', 's1', 's2', 's3']);
    expect(split.holdout).toHaveLength(2);
  });
});

describe('location uploads', () => {
  it('rowsFromCsv names the bad lines', () => {
    expect(rowsFromCsv('location,week,sales\na,2026-01-05,10\n')).toEqual([row('a', '2026-01-05', 10)]);
    expect(() => rowsFromCsv('location,week,sales\na,not-a-date,10\n')).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        field: 'csv',
        message: expect.stringMatching(/^The CSV has 1 bad line\(s\): line 2: /),
      }),
    );
  });

  it('ZLocationsUpload bounds the holdout share strictly inside (0, 1)', () => {
    const rows = [row('a', '2026-01-05', 10)];
    expect(ZLocationsUpload.safeParse({ rows, holdoutShare: 0.5 }).success).toBe(true);
    expect(ZLocationsUpload.safeParse({ rows, holdoutShare: 0 }).success).toBe(false);
    expect(ZLocationsUpload.safeParse({ rows, holdoutShare: 1 }).success).toBe(false);
    expect(ZLocationsUpload.safeParse({ rows: [] }).success).toBe(false);
  });
});
