import type { Sql } from '../pg-transaction';

/** A ratio metric of an experiment: its name and the two event metrics it divides. */
export interface RatioMetric {
  experimentId: string;
  name: string;
  numerator: string;
  denominator: string;
}

/**
 * Keeps Σ m·d per variant for ratio metrics (m, d: a unit's numerator and denominator values), the delta method's
 * cross term. A unit's product is kept as its UnitMetric row under the ratio's name; after this batch's conversions
 * are stored, each touched unit's product is recomputed from its current values and the variant's `crossSum`
 * moves by new − old, so the sum is that of the stored values whatever the order events arrive in (the
 * per-unit Σx² of mean metrics is kept the same way, ingestion-conversions.ts).
 */
export async function addRatioProducts(
  tx: Sql,
  units: { experimentId: string; unitId: string }[],
  ratios: RatioMetric[],
) {
  const touched = units.filter((u) => ratios.some((r) => r.experimentId === u.experimentId));
  if (!touched.length) return;
  await tx.$executeRaw`
    WITH touched AS (
      SELECT DISTINCT e, u FROM unnest(${touched.map((t) => t.experimentId)}::text[],
                                       ${touched.map((t) => t.unitId)}::text[]) AS t(e, u)
    ), products AS (
      SELECT t.e, t.u, r.name, coalesce(n.value, 0) * coalesce(d.value, 0) AS v, coalesce(o.value, 0) AS old
      FROM touched t
      JOIN unnest(${ratios.map((r) => r.experimentId)}::text[], ${ratios.map((r) => r.name)}::text[],
                  ${ratios.map((r) => r.numerator)}::text[], ${ratios.map((r) => r.denominator)}::text[])
           AS r(e, name, num, den) ON r.e = t.e
      LEFT JOIN LATERAL (SELECT n.value FROM "UnitMetric" n
                         WHERE n."experimentId" = t.e AND n.metric = r.num AND n."unitId" = t.u LIMIT 1) n ON true
      LEFT JOIN LATERAL (SELECT d.value FROM "UnitMetric" d
                         WHERE d."experimentId" = t.e AND d.metric = r.den AND d."unitId" = t.u LIMIT 1) d ON true
      LEFT JOIN LATERAL (SELECT o.value FROM "UnitMetric" o
                         WHERE o."experimentId" = t.e AND o.metric = r.name AND o."unitId" = t.u LIMIT 1) o ON true
    ), changed AS (
      SELECT * FROM products WHERE v <> old
    ), stored AS (
      INSERT INTO "UnitMetric" ("experimentId", metric, "unitId", value)
      SELECT e, name, u, v FROM changed ORDER BY 1, 2, 3
      ON CONFLICT ("experimentId", metric, "unitId") DO UPDATE SET value = EXCLUDED.value
    )
    INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares", "crossSum")
    SELECT c.e, x.variant, x.segment, c.name, 0, 0, 0, sum(c.v - c.old)
    FROM changed c
    JOIN LATERAL (SELECT x.variant, x.segment FROM "ExperimentUnit" x
                  WHERE x."experimentId" = c.e AND x."unitId" = c.u LIMIT 1) x ON true -- a probe, not a scan
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("experimentId", variant, segment, metric) DO UPDATE SET
      "crossSum" = "ExperimentAggregate"."crossSum" + EXCLUDED."crossSum"`;
}
