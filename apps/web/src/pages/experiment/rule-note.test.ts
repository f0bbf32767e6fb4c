import { describe, expect, it } from 'vitest';
import { decisionRuleNote } from './rule-note';

describe('the decision-rule note under the results', () => {
  it('tells a Bayesian reader the result is not final until the sequence excludes 0 or the plan is reached', () => {
    const note = decisionRuleNote({ engine: 'bayesian', sequential: null }, 'RUNNING', 0.3);
    expect(note?.testId).toBe('bayesian-note');
    expect(note?.text).toContain('A Bayesian result is not final until the always-valid confidence sequence');
  });

  it('names the futility bound of a sequential test, and warns about peeking at a fixed horizon', () => {
    expect(
      decisionRuleNote({ engine: 'frequentist', sequential: 20_000, minLift: 0.075 }, 'RUNNING', 0.3)?.text,
    ).toContain('inside ±7.5% (the minimum worthwhile lift)');
    expect(decisionRuleNote({ engine: 'frequentist', sequential: 20_000 }, 'RUNNING', 0.3)?.text).not.toContain('±');
    expect(decisionRuleNote({ engine: 'frequentist', sequential: null }, 'RUNNING', 0.3)?.testId).toBe('peeking-note');
    expect(decisionRuleNote({ engine: 'frequentist', sequential: null }, 'COMPLETED', 1)).toBeNull();
    expect(decisionRuleNote({ engine: 'bayesian', sequential: null }, 'DRAFT', 0)).toBeNull();
  });
});
