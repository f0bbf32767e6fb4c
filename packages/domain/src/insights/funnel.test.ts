import { describe, expect, it } from 'vitest';
import { FUNNEL_STAGES } from '../enums';
import { funnel } from './funnel';

describe('funnel', () => {
  const stages = [
    { stage: 'LANDING' as const, entered: 1_000, converted: 200 },
    { stage: 'REGISTRATION' as const, controlUsers: 500, controlConversions: 250 },
  ];
  const tests = [
    { stage: 'LANDING' as const, won: true, rolledOut: true, shrunkLift: 0.1 },
    { stage: 'LANDING' as const, won: true, rolledOut: true, shrunkLift: 0.2 },
    { stage: 'LANDING' as const, won: true, rolledOut: false, shrunkLift: 0.5 },
    { stage: 'REGISTRATION' as const, won: false, rolledOut: false, shrunkLift: 0.05 },
  ];

  it('orders the visible stages, compounds rolled-out wins Π(1 + x̃) and multiplies conversions end to end', () => {
    const result = funnel({ stages, hiddenStages: ['AD'], tests });
    expect(result.stages.map((s) => s.stage)).toEqual(FUNNEL_STAGES.filter((s) => s !== 'AD'));
    const [landing, registration] = result.stages;
    expect(landing).toMatchObject({ volume: 1_000, conversion: 0.2, conversionSource: 'entered', tests: 3, wins: 3 });
    expect(landing?.cumulativeLift).toBeCloseTo(1.32, 15); // 1.1·1.2; the win not rolled out does not count
    expect(landing?.conversionAfter).toBeCloseTo(0.264, 15);
    expect(registration).toMatchObject({
      volume: 500,
      conversion: 0.5,
      conversionSource: 'control',
      tests: 1,
      wins: 0,
    });
    expect(registration).toMatchObject({ cumulativeLift: 1, conversionAfter: 0.5 });
    expect(result.endToEnd.before).toBeCloseTo(0.1, 15); // 0.2·0.5
    expect(result.endToEnd.after).toBeCloseTo(0.132, 15); // 0.264·0.5
    expect(result.endToEnd.stagesWithoutData).toEqual([
      'ONBOARDING',
      'SALES_CALL',
      'DEMO',
      'PAYMENT',
      'RETENTION',
      'CROSS_SELL',
    ]);
  });

  it('caps a lifted conversion at 1', () => {
    const result = funnel({
      stages: [{ stage: 'PAYMENT', entered: 100, converted: 90 }],
      hiddenStages: [],
      tests: [{ stage: 'PAYMENT', won: true, rolledOut: true, shrunkLift: 0.2 }],
    });
    const payment = result.stages.find((s) => s.stage === 'PAYMENT');
    expect(payment?.conversionAfter).toBe(1);
    expect(result.endToEnd).toMatchObject({ before: 0.9, after: 1 });
  });

  it('without any data every stage is listed with no conversion and no end-to-end figure', () => {
    const result = funnel({ stages: [], hiddenStages: [], tests: [] });
    expect(result.stages).toHaveLength(FUNNEL_STAGES.length);
    expect(result.stages[0]).toMatchObject({
      volume: null,
      conversion: null,
      tests: 0,
      cumulativeLift: 1,
      conversionAfter: null,
    });
    expect(result.endToEnd).toEqual({ before: null, after: null, stagesWithoutData: [...FUNNEL_STAGES] });
  });
});
