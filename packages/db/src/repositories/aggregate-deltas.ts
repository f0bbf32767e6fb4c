import { numberArray, textArray } from '../pg-arrays';
import type { Closing, Prepared } from '../pg-transaction';

/** How one batch moves one ExperimentAggregate row (summed with the row at the end of the batch). */
export interface AggregateDelta {
  experimentId: string;
  variant: string;
  segment: string;
  metric: string;
  units: number;
  sum: number;
  sumSquares: number;
  covariateUnits: number;
  covariateSum: number;
  covariateSumSquares: number;
  sumProduct: number;
  coveredSum: number;
}

const ZERO = {
  units: 0,
  sum: 0,
  sumSquares: 0,
  covariateUnits: 0,
  covariateSum: 0,
  covariateSumSquares: 0,
  sumProduct: 0,
  coveredSum: 0,
};

/** A delta row as a statement returns it (the sums it does not move are 0). */
export const delta = (
  row: Partial<AggregateDelta> & Pick<AggregateDelta, 'experimentId' | 'variant' | 'segment' | 'metric'>,
) => ({ ...ZERO, ...row }) as AggregateDelta;

/** The deltas' numeric columns, in the closing's order. */
const NUMBERS = [
  'units',
  'sum',
  'sumSquares',
  'covariateUnits',
  'covariateSum',
  'covariateSumSquares',
  'sumProduct',
  'coveredSum',
] as const;

const texts = <K extends 'experimentId' | 'variant' | 'segment' | 'metric'>(rows: AggregateDelta[], k: K) =>
  textArray(rows.map((r) => r[k]));
const numbers = (
  rows: AggregateDelta[],
  k: Exclude<keyof AggregateDelta, 'experimentId' | 'variant' | 'segment' | 'metric'>,
) => numberArray(rows.map((r) => r[k]));

/** The closing's statement (`aggregateDeltasClosing`), prepared once per connection: the deltas' 12 columns, then the changed experiments and their change of unattributed events. */
const CLOSING: Prepared = {
  name: 'uplift_aggregate_deltas',
  types:
    'text[], text[], text[], text[], int[], float8[], float8[], int[], float8[], float8[], float8[], float8[], text[], int[]',
  text: `
    WITH locked AS (
      SELECT id FROM "Experiment" WHERE id = ANY($13) ORDER BY id FOR NO KEY UPDATE
    ), agg AS (
      INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares",
        "covariateUnits", "covariateSum", "covariateSumSquares", "sumProduct", "coveredSum")
      SELECT e, v, s, m, sum(n), sum(x), sum(xx), sum(cn), sum(cx), sum(cxx), sum(xy), sum(cy)
      FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) AS d(e, v, s, m, n, x, xx, cn, cx, cxx, xy, cy)
      WHERE (SELECT count(*) FROM locked) >= 0
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT ("experimentId", variant, segment, metric) DO UPDATE SET
        units = "ExperimentAggregate".units + EXCLUDED.units,
        sum = "ExperimentAggregate".sum + EXCLUDED.sum,
        "sumSquares" = "ExperimentAggregate"."sumSquares" + EXCLUDED."sumSquares",
        "covariateUnits" = "ExperimentAggregate"."covariateUnits" + EXCLUDED."covariateUnits",
        "covariateSum" = "ExperimentAggregate"."covariateSum" + EXCLUDED."covariateSum",
        "covariateSumSquares" = "ExperimentAggregate"."covariateSumSquares" + EXCLUDED."covariateSumSquares",
        "sumProduct" = "ExperimentAggregate"."sumProduct" + EXCLUDED."sumProduct",
        "coveredSum" = "ExperimentAggregate"."coveredSum" + EXCLUDED."coveredSum"
      RETURNING 1
    )
    UPDATE "Experiment" x SET "dataVersion" = "dataVersion" + 1, "lastDataAt" = now(), "noDataAlertedAt" = NULL,
      "unattributedEvents" = "unattributedEvents" + c.n, "updatedAt" = now()
    FROM unnest($13, $14) AS c(id, n)
    WHERE x.id = c.id AND (SELECT count(*) FROM agg) >= 0
    RETURNING x.id, x."dataVersion" AS version`,
};

/**
 * The batch's last statement, run with its COMMIT (withPgTransaction's `close`): adds its aggregate deltas and bumps
 * the dataVersion of the experiments it changed (`orphans`: their change of unattributed events). These are the
 * rows every batch of an experiment writes, so they are written last and in one order (experiments by id, then
 * aggregate rows by key): concurrent batches wait for each other only here, for the time of a commit, and never
 * deadlock. Its rows: each changed experiment's new dataVersion (`{ id, version }`). Null when the batch changed nothing.
 */
export function aggregateDeltasClosing(deltas: AggregateDelta[], changed: string[], orphans: number[]): Closing | null {
  if (!changed.length) return null;
  return (literal, execute) =>
    execute(CLOSING, [
      ...(['experimentId', 'variant', 'segment', 'metric'] as const).map((k) => literal(texts(deltas, k))),
      ...NUMBERS.map((k) => literal(numbers(deltas, k))),
      literal(textArray(changed)),
      literal(numberArray(orphans)),
    ]);
}
