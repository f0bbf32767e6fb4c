import { describe, expect, it } from 'vitest';
import { type MetricAnalysisInput, requestSettings } from './metric-inputs';

const input = (analysis: Partial<MetricAnalysisInput['analysis']>) =>
  ({
    variants: [
      { key: 'control', name: 'Control', weight: 0.5 },
      { key: 'b', name: 'B', weight: 0.5 },
    ],
    analysis: { engine: 'frequentist', alpha: 0.05, sequential: null, correction: 'holm', ...analysis },
    aggregates: [],
    reports: [],
  }) as unknown as MetricAnalysisInput;

describe('requestSettings', () => {
  it('sends the multiple-comparison correction for fixed-horizon frequentist tests only', () => {
    expect(requestSettings(input({})).correction).toBe('holm');
    expect(requestSettings(input({ engine: 'bayesian' })).correction).toBe('none');
    expect(requestSettings(input({ sequential: 5000 })).correction).toBe('none');
  });
});
