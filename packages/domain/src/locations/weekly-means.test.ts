import { describe, expect, it } from 'vitest';
import { weeklyGroupMeans } from './weekly-means';

describe('weeklyGroupMeans', () => {
  it('averages each group per week, in week order, skipping strays and missing weeks', () => {
    const rows = [
      { location: 'T1', week: '2025-03-10', sales: 110 },
      { location: 'T2', week: '2025-03-10', sales: 190 },
      { location: 'H1', week: '2025-03-10', sales: 100 },
      { location: 'T1', week: '2025-03-03', sales: 100 },
      { location: 'H1', week: '2025-03-03', sales: 90 },
      { location: 'H2', week: '2025-03-03', sales: 150 },
      { location: 'X9', week: '2025-03-03', sales: 9999 },
    ];
    expect(weeklyGroupMeans({ rows, treatment: ['T1', 'T2'], holdout: ['H1', 'H2'] })).toEqual([
      { week: '2025-03-03', treated: 100, holdout: 120 },
      { week: '2025-03-10', treated: 150, holdout: 100 },
    ]);
  });

  it('gives null for a group with no rows that week', () => {
    const rows = [{ location: 'T1', week: '2025-03-03', sales: 5 }];
    expect(weeklyGroupMeans({ rows, treatment: ['T1'], holdout: ['H1'] })).toEqual([
      { week: '2025-03-03', treated: 5, holdout: null },
    ]);
  });
});
