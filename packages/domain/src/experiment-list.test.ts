import { describe, expect, it } from 'vitest';
import { currentLift, ZExperimentListQuery } from './experiment-list';

const treatment = (key: string, estimate: number | null, significant = false) => ({
  key,
  users: 100,
  mean: 0.1,
  estimate,
  ci: estimate === null ? null : [estimate - 0.1, estimate + 0.1],
  significant,
  decision: 'inconclusive',
});

describe('currentLift', () => {
  it('reads the best treatment of a stored analysis', () => {
    const analysis = { variants: [{ key: 'control' }, treatment('a', 0.05), treatment('b', 0.2, true)] };
    expect(currentLift(analysis)).toEqual({
      variant: 'b',
      estimate: 0.2,
      ci: [0.1, 0.30000000000000004],
      significant: true,
    });
  });

  it('is null before an evaluation, for degenerate data and for a location test', () => {
    expect(currentLift(null)).toBeNull();
    expect(currentLift({ variants: [{ key: 'control' }, treatment('a', null)] })).toBeNull();
    expect(currentLift({ method: 'did', estimate: 0.1 })).toBeNull();
  });
});

describe('ZExperimentListQuery', () => {
  it('names the field of a bad filter', () => {
    const parsed = ZExperimentListQuery.safeParse({ channel: ['FAX'], search: 'x'.repeat(201) });
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['channel.0', 'search']);
  });
});
