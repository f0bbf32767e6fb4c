import { describe, expect, it } from 'vitest';
import { type RetestInput, retestProblem } from './retest';

const promoted = { kind: 'PROMOTE', status: 'APPLIED', toRung: 'BANNER' };
const input = (over: Partial<RetestInput> = {}): RetestInput => ({
  experiment: { status: 'STOPPED', channel: 'BANNER' },
  offer: { rung: 'BANNER', experiments: [{ status: 'COMPLETED' }, { status: 'STOPPED' }], promotions: [promoted] },
  ...over,
});

describe('retestProblem', () => {
  it('lets a stopped test of a promoted offer run again on its rung', () => {
    expect(retestProblem(input())).toBeNull();
  });
  it('refuses what is not stopped, has no offer, or was moved on', () => {
    expect(retestProblem(input({ experiment: { status: 'COMPLETED', channel: 'BANNER' } }))).toMatch(/stopped/);
    expect(retestProblem(input({ offer: null }))).toMatch(/no offer/);
    expect(
      retestProblem(input({ offer: { ...(input().offer as NonNullable<RetestInput['offer']>), rung: 'EMAIL' } })),
    ).toMatch(/moved/);
  });
  it('refuses the first rung (no promotion onto it) and an offer already being tested', () => {
    const offer = input().offer as NonNullable<RetestInput['offer']>;
    expect(retestProblem(input({ offer: { ...offer, promotions: [{ ...promoted, status: 'REJECTED' }] } }))).toMatch(
      /promoted/,
    );
    expect(retestProblem(input({ offer: { ...offer, experiments: [{ status: 'DRAFT' }] } }))).toMatch(/already/);
  });
});
