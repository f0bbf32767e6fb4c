import type { MetricKind, PreparedEvent } from '@uplift/domain';
import type { Sql } from '../pg-transaction';
import { type AggregateDelta, delta } from './aggregate-deltas';

/** An attributed conversion as the aggregates need it: from this batch, or stored earlier and attributed now. */
export type Conversion = Pick<PreparedEvent, 'experimentId' | 'unitId' | 'metric' | 'kind' | 'value'>;

const col = <K extends keyof Conversion>(rows: Conversion[], k: K) => rows.map((r) => r[k]);

/**
 * Attributes the stored, unattributed conversions of units exposed now (a conversion that arrived before its
 * unit's exposure), those at or after the experiment's start and of one of its metrics (`metrics`: experiment
 * id, metric, kind). Returns them for the aggregates. Runs after the exposures are stored, before the batch's
 * own events, so a conversion is never attributed twice.
 */
export function attributeEarlierConversions(
  tx: Sql,
  exposures: Pick<PreparedEvent, 'experimentId' | 'unitId'>[],
  metrics: { experimentId: string; metric: string; kind: MetricKind }[],
) {
  return tx.$queryRaw<Conversion[]>`
    UPDATE "ExperimentEvent" ev SET attributed = true
    FROM (SELECT DISTINCT e, u FROM unnest(${exposures.map((r) => r.experimentId)}::text[],
                                           ${exposures.map((r) => r.unitId)}::text[]) AS t(e, u)) units,
         unnest(${metrics.map((m) => m.experimentId)}::text[], ${metrics.map((m) => m.metric)}::text[],
                ${metrics.map((m) => m.kind)}::text[]) AS k(e, m, kind)
    WHERE NOT ev.attributed AND ev."experimentId" = units.e AND ev."unitId" = units.u AND ev.type = 'conversion'
      AND k.e = ev."experimentId" AND k.m = ev.metric
      -- the start only for the few conversions found (a join would look the experiment up once per unit)
      AND ev.ts >= coalesce((SELECT x."startedAt" FROM "Experiment" x WHERE x.id = ev."experimentId"), '-infinity')
    RETURNING ev."experimentId", ev."unitId", ev.metric, k.kind, ev.value`;
}

// The unit lookups below are index probes written as LATERAL … LIMIT 1 (each key is a primary key, so LIMIT 1
// changes nothing): joined plainly, the planner hashed the experiment's every unit for a batch's hundred
// conversions whenever its statistics lagged the table — a scan that grew with the experiment (issue 15).

/** A unit converts once: only its first conversion moves the variant's count (and Σxy by its covariate x). */
export async function addBinomialConversions(tx: Sql, rows: Conversion[]): Promise<AggregateDelta[]> {
  const deltas = await tx.$queryRaw<AggregateDelta[]>`
    WITH fresh AS (
      INSERT INTO "UnitMetric" ("experimentId", metric, "unitId", value)
      SELECT DISTINCT e, m, u, 1 FROM unnest(${col(rows, 'experimentId')}::text[], ${col(rows, 'metric')}::text[],
                                             ${col(rows, 'unitId')}::text[]) AS t(e, m, u)
      ORDER BY 1, 2, 3
      ON CONFLICT DO NOTHING
      RETURNING "experimentId", metric, "unitId"
    )
    SELECT f."experimentId", x.variant, x.segment, f.metric, count(*)::int AS units, count(*)::float8 AS sum,
           count(*)::float8 AS "sumSquares", coalesce(sum(c.value), 0)::float8 AS "sumProduct",
           count(c.value)::float8 AS "coveredSum"
    FROM fresh f
    JOIN LATERAL (SELECT x.variant, x.segment FROM "ExperimentUnit" x
                  WHERE x."experimentId" = f."experimentId" AND x."unitId" = f."unitId" LIMIT 1) x ON true
    LEFT JOIN LATERAL (SELECT c.value FROM "UnitCovariate" c
                       WHERE c."experimentId" = f."experimentId" AND c."unitId" = f."unitId" LIMIT 1) c ON true
    GROUP BY 1, 2, 3, 4`;
  return deltas.map(delta);
}

/** Σ value per unit; the variant's Σx² moves by new² − old² of each unit whose value changed, Σxy by covariate·Δ. */
export async function addMeanConversions(tx: Sql, rows: Conversion[]): Promise<AggregateDelta[]> {
  const deltas = await tx.$queryRaw<AggregateDelta[]>`
    WITH delta AS (
      SELECT e, m, u, sum(x) AS d FROM unnest(${col(rows, 'experimentId')}::text[], ${col(rows, 'metric')}::text[],
                                              ${col(rows, 'unitId')}::text[], ${col(rows, 'value')}::float8[]) AS t(e, m, u, x)
      GROUP BY 1, 2, 3
    ), upserted AS (
      INSERT INTO "UnitMetric" ("experimentId", metric, "unitId", value)
      SELECT e, m, u, d FROM delta ORDER BY 1, 2, 3
      ON CONFLICT ("experimentId", metric, "unitId") DO UPDATE SET value = "UnitMetric".value + EXCLUDED.value
      RETURNING "experimentId", metric, "unitId", value, (xmax = 0) AS inserted
    )
    SELECT p."experimentId", x.variant, x.segment, p.metric,
           (count(*) FILTER (WHERE p.inserted))::int AS units, sum(d.d)::float8 AS sum,
           sum(p.value * p.value - (p.value - d.d) * (p.value - d.d))::float8 AS "sumSquares",
           coalesce(sum(c.value * d.d), 0)::float8 AS "sumProduct",
           coalesce(sum(d.d) FILTER (WHERE c.value IS NOT NULL), 0)::float8 AS "coveredSum"
    FROM upserted p
    JOIN delta d ON d.e = p."experimentId" AND d.m = p.metric AND d.u = p."unitId"
    JOIN LATERAL (SELECT x.variant, x.segment FROM "ExperimentUnit" x
                  WHERE x."experimentId" = p."experimentId" AND x."unitId" = p."unitId" LIMIT 1) x ON true
    LEFT JOIN LATERAL (SELECT c.value FROM "UnitCovariate" c
                       WHERE c."experimentId" = p."experimentId" AND c."unitId" = p."unitId" LIMIT 1) c ON true
    GROUP BY 1, 2, 3, 4`;
  return deltas.map(delta);
}
