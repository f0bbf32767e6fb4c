import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { type AnalyzeRequest, type VariantStats, ZAnalyzeRequest } from './request';
import { CUPED_BINOMIAL, CUPED_MEAN } from './testing/cuped-data';
import type { BayesianTreatmentResult, FrequentistTreatmentResult } from './types';

// CUPED (regression adjustment on a pre-period covariate) against GrowthBook's engine (gbstats,
// /work/shared/peers/gbstats). Binomial data: numpy draws of 0/1 pre- and post-period outcomes per unit, summed;
//   ra = lambda v: RegressionAdjustedStatistic(n=v["users"], theta=None, post_pre_sum_of_products=v["sumProduct"],
//     post_statistic=ProportionStatistic(n=v["users"], sum=v["sum"]),
//     pre_statistic=ProportionStatistic(n=v["users"], sum=v["preSum"]))   (mean: SampleMeanStatistic both)
//   pair = [(ra(control), ra(treatment))], d = "absolute":
//     TwoSidedTTest(pair, FrequentistConfig(difference_type=d))  → stat_a.theta, expected, uplift.stddev, ci, pValue
//     SequentialTwoSidedTTest(pair, SequentialConfig(difference_type=d, sequential_tuning_parameter=5000)) → ci
//     EffectBayesianABTest(pair, EffectBayesianConfig(difference_type=d)) → chanceToWin, ci, risk
// Absolute differences agree to 6 decimals (the tolerance of reference.test.ts). Relative ones differ by
// design: Uplift's relative CUPED (issue 3, reference test 8) is mB'/mA' − 1 of the adjusted means, gbstats'
// is (mB' − mA')/mA with the unadjusted control mean; so those are checked against this scipy formula, which
// also reproduces reference test 8:
//   θ = (Σxy − ΣxΣy/n)/(Σy² − (Σy)²/n) pooled; per variant m' = m − θ(m_pre − pooled m_pre),
//   v' = v_x + θ²v_pre − 2θ·cov (binomial: v_x = m(1−m), v_pre and cov over n; mean: over n − 1);
//   est = mB'/mA' − 1, se = √(vB'/(mA'²nB) + vA'·mB'²/(mA'⁴nA)), Welch df, ci = est ± t.ppf(0.975, df)·se.

interface Case {
  name: string;
  metric: 'binomial' | 'mean';
  variants: VariantStats[];
  theta: number;
  fixed: [estimate: number, se: number, low: number, high: number, p: number];
  sequential: [estimate: number, low: number, high: number];
  bayesian: [chanceToWin: number, low: number, high: number, riskControl: number, riskTreatment: number];
  /** [estimate, se, low, high, p] of the relative difference by the formula above. */
  relative: [number, number, number, number, number];
}

const CASES: Case[] = [
  {
    name: 'binomial, 3,000 vs 3,100 users, ρ ≈ 0.4',
    metric: 'binomial',
    variants: CUPED_BINOMIAL,
    theta: 0.3907121979218332,
    fixed: [0.024880140956813512, 0.010571664653426923, 0.004155944752340351, 0.04560433716128667, 0.01863047038775134],
    sequential: [0.024880140956813512, -0.00722620939325342, 0.056986491306880445],
    bayesian: [
      0.9907005529812853, 0.004160058979461624, 0.045600222934165394, 0.02491319856872856, 3.305761191504645e-5,
    ],
    relative: [
      0.09154440140032793, 0.04071237820617649, 0.011733762153271071, 0.1713550406473848, 0.024575795471398335,
    ],
  },
  {
    name: 'binomial, 400 vs 380 users, ρ ≈ 0.2',
    metric: 'binomial',
    variants: [
      { key: 'control', users: 400, sum: 113, preSum: 207, preSumSquares: 207, sumProduct: 82 },
      { key: 'treatment', users: 380, sum: 120, preSum: 177, preSumSquares: 177, sumProduct: 75 },
    ],
    theta: 0.21693497474747478,
    fixed: [0.044507295404704966, 0.03184860039847467, -0.01801294423262559, 0.10702753504203552, 0.16267579164960067],
    sequential: [0.044507295404704966, -0.0671321423547675, 0.15614673316417743],
    bayesian: [
      0.9188630654924285, -0.01791481433431341, 0.10692940514372333, 0.04568166048161833, 0.0011743650769133586,
    ],
    relative: [0.16065591093816223, 0.12390568725587231, -0.08257654394975433, 0.4038883658260788, 0.19515727837499097],
  },
  {
    name: 'mean, the data of reference test 8',
    metric: 'mean',
    variants: CUPED_MEAN,
    theta: 0.8085638269565841,
    fixed: [0.9812001734733649, 0.3171526988601618, 0.35912668120908686, 1.603273665737643, 0.002010089358494893],
    sequential: [0.9812001734733649, -0.02620619113690026, 1.98860653808363],
    bayesian: [0.9990118748544824, 0.35959230610777015, 1.6028080408389593, 0.9812868616949123, 8.668822154740083e-5],
    relative: [
      0.04584474961873575, 0.015149296550862928, 0.016130432683669454, 0.07555906655380204, 0.0025156046211719132,
    ],
  },
];

const close = (actual: number | null | undefined, reference: number) => expect(actual).toBeCloseTo(reference, 6);
const run = (c: Case, extra: Partial<AnalyzeRequest>) =>
  analyze(ZAnalyzeRequest.parse({ metric: c.metric, cuped: true, variants: c.variants, ...extra }));

describe.each(CASES)('CUPED, $name', (c) => {
  it('estimates θ as gbstats does', () => {
    close(run(c, {}).cuped?.theta, c.theta);
  });

  it('absolute, fixed horizon, as gbstats', () => {
    const r = run(c, { difference: 'absolute' }).variants[1] as FrequentistTreatmentResult;
    const [estimate, se, low, high, p] = c.fixed;
    close(r.estimate, estimate);
    close(r.se, se);
    close(r.ci?.[0], low);
    close(r.ci?.[1], high);
    close(r.pValue, p);
  });

  it('absolute, sequential N* = 5,000, as gbstats', () => {
    const r = run(c, { difference: 'absolute', sequential: 5000 }).variants[1] as FrequentistTreatmentResult;
    const [estimate, low, high] = c.sequential;
    close(r.estimate, estimate);
    close(r.ci?.[0], low);
    close(r.ci?.[1], high);
  });

  it('absolute, Bayesian, as gbstats', () => {
    const r = run(c, { difference: 'absolute', engine: 'bayesian' }).variants[1] as BayesianTreatmentResult;
    const [chanceToWin, low, high, riskControl, riskTreatment] = c.bayesian;
    close(r.chanceToWin, chanceToWin);
    close(r.ci?.[0], low);
    close(r.ci?.[1], high);
    close(r.risk?.[0], riskControl);
    close(r.risk?.[1], riskTreatment);
  });

  it('relative, fixed horizon, as the formula above', () => {
    const r = run(c, {}).variants[1] as FrequentistTreatmentResult;
    const [estimate, se, low, high, p] = c.relative;
    close(r.estimate, estimate);
    close(r.se, se);
    close(r.ci?.[0], low);
    close(r.ci?.[1], high);
    close(r.pValue, p);
  });
});
