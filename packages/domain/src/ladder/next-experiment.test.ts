import { describe, expect, it } from 'vitest';
import { freeKey, nextExperimentDesign, nextExperimentName, nextExperimentStem } from './next-experiment';

const variants = [
  { key: 'control', name: 'No gift', weight: 0.34 },
  { key: 'tote', name: 'Tote bag', weight: 0.33 },
  { key: 'mug', name: 'Mug', weight: 0.33 },
];

describe("the next rung's experiment", () => {
  it('an experiment rung: a 50/50 A/B test of the control against the winner', () => {
    expect(nextExperimentDesign({ mode: 'experiment' }, variants, 'mug')).toEqual({
      design: 'ab',
      running: false,
      variants: [
        { key: 'control', name: 'No gift', weight: 0.5 },
        { key: 'mug', name: 'Mug', weight: 0.5 },
      ],
    });
    // No recorded winner: the first treatment.
    expect(nextExperimentDesign({ mode: 'experiment' }, variants, undefined).variants[1]?.key).toBe('tote');
  });

  it('a rollout rung: the winner at 90% and a 10% holdout keeping the control', () => {
    expect(nextExperimentDesign({ mode: 'rollout' }, variants, 'tote')).toEqual({
      design: 'rollout',
      running: true,
      variants: [
        { key: 'holdout', name: 'Holdout (No gift)', weight: 0.1 },
        { key: 'tote', name: 'Tote bag', weight: 0.9 },
      ],
    });
  });

  it('keys and names drop the channel suffix and take the new rung', () => {
    expect(nextExperimentStem('gift-email', 'BANNER')).toBe('gift-banner');
    expect(nextExperimentStem('gift-SMS', 'OFFLINE')).toBe('gift-offline');
    expect(nextExperimentStem('gift-emails', 'BANNER')).toBe('gift-emails-banner');
    expect(nextExperimentName('Gift — email', 'BANNER')).toBe('Gift — banner');
    expect(nextExperimentName('Gift', 'PUSH')).toBe('Gift — push');
  });

  it('a taken key gets -2, -3, …', async () => {
    expect(await freeKey('gift-banner', () => false)).toBe('gift-banner');
    const taken = new Set(['gift-banner', 'gift-banner-2']);
    expect(await freeKey('gift-banner', (k) => taken.has(k))).toBe('gift-banner-3');
    expect(await freeKey('gift-banner', async (k) => k === 'gift-banner')).toBe('gift-banner-2');
  });
});
