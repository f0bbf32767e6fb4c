import type { PreparedEvent } from '@uplift/domain';
import type { Sql } from '../pg-transaction';
import { type AggregateDelta, delta } from './aggregate-deltas';

const col = <K extends keyof PreparedEvent>(rows: PreparedEvent[], k: K) => rows.map((r) => r[k]);
const unitKey = (e: PreparedEvent) => `${e.experimentId}\u0000${e.unitId}`;
const iso = (rows: PreparedEvent[]) => rows.map((r) => r.ts.toISOString());

/**
 * Whether some conversion's unit is neither exposed by the batch nor stored as exposed: such a conversion is
 * stored unattributed, and a concurrent batch exposing its unit could miss it, so that batch is written under
 * the experiment's exclusive lock (ingestion.ts).
 */
export async function hasUnexposedConversions(db: Sql, events: PreparedEvent[]) {
  const exposed = new Set(events.filter((e) => e.type === 'exposure').map(unitKey));
  const rest = events.filter((e) => e.type === 'conversion' && !exposed.has(unitKey(e)));
  if (!rest.length) return false;
  const [row] = await db.$queryRaw<{ missing: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM unnest(${col(rest, 'experimentId')}::text[], ${col(rest, 'unitId')}::text[]) AS t(e, u)
      WHERE NOT EXISTS (SELECT 1 FROM "ExperimentUnit" x WHERE x."experimentId" = t.e AND x."unitId" = t.u)
    ) AS missing`;
  return row?.missing ?? true;
}

/**
 * New exposures fix their unit's variant (first exposure wins, units inserted in key order so concurrent batches
 * never deadlock); returns the units (and covariates) they add per variant and segment.
 */
export async function insertExposures(tx: Sql, rows: PreparedEvent[]): Promise<AggregateDelta[]> {
  const deltas = await tx.$queryRaw<AggregateDelta[]>`
    WITH fresh AS (
      INSERT INTO "ExperimentUnit" ("experimentId", "unitId", variant, segment, "exposedAt")
      SELECT DISTINCT ON (e, u) e, u, v, s, ts::timestamp
      FROM unnest(${col(rows, 'experimentId')}::text[], ${col(rows, 'unitId')}::text[], ${col(rows, 'variant')}::text[],
                  ${col(rows, 'segment')}::text[], ${iso(rows)}::text[]) AS t(e, u, v, s, ts)
      ORDER BY e, u, ts
      ON CONFLICT DO NOTHING
      RETURNING "experimentId", "unitId", variant, segment
    )
    SELECT f."experimentId", f.variant, f.segment, '' AS metric, count(*)::int AS units,
           count(c.value)::int AS "covariateUnits", coalesce(sum(c.value), 0)::float8 AS "covariateSum",
           coalesce(sum(c.value * c.value), 0)::float8 AS "covariateSumSquares"
    FROM fresh f LEFT JOIN "UnitCovariate" c ON c."experimentId" = f."experimentId" AND c."unitId" = f."unitId"
    GROUP BY 1, 2, 3`;
  return deltas.map(delta);
}

/** Per experiment: the events stored now, the conversions among them left unattributed, the attributed ones' ids. */
export interface StoredEvents {
  experimentId: string;
  stored: number;
  orphans: number;
  attributed: string[];
}

/**
 * Raw events, once per (experiment, event id) — a replay is a duplicate, not a second count; inserted in key order
 * so concurrent overlapping batches never deadlock. A conversion is attributed when its unit is exposed and it
 * happened at or after the experiment's start. Answers a summary per experiment, not the rows.
 */
export function insertRaw(tx: Sql, rows: PreparedEvent[]) {
  // A conversion of a unit the batch exposes is attributed (the exposure is stored with it, or was before).
  const exposed = new Set(rows.filter((e) => e.type === 'exposure').map(unitKey));
  const here = rows.map((e) => e.type === 'conversion' && exposed.has(unitKey(e)));
  return tx.$queryRaw<StoredEvents[]>`
    WITH stored AS (
      INSERT INTO "ExperimentEvent" ("experimentId", "eventId", "unitId", type, variant, metric, value, ts, attributed)
      SELECT t.e, t.id, t.u, t.type, t.v, t.m, t.x, t.ts::timestamp,
             t.type = 'exposure' OR ((s."startedAt" IS NULL OR t.ts::timestamp >= s."startedAt") AND (t.here OR coalesce(x.exposed, false)))
      FROM unnest(${col(rows, 'experimentId')}::text[], ${col(rows, 'eventId')}::text[], ${col(rows, 'unitId')}::text[],
                  ${col(rows, 'type')}::text[], ${col(rows, 'variant')}::text[], ${col(rows, 'metric')}::text[],
                  ${col(rows, 'value')}::float8[], ${iso(rows)}::text[], ${here}::boolean[])
           AS t(e, id, u, type, v, m, x, ts, here)
      JOIN "Experiment" s ON s.id = t.e
      -- One index probe per conversion whose unit the batch does not expose (as EXISTS, the planner may hash
      -- the experiment's every unit instead).
      LEFT JOIN LATERAL (
        SELECT true AS exposed FROM "ExperimentUnit" x
        WHERE t.type = 'conversion' AND NOT t.here AND x."experimentId" = t.e AND x."unitId" = t.u LIMIT 1
      ) x ON true
      ORDER BY t.e, t.id
      ON CONFLICT DO NOTHING
      RETURNING "experimentId", "eventId", type = 'conversion' AS conversion, attributed
    )
    SELECT "experimentId", count(*)::int AS stored, (count(*) FILTER (WHERE conversion AND NOT attributed))::int AS orphans,
           coalesce(array_agg("eventId") FILTER (WHERE conversion AND attributed), '{}') AS attributed
    FROM stored GROUP BY 1`;
}
