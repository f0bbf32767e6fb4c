import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { type AnalyzeRequest, type VariantStats, ZAnalyzeRequest } from './request';
import type { BayesianTreatmentResult, FrequentistTreatmentResult } from './types';

// Ratio metrics against GrowthBook's engine (gbstats, /work/shared/peers/gbstats): per-unit integer data drawn
// with numpy (clicks per session, revenue per order, pages per visit), summed, then run through gbstats with
//   r = lambda v: RatioStatistic(n=v["users"], m_d_sum_of_products=v["numDenSum"],
//     m_statistic=SampleMeanStatistic(n=v["users"], sum=v["numSum"], sum_squares=v["numSumSquares"]),
//     d_statistic=SampleMeanStatistic(n=v["users"], sum=v["denSum"], sum_squares=v["denSumSquares"]))
//   for d in ("relative", "absolute"): pair = [(r(control), r(treatment))]
//     TwoSidedTTest(pair, FrequentistConfig(difference_type=d))  → expected, uplift.stddev, ci, pValue
//     SequentialTwoSidedTTest(pair, SequentialConfig(difference_type=d, sequential_tuning_parameter=5000)) → ci
//     EffectBayesianABTest(pair, EffectBayesianConfig(difference_type=d)) → chanceToWin, ci, risk
// (fixed-horizon relative also by `python3 /work/shared/peers/gbstats-analyze.py`). Tolerance as in
// reference.test.ts: every figure agrees to 6 decimals.

type Reference = {
  fixed: [estimate: number, se: number, low: number, high: number, p: number];
  sequential: [estimate: number, low: number, high: number];
  bayesian: [chanceToWin: number, low: number, high: number, riskControl: number, riskTreatment: number];
};
interface Case {
  name: string;
  variants: VariantStats[];
  relative: Reference;
  absolute: Reference;
}

const CASES: Case[] = [
  {
    name: 'clicks per session, 2,000 vs 2,050 users',
    variants: [
      {
        key: 'control',
        users: 2000,
        numSum: 1824,
        numSumSquares: 3314,
        denSum: 5979,
        denSumSquares: 21729,
        numDenSum: 6629,
      },
      {
        key: 'treatment',
        users: 2050,
        numSum: 2049,
        numSumSquares: 3859,
        denSum: 6243,
        denSumSquares: 23277,
        numDenSum: 7621,
      },
    ],
    relative: {
      fixed: [0.075851532663952, 0.02873634116909943, 0.019512479903419915, 0.13219058542448409, 0.008333032436679932],
      sequential: [0.075851532663952, -0.011502952279310585, 0.1632060176072146],
      bayesian: [
        0.9958494141950085, 0.019529338925061472, 0.13217372640284253, 0.07588859454939113, 3.706188543912482e-5,
      ],
    },
    absolute: {
      fixed: [
        0.023139855423824796, 0.008435641566807112, 0.006601352748601387, 0.039678358099048204, 0.006112927527617273,
      ],
      sequential: [0.023139855423824796, -0.0025033230134774674, 0.04878303386112706],
      bayesian: [
        0.996956944287467, 0.006606301766393818, 0.03967340908125577, 0.023147616001898567, 7.760578073771098e-6,
      ],
    },
  },
  {
    name: 'revenue per order, most units without an order, 5,000 vs 4,950 users',
    variants: [
      {
        key: 'control',
        users: 5000,
        numSum: 118441,
        numSumSquares: 9813621,
        denSum: 2953,
        denSumSquares: 4655,
        numDenSum: 186648,
      },
      {
        key: 'treatment',
        users: 4950,
        numSum: 125366,
        numSumSquares: 11176514,
        denSum: 2953,
        denSumSquares: 4675,
        numDenSum: 198869,
      },
    ],
    relative: {
      fixed: [
        0.058467929179929205, 0.01948875311838647, 0.020265995919122204, 0.0966698624407362, 0.002705767148591276,
      ],
      sequential: [0.058467929179929205, -0.0011893722999745185, 0.11812523065983294],
      bayesian: [
        0.9986504816468011, 0.020270674964299053, 0.09666518339555935, 0.05847537463729112, 7.44545736191058e-6,
      ],
    },
    absolute: {
      fixed: [2.345072807314594, 0.7608185450730555, 0.8537131956499404, 3.836432418979247, 0.0020597156614252654],
      sequential: [2.345072807314594, 0.01612025508056858, 4.674025359548619],
      bayesian: [0.9989729696427943, 0.853895860201241, 3.8362497544279464, 2.3452895602885575, 0.00021675297396317686],
    },
  },
  {
    name: 'pages per visit, 60 vs 55 users',
    variants: [
      { key: 'control', users: 60, numSum: 226, numSumSquares: 1090, denSum: 111, denSumSquares: 253, numDenSum: 497 },
      {
        key: 'treatment',
        users: 55,
        numSum: 281,
        numSumSquares: 1929,
        denSum: 121,
        denSumSquares: 325,
        numDenSum: 765,
      },
    ],
    relative: {
      fixed: [
        0.14060557302713375, 0.07167201365956644, -0.0013899533668035036, 0.28260109942107103, 0.052246449462910904,
      ],
      sequential: [0.14060557302713375, -0.3121318597267325, 0.5933430057810001],
      bayesian: [
        0.9751066391467997, 0.00013100755492070904, 0.28108013849934677, 0.14127931653229597, 0.0006737435051622182,
      ],
    },
    absolute: {
      fixed: [0.2862780135507408, 0.13578781021931763, 0.017257225582430535, 0.555298801519051, 0.037217669129301134],
      sequential: [0.2862780135507408, -0.571465775956386, 1.1440218030578677],
      bayesian: [
        0.9824963852394945, 0.02013879598131829, 0.5524172311201632, 0.28713646219363065, 0.0008584486428898807,
      ],
    },
  },
];

const close = (actual: number | null | undefined, reference: number) => expect(actual).toBeCloseTo(reference, 6);
const run = (c: Case, extra: Partial<AnalyzeRequest>) =>
  analyze(ZAnalyzeRequest.parse({ metric: 'ratio', variants: c.variants, ...extra })).variants[1];

describe.each(CASES)('ratio metric, $name, agrees with gbstats', (c) => {
  it.each(['relative', 'absolute'] as const)('%s, fixed horizon', (difference) => {
    const r = run(c, { difference }) as FrequentistTreatmentResult;
    const [estimate, se, low, high, p] = c[difference].fixed;
    close(r.estimate, estimate);
    close(r.se, se);
    close(r.ci?.[0], low);
    close(r.ci?.[1], high);
    close(r.pValue, p);
  });

  it.each(['relative', 'absolute'] as const)('%s, sequential N* = 5,000', (difference) => {
    const r = run(c, { difference, sequential: 5000 }) as FrequentistTreatmentResult;
    const [estimate, low, high] = c[difference].sequential;
    close(r.estimate, estimate);
    close(r.ci?.[0], low);
    close(r.ci?.[1], high);
  });

  it.each(['relative', 'absolute'] as const)('%s, Bayesian', (difference) => {
    const r = run(c, { difference, engine: 'bayesian' }) as BayesianTreatmentResult;
    const [chanceToWin, low, high, riskControl, riskTreatment] = c[difference].bayesian;
    close(r.chanceToWin, chanceToWin);
    close(r.ci?.[0], low);
    close(r.ci?.[1], high);
    close(r.risk?.[0], riskControl);
    close(r.risk?.[1], riskTreatment);
  });

  it('reports each variant’s ratio Σnum/Σden as its mean', () => {
    const result = analyze(ZAnalyzeRequest.parse({ metric: 'ratio', variants: c.variants }));
    result.variants.forEach((row, i) => {
      const v = c.variants[i] as VariantStats;
      expect(row.mean).toBe((v.numSum as number) / (v.denSum as number));
    });
  });
});
