import { describe, expect, it } from 'vitest';
import { fromBoard, moveRung, toUpdate, validateLadder } from './ladder-settings-values';

const board = (policies: object = {}) =>
  ({ ladder: ['EMAIL', 'BANNER', 'OFFLINE'], policies, priorDiscount: 4, offers: [] }) as never;

describe('the ladder settings form', () => {
  it('sends no policy for rungs left at their defaults', () => {
    expect(toUpdate(fromBoard(board()))).toEqual({
      ladder: ['EMAIL', 'BANNER', 'OFFLINE'],
      policies: {},
      priorDiscount: 4,
    });
  });

  it('sends only what differs from the defaults, the threshold as a fraction', () => {
    const values = fromBoard(board({ BANNER: { approval: 'product_owner' } }));
    expect(values.policies.BANNER).toMatchObject({ approval: 'product_owner', minUnits: 1000, minLowerBoundPct: '' });
    values.policies.OFFLINE.minLowerBoundPct = 2;
    values.policies.OFFLINE.readinessGate = true; // the default: not sent
    expect(toUpdate(values).policies).toEqual({
      BANNER: { approval: 'product_owner' },
      OFFLINE: { minLowerBound: 0.02 },
    });
  });

  it('moves rungs and checks the numbers', () => {
    expect(moveRung(['EMAIL', 'BANNER', 'OFFLINE'], 2, -1)).toEqual(['EMAIL', 'OFFLINE', 'BANNER']);
    expect(moveRung(['EMAIL', 'BANNER'], 0, -1)).toEqual(['EMAIL', 'BANNER']);
    const values = fromBoard(board());
    values.policies.BANNER.minUnits = 10.5;
    values.priorDiscount = 0.5;
    expect(validateLadder(values)).toEqual({
      'BANNER.minUnits': 'Must be a whole number ≥ 0',
      priorDiscount: 'Must be 1–100',
    });
  });
});
