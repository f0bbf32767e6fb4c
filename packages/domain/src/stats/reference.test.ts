import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { adjustPValues } from './correction';
import { plan, ZPlanRequest } from './plan';
import { type AnalyzeRequest, ZAnalyzeRequest } from './request';
import { srmTest } from './srm';
import { CUPED_MEAN } from './testing/cuped-data';
import type { BayesianTreatmentResult, FrequentistTreatmentResult } from './types';
import { welchDf } from './welch';

// Reference values from the spec (issue 3), computed independently with scipy. Each must print the same
// at the spec's precision: x.toFixed(decimals of the printed figure) equals the printed figure.
function printed(actual: number | null | undefined, figure: string): void {
  const decimals = figure.split('.')[1]?.length ?? 0;
  expect(actual).toBeTypeOf('number');
  expect((actual as number).toFixed(decimals)).toBe(figure);
}

const treatment = (request: AnalyzeRequest) => analyze(ZAnalyzeRequest.parse(request)).variants[1];
const frequentist = (request: AnalyzeRequest) => treatment(request) as FrequentistTreatmentResult;

const binomial: AnalyzeRequest = {
  metric: 'binomial',
  variants: [
    { key: 'control', users: 1000, sum: 120 },
    { key: 'treatment', users: 1000, sum: 150 },
  ],
};

describe('analyze reproduces the reference values', () => {
  it('1. binomial, relative, frequentist', () => {
    const r = frequentist(binomial);
    printed(r.estimate, '0.25');
    printed(r.se, '0.142522');
    printed(r.pValue, '0.079565');
    printed(r.ci?.[0], '-0.029509');
    printed(r.ci?.[1], '0.529509');
  });

  it('1. …with Welch–Satterthwaite df 1980.518', () => {
    const m = (sum: number) => ({ users: 1000, mean: sum / 1000, variance: (sum / 1000) * (1 - sum / 1000) });
    printed(welchDf(m(120), m(150)), '1980.518');
  });

  it('2. binomial, absolute', () => {
    const r = frequentist({ ...binomial, difference: 'absolute' });
    printed(r.estimate, '0.03');
    printed(r.se, '0.015268');
    printed(r.pValue, '0.049560');
    printed(r.ci?.[0], '0.000058');
    printed(r.ci?.[1], '0.059942');
  });

  it('3. binomial, Bayesian relative', () => {
    const r = treatment({ ...binomial, engine: 'bayesian' }) as BayesianTreatmentResult;
    printed(r.chanceToWin, '0.960295');
    printed(r.ci?.[0], '-0.029338');
    printed(r.ci?.[1], '0.529338');
    printed(r.risk?.[0], '0.252282');
    printed(r.risk?.[1], '0.002282');
  });

  it('4. mean metric, relative, frequentist', () => {
    const r = frequentist({
      metric: 'mean',
      variants: [
        { key: 'control', users: 500, sum: 10400, sumSquares: 305000 },
        { key: 'treatment', users: 520, sum: 11650, sumSquares: 341200 },
      ],
    });
    printed(r.estimate, '0.077108');
    printed(r.se, '0.040496');
    printed(r.pValue, '0.057186');
    printed(r.ci?.[0], '-0.002359');
    printed(r.ci?.[1], '0.156575');
  });

  it('5. binomial, relative, sequential N* = 5000', () => {
    const r = frequentist({
      metric: 'binomial',
      sequential: 5000,
      alpha: 0.05,
      variants: [
        { key: 'control', users: 5000, sum: 400 },
        { key: 'treatment', users: 5000, sum: 470 },
      ],
    });
    printed(r.estimate, '0.175');
    printed(r.ci?.[0], '-0.058894');
    printed(r.ci?.[1], '0.408894');
    expect(r.pValue).toBeNull();
  });

  it('6. SRM on users [5000, 5200, 4800] with equal weights', () => {
    const srm = srmTest([{ users: 5000 }, { users: 5200 }, { users: 4800 }]);
    printed(srm.chiSquare, '16.0');
    printed(srm.pValue, '0.000335');
    expect(srm.flagged).toBe(true);
  });

  it('7. Holm and Benjamini–Hochberg on [0.01, 0.04, 0.03]', () => {
    const holm = adjustPValues([0.01, 0.04, 0.03], 'holm');
    const bh = adjustPValues([0.01, 0.04, 0.03], 'bh');
    for (const [i, figure] of ['0.03', '0.06', '0.06'].entries()) printed(holm[i], figure);
    for (const [i, figure] of ['0.03', '0.04', '0.04'].entries()) printed(bh[i], figure);
  });

  it('8. CUPED, mean metric, relative, frequentist', () => {
    const variants = CUPED_MEAN;
    const result = analyze(ZAnalyzeRequest.parse({ metric: 'mean', cuped: true, variants }));
    printed(result.cuped?.theta, '0.808564');
    const r = result.variants[1] as FrequentistTreatmentResult;
    printed(r.estimate, '0.045845');
    printed(r.se, '0.015149');
    printed(r.pValue, '0.002516');
    printed(r.ci?.[0], '0.016130');
    printed(r.ci?.[1], '0.075559');

    const plain = frequentist({ metric: 'mean', variants });
    printed(plain.estimate, '0.052658');
    printed(plain.se, '0.031024');
  });
});

describe('plan reproduces the reference values', () => {
  it('μ = 0.1, lift 10%, α = 0.05, power 0.8, 2 variations → 15,612 users per variation', () => {
    const r = plan(ZPlanRequest.parse({ metric: 'binomial', baseline: 0.1, lift: 0.1, alpha: 0.05, power: 0.8 }));
    expect(r.usersPerVariation).toBe(15_612);
    expect(r.totalUsers).toBe(31_224);
    expect(r.power).toBeGreaterThanOrEqual(0.8);
  });

  it('μ = 10, σ² = 3910, lift 5%, 400,000 users, 3 variations → power 0.521441', () => {
    const r = plan(
      ZPlanRequest.parse({
        metric: 'mean',
        baseline: 10,
        variance: 3910,
        lift: 0.05,
        totalUsers: 400_000,
        variations: 3,
      }),
    );
    printed(r.power, '0.521441');
  });
});
