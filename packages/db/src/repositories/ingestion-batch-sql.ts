// The batch statement's parts (ingestion-rows.ts `insertBatch` puts them together): SQL text composed with
// Prisma.sql, the values sent as parameters.
import type { PreparedEvent } from '@uplift/domain';
import { Prisma } from '../generated/prisma/client';
import { booleanArray, numberArray, textArray } from '../pg-arrays';
import type { Sql } from '../pg-transaction';

/**
 * What the batch statement does with a key stored already — an event id (a replay) and a unit (exposed before):
 * 'skip' it (ON CONFLICT DO NOTHING), or 'fail' — a plain insert, which raises a unique violation on the first
 * one (`storedKeyConflict`). A plain insert costs less of Postgres's time (no speculative insertion: the key is
 * checked once, as the index takes it; issue 15: a fifth less a batch for the events; 12–22% less of Postgres's
 * CPU an event for the units as well), so ingestion tries it first and falls back to 'skip' (ingestion.ts).
 */
export type StoredKeys = 'skip' | 'fail';

/** The conflict clause of an insert that skips or fails on a stored key (`StoredKeys`). */
export const onConflict = (keys: StoredKeys) => Prisma.raw(keys === 'skip' ? 'ON CONFLICT DO NOTHING' : '');

/** Runs a composed statement on a connection that takes tagged-template parts (`Sql`: pg or Prisma). */
export const run = <T>(tx: Sql, statement: Prisma.Sql) =>
  tx.$queryRaw<T>(Object.assign([...statement.strings], { raw: statement.strings }), ...statement.values);

/** Midnight of 1 January 1970 plus a timestamp's milliseconds: Prisma's DateTime column, UTC wall time. */
const EPOCH = Prisma.raw(`timestamp '1970-01-01 00:00:00'`);

/**
 * A batch's rows as the statement reads them (ingestion-rows.ts `BatchRows`; `first`: the first exposure of its unit
 * in the batch, `inUnitOrder`), each part's arrays holding only the rows and columns it uses (experiments sent once
 * each, rows naming them by position; times as milliseconds since 1970, which Postgres reads for less than a
 * timestamp's text):
 * - `started`: the batch's experiments and their start; `covered`: those holding covariates;
 * - `unitsIn`: the CTE `units_in`, the first exposures — the units the batch may add, with the id a new unit keeps
 *   where the experiment stores first exposures on unit rows (`onUnit`) and the exposure carries no value (a unit
 *   row has no place for one);
 * - `eventsIn(leaveOut)`: the CTE `events_in`, the events stored as event rows: every event, or with `leaveOut`
 *   all but the first exposures whose id a new unit keeps (where every first exposure stores its unit, or the
 *   statement fails: `FIRST_IN_FRESH`).
 */
export function batchOf(rows: PreparedEvent[], here: boolean[], first: boolean[], onUnit: ReadonlySet<string>) {
  const experiments = [...new Set(rows.map((r) => r.experimentId))];
  const position = new Map(experiments.map((id, i) => [id, i + 1]));
  const ids = textArray(experiments);
  const kept = (i: number) => {
    const r = rows[i] as PreparedEvent;
    return onUnit.has(r.experimentId) && r.value === null ? r.eventId : null;
  };
  const of = (picked: number[]) => {
    const col = <T>(f: (r: PreparedEvent, i: number) => T) => picked.map((i) => f(rows[i] as PreparedEvent, i));
    return {
      e: numberArray(col((r) => position.get(r.experimentId) as number)),
      u: textArray(col((r) => r.unitId)),
      ms: numberArray(col((r) => r.ts.getTime())),
      col,
    };
  };
  const indices = (keep: (i: number) => boolean) => rows.flatMap((_, i) => (keep(i) ? [i] : []));
  const started = Prisma.sql`
    started AS (
      -- The batch's experiments by their key (joined plainly, the planner hashed the whole Experiment table).
      SELECT id, "startedAt" FROM "Experiment" WHERE id = ANY(${ids}::text[])
    )`;
  const covered = Prisma.sql`
    covered AS (
      -- Those holding any covariate: only their new units are looked up in UnitCovariate.
      SELECT s.id AS e FROM started s
      CROSS JOIN LATERAL (SELECT 1 FROM "UnitCovariate" c WHERE c."experimentId" = s.id LIMIT 1) c
    )`;
  const unitsIn = () => {
    const u = of(indices((i) => first[i] as boolean));
    return Prisma.sql`
    units_in AS (
      SELECT (${ids}::text[])[t.i] AS e, t.u, t.v, t.s, ${EPOCH} + t.ms * interval '1 millisecond' AS ts, t.id
      FROM unnest(${u.e}::int[], ${u.u}::text[], ${textArray(u.col((r) => r.variant))}::text[],
                  ${textArray(u.col((r) => r.segment))}::text[], ${u.ms}::int8[], ${textArray(u.col((_, i) => kept(i)))}::text[])
           AS t(i, u, v, s, ms, id)
    )`;
  };
  const eventsIn = (leaveOut: boolean) => {
    const e = of(indices((i) => !(leaveOut && first[i] && kept(i) !== null)));
    return Prisma.sql`
    events_in AS (
      SELECT (${ids}::text[])[t.i] AS e, t.id, t.u, t.conversion, t.v, t.m, t.x,
             ${EPOCH} + t.ms * interval '1 millisecond' AS ts, t.here
      FROM unnest(${e.e}::int[], ${textArray(e.col((r) => r.eventId))}::text[], ${e.u}::text[],
                  ${booleanArray(e.col((r) => r.type === 'conversion'))}::boolean[],
                  ${textArray(e.col((r) => r.variant))}::text[], ${textArray(e.col((r) => r.metric))}::text[],
                  ${numberArray(e.col((r) => r.value))}::float8[], ${e.ms}::int8[],
                  ${booleanArray(e.col((_, i) => here[i] as boolean))}::boolean[])
           AS t(i, id, u, conversion, v, m, x, ms, here)
    )`;
  };
  return { started, covered, unitsIn, eventsIn };
}

/**
 * The CTE `fresh`: new exposures fix their unit's variant (first exposure wins). In an email experiment (`onUnit`)
 * the unit row keeps that exposure's event id and is its raw event — unless the exposure carries a value, which a
 * unit row has no place for. Otherwise the unit's id stays NULL and the exposure is an event row too, as every
 * first exposure was before 20261206090000 (`batchOf` says which: `units_in`). Then the answer's first part: the
 * units (and covariates) they add per variant and segment.
 */
export const units = (keys: StoredKeys) => ({
  insert: Prisma.sql`
    fresh AS (
      INSERT INTO "ExperimentUnit" ("experimentId", "unitId", variant, segment, "exposedAt", "eventId")
      SELECT e, u, v, s, ts, id FROM units_in
      ${onConflict(keys)}
      RETURNING "experimentId", "unitId", variant, segment, "eventId"
    )`,
  answer: Prisma.sql`
    SELECT 'units' AS part, f."experimentId", f.variant, f.segment, '' AS metric, count(*)::int AS units,
           count(c.value)::int AS "covariateUnits", coalesce(sum(c.value), 0)::float8 AS "covariateSum",
           coalesce(sum(c.value * c.value), 0)::float8 AS "covariateSumSquares",
           NULL::int AS stored, NULL::int AS orphans, NULL::text[] AS attributed, count(f."eventId")::int AS firsts
    FROM fresh f
    LEFT JOIN covered k ON k.e = f."experimentId"
    -- An index probe per new unit of an experiment with covariates (LIMIT 1 keeps the planner from turning it into
    -- a scan of every covariate; k.e gates it once per row, not per probe).
    LEFT JOIN LATERAL (SELECT c.value FROM "UnitCovariate" c
                       WHERE k.e IS NOT NULL AND c."experimentId" = f."experimentId" AND c."unitId" = f."unitId"
                       LIMIT 1) c ON true
    GROUP BY 2, 3, 4`,
});

/**
 * A first exposure is stored on its unit row (`units`), not as an event row as well. In the statement that inserts
 * the units plainly (every first exposure stores its unit, or the statement fails), the first exposures whose id a
 * new unit keeps are left out of `events_in` (`batchOf`), and the unit probe runs for conversions only. After a
 * statement that skipped stored units, the probe runs for every event, and leaves out each one whose id is its
 * stored unit's: the stored units then include every unit a concurrent batch was inserting, as the unit insert
 * waited for it, and this statement's snapshot is taken after.
 */
export interface FirstExposures {
  leaveOut: boolean;
  probed: Prisma.Sql;
}
export const FIRST_IN_FRESH: FirstExposures = { leaveOut: true, probed: Prisma.sql`t.conversion AND` };
export const FIRST_STORED: FirstExposures = { leaveOut: false, probed: Prisma.empty };

/**
 * The CTE `stored`: the other events are inserted once per (experiment, event id) — a replay is a duplicate, not a
 * second count. A conversion is attributed when its unit is exposed (by this batch — `here` — or stored before)
 * and it happened at or after the experiment's start. Then the answer's second part: a summary per experiment, not
 * the rows.
 */
export const events = (keys: StoredKeys, first: FirstExposures) => ({
  insert: Prisma.sql`
    stored AS (
      INSERT INTO "ExperimentEvent" ("experimentId", "eventId", "unitId", type, variant, metric, value, ts, attributed)
      SELECT t.e, t.id, t.u, CASE WHEN t.conversion THEN 'conversion' ELSE 'exposure' END, t.v, t.m, t.x, t.ts,
             NOT t.conversion OR ((s."startedAt" IS NULL OR t.ts >= s."startedAt") AND (t.here OR coalesce(x.exposed, false)))
      FROM events_in t
      JOIN started s ON s.id = t.e
      -- One index probe per event probed (as EXISTS, the planner may hash the experiment's every unit instead): is
      -- its unit stored as exposed, and under which first exposure's id — an event reusing it is a duplicate, as it
      -- would be of an event row (a replay of the first exposure, or a conversion reusing its id). A unit the batch
      -- itself stores holds one of the batch's ids, which are all different. A conversion of a unit neither exposed
      -- by the batch nor stored takes the experiment's lock exclusively (ingestion.ts), so a unit a batch beside it
      -- was storing is seen.
      LEFT JOIN LATERAL (
        SELECT true AS exposed, x."eventId" AS first FROM "ExperimentUnit" x
        WHERE ${first.probed} x."experimentId" = t.e AND x."unitId" = t.u LIMIT 1
      ) x ON true
      WHERE x.first IS DISTINCT FROM t.id
      ORDER BY t.e, t.id
      ${onConflict(keys)}
      RETURNING "experimentId", "eventId", type = 'conversion' AS conversion, attributed
    )`,
  answer: Prisma.sql`
    SELECT 'events' AS part, "experimentId", NULL AS variant, NULL AS segment, NULL AS metric, NULL::int AS units,
           NULL::int AS "covariateUnits", NULL::float8 AS "covariateSum", NULL::float8 AS "covariateSumSquares",
           count(*)::int AS stored, (count(*) FILTER (WHERE conversion AND NOT attributed))::int AS orphans,
           coalesce(array_agg("eventId") FILTER (WHERE conversion AND attributed), '{}') AS attributed,
           NULL::int AS firsts
    FROM stored GROUP BY 2`,
});
