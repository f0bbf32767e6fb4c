import type { PreparedEvent } from '@uplift/domain';
import { booleanArray, isoArray, numberArray, textArray } from '../pg-arrays';
import type { Sql } from '../pg-transaction';
import { type AggregateDelta, delta } from './aggregate-deltas';

const unitKey = (e: PreparedEvent) => `${e.experimentId}\u0000${e.unitId}`;

/** Per event: whether it is a conversion of a unit the batch itself exposes (attributed whatever is stored). */
export function exposedHere(events: PreparedEvent[]): boolean[] {
  const exposed = new Set<string>();
  for (const e of events) if (e.type === 'exposure') exposed.add(unitKey(e));
  return events.map((e) => e.type === 'conversion' && exposed.has(unitKey(e)));
}

/**
 * Whether some conversion's unit is neither exposed by the batch nor stored as exposed: such a conversion is
 * stored unattributed, and a concurrent batch exposing its unit could miss it, so that batch is written under
 * the experiment's exclusive lock (ingestion.ts).
 */
export async function hasUnexposedConversions(db: Sql, events: PreparedEvent[], here: boolean[]) {
  const rest = events.filter((e, i) => e.type === 'conversion' && !here[i]);
  if (!rest.length) return false;
  const [row] = await db.$queryRaw<{ missing: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM unnest(${textArray(rest.map((e) => e.experimentId))}::text[],
                           ${textArray(rest.map((e) => e.unitId))}::text[]) AS t(e, u)
      WHERE NOT EXISTS (SELECT 1 FROM "ExperimentUnit" x WHERE x."experimentId" = t.e AND x."unitId" = t.u)
    ) AS missing`;
  return row?.missing ?? true;
}

/**
 * What the batch statement does with a key stored already — an event id (a replay) and a unit (exposed before):
 * 'skip' it (ON CONFLICT DO NOTHING), or 'fail' — a plain insert, which raises a unique violation on the first
 * one (`storedKeyConflict`). A plain insert costs less of Postgres's time (no speculative insertion: the key is
 * checked once, as the index takes it; issue 15: a fifth less a batch for the events; 12–22% less of Postgres's
 * CPU an event for the units as well), so ingestion tries it first and falls back to 'skip' (ingestion.ts).
 */
export type StoredKeys = 'skip' | 'fail';
export interface OnStored {
  events: StoredKeys;
  units: StoredKeys;
}
export const SKIP_STORED: OnStored = { events: 'skip', units: 'skip' };

/** Where a 'fail' insert hit a stored key: an event id (any partition's primary key), a unit, or neither. */
export function storedKeyConflict(error: unknown): 'events' | 'units' | null {
  if ((error as { code?: string }).code !== '23505') return null;
  const table = (error as { table?: string }).table ?? '';
  if (/^ExperimentEvent/.test(table)) return 'events';
  return table === 'ExperimentUnit' ? 'units' : null;
}

/** A tagged template's parts, kept to be run later with clauses put in (`withClauses`). */
const captured = (strings: TemplateStringsArray, ...values: unknown[]) => ({ strings, values });

/** The same parts with each marker replaced by its clause: SQL text only, never a value. */
function withClauses(strings: TemplateStringsArray, clauses: Record<string, string>): TemplateStringsArray {
  const parts = strings.map((part) =>
    Object.entries(clauses).reduce((text, [marker, clause]) => text.replace(marker, clause), part),
  );
  return Object.assign(parts, { raw: parts });
}

/** The conflict clause of an insert that skips or fails on a stored key (`StoredKeys`). */
const onConflict = (keys: StoredKeys) => (keys === 'skip' ? 'ON CONFLICT DO NOTHING' : '');

/** Per experiment: the events stored now, the conversions among them left unattributed, the attributed ones' ids. */
export interface StoredEvents {
  experimentId: string;
  stored: number;
  orphans: number;
  attributed: string[];
}

/**
 * One statement, one pass over the batch's arrays (experiments sent once each, rows naming them by position):
 * 1. new exposures fix their unit's variant (first exposure wins) — answered as the units (and covariates) they
 *    add per variant and segment;
 * 2. then raw events are inserted once per (experiment, event id): a replay is a duplicate, not a second count.
 *    A conversion is attributed when its unit is exposed (by this batch — `here` — or stored before) and it
 *    happened at or after the experiment's start — answered as a summary per experiment, not the rows.
 * Both in key order, units before events, so concurrent overlapping batches never deadlock. The units are
 * inserted first because the UNION ALL reads its branches in order and each branch's aggregate reads its whole
 * insert before answering (data-modifying CTEs run when read: Postgres manual, 7.8.4).
 */
export async function insertBatch(tx: Sql, rows: PreparedEvent[], here: boolean[], onStored: OnStored) {
  const experiments = [...new Set(rows.map((r) => r.experimentId))];
  const position = new Map(experiments.map((id, i) => [id, i + 1]));
  const statement = captured`
    WITH batch AS (
      SELECT (${textArray(experiments)}::text[])[t.i] AS e, t.id, t.u, t.conversion, t.v, t.s, t.m, t.x,
             t.ts::timestamp AS ts, t.here
      FROM unnest(${numberArray(rows.map((r) => position.get(r.experimentId) as number))}::int[],
                  ${textArray(rows.map((r) => r.eventId))}::text[], ${textArray(rows.map((r) => r.unitId))}::text[],
                  ${booleanArray(rows.map((r) => r.type === 'conversion'))}::boolean[],
                  ${textArray(rows.map((r) => r.variant))}::text[], ${textArray(rows.map((r) => r.segment))}::text[],
                  ${textArray(rows.map((r) => r.metric))}::text[], ${numberArray(rows.map((r) => r.value))}::float8[],
                  ${isoArray(rows.map((r) => r.ts))}::text[], ${booleanArray(here)}::boolean[])
           AS t(i, id, u, conversion, v, s, m, x, ts, here)
    ), started AS (
      -- The batch's experiments by their key (joined plainly, the planner hashed the whole Experiment table).
      SELECT id, "startedAt" FROM "Experiment" WHERE id = ANY(${textArray(experiments)}::text[])
    ), covered AS (
      -- Those holding any covariate: only their new units are looked up in UnitCovariate.
      SELECT a.e FROM unnest(${textArray(experiments)}::text[]) AS a(e)
      CROSS JOIN LATERAL (SELECT 1 FROM "UnitCovariate" c WHERE c."experimentId" = a.e LIMIT 1) c
    ), fresh AS (
      INSERT INTO "ExperimentUnit" ("experimentId", "unitId", variant, segment, "exposedAt")
      SELECT DISTINCT ON (e, u) e, u, v, s, ts FROM batch WHERE NOT conversion
      ORDER BY e, u, ts
      /*stored units*/
      RETURNING "experimentId", "unitId", variant, segment
    ), stored AS (
      INSERT INTO "ExperimentEvent" ("experimentId", "eventId", "unitId", type, variant, metric, value, ts, attributed)
      SELECT t.e, t.id, t.u, CASE WHEN t.conversion THEN 'conversion' ELSE 'exposure' END, t.v, t.m, t.x, t.ts,
             NOT t.conversion OR ((s."startedAt" IS NULL OR t.ts >= s."startedAt") AND (t.here OR coalesce(x.exposed, false)))
      FROM batch t
      JOIN started s ON s.id = t.e
      -- One index probe per conversion whose unit the batch does not expose (as EXISTS, the planner may hash
      -- the experiment's every unit instead).
      LEFT JOIN LATERAL (
        SELECT true AS exposed FROM "ExperimentUnit" x
        WHERE t.conversion AND NOT t.here AND x."experimentId" = t.e AND x."unitId" = t.u LIMIT 1
      ) x ON true
      ORDER BY t.e, t.id
      /*stored ids*/
      RETURNING "experimentId", "eventId", type = 'conversion' AS conversion, attributed
    )
    SELECT 'units' AS part, f."experimentId", f.variant, f.segment, '' AS metric, count(*)::int AS units,
           count(c.value)::int AS "covariateUnits", coalesce(sum(c.value), 0)::float8 AS "covariateSum",
           coalesce(sum(c.value * c.value), 0)::float8 AS "covariateSumSquares",
           NULL::int AS stored, NULL::int AS orphans, NULL::text[] AS attributed
    FROM fresh f
    LEFT JOIN covered k ON k.e = f."experimentId"
    -- An index probe per new unit of an experiment with covariates (LIMIT 1 keeps the planner from turning it into
    -- a scan of every covariate; k.e gates it once per row, not per probe).
    LEFT JOIN LATERAL (SELECT c.value FROM "UnitCovariate" c
                       WHERE k.e IS NOT NULL AND c."experimentId" = f."experimentId" AND c."unitId" = f."unitId"
                       LIMIT 1) c ON true
    GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'events', "experimentId", NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*)::int,
           (count(*) FILTER (WHERE conversion AND NOT attributed))::int,
           coalesce(array_agg("eventId") FILTER (WHERE conversion AND attributed), '{}')
    FROM stored GROUP BY 2`;
  const answer = await tx.$queryRaw<
    ((AggregateDelta & { part: 'units' }) | (StoredEvents & { part: 'events'; variant: null }))[]
  >(
    withClauses(statement.strings, {
      '/*stored ids*/': onConflict(onStored.events),
      '/*stored units*/': onConflict(onStored.units),
    }),
    ...statement.values,
  );
  const units: AggregateDelta[] = [];
  const stored: StoredEvents[] = [];
  for (const { part, ...row } of answer) {
    if (part === 'units') {
      const {
        experimentId,
        variant,
        segment,
        metric,
        units: n,
        covariateUnits,
        covariateSum,
        covariateSumSquares,
      } = row as AggregateDelta;
      units.push(
        delta({ experimentId, variant, segment, metric, units: n, covariateUnits, covariateSum, covariateSumSquares }),
      );
    } else {
      const { experimentId, stored: count, orphans, attributed } = row as StoredEvents;
      stored.push({ experimentId, stored: count, orphans, attributed });
    }
  }
  return { units, stored };
}
