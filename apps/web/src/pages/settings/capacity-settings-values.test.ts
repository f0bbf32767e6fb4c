import { describe, expect, it } from 'vitest';
import { capacityChanges, fromWorkspace, validateCapacity } from './capacity-settings-values';

const workspace = {
  ladder: ['EMAIL', 'BANNER', 'OFFLINE'] as ('EMAIL' | 'BANNER' | 'OFFLINE')[],
  capacity: { EMAIL: { unitsPerWeek: 6000, maxConcurrent: 2 }, OFFLINE: { unitsPerWeek: 6, maxConcurrent: 1 } },
  maxTestWeeks: 12,
};

describe('the channel capacity form', () => {
  it('sends only the rungs that changed: a new one set, an emptied one cleared', () => {
    const values = fromWorkspace(workspace);
    expect(capacityChanges(values, workspace)).toEqual({});
    values.capacity.BANNER = { unitsPerWeek: 12_000, maxConcurrent: 2 };
    values.capacity.OFFLINE = { unitsPerWeek: '', maxConcurrent: '' };
    values.maxTestWeeks = 16;
    expect(capacityChanges(values, workspace)).toEqual({
      capacity: { BANNER: { unitsPerWeek: 12_000, maxConcurrent: 2 }, OFFLINE: null },
      maxTestWeeks: 16,
    });
  });

  it('names each bad field as the api does', () => {
    const values = fromWorkspace(workspace);
    values.capacity.EMAIL = { unitsPerWeek: 0, maxConcurrent: 1.5 };
    values.capacity.BANNER = { unitsPerWeek: 500, maxConcurrent: '' };
    expect(Object.keys(validateCapacity(values))).toEqual([
      'capacity.EMAIL.unitsPerWeek',
      'capacity.EMAIL.maxConcurrent',
      'capacity.BANNER.maxConcurrent',
    ]);
  });
});
