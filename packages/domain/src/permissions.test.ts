import { describe, expect, it } from 'vitest';
import { actionsFor, can } from './permissions';

describe('the permission table matches the README', () => {
  it('an analyst reads everything and changes nothing', () => {
    expect(actionsFor('ANALYST').filter((a) => !a.endsWith('.read'))).toEqual([]);
    expect(can('ANALYST', 'experiment.read')).toBe(true);
  });

  it('a report import (which replaces an experiment’s data) is for marketers and product owners', () => {
    expect(can('ANALYST', 'experiment.import')).toBe(false);
    expect(can('MARKETER', 'experiment.import')).toBe(true);
    expect(can('PRODUCT_OWNER', 'experiment.import')).toBe(true);
    expect(can('ADMIN', 'experiment.import')).toBe(false);
  });
});
