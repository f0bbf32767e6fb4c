import { type IngestionExperiment, type PreparedEvent, ZExperimentMetrics, ZStoredVariants } from '@uplift/domain';
import type { Db, Tx } from '../client';

export type { PreparedEvent };

/** The experiments a batch names, by key within the workspace, with their variants and metrics parsed. */
export async function findExperimentsForIngestion(
  db: Tx,
  workspaceId: string,
  keys: string[],
): Promise<IngestionExperiment[]> {
  const rows = await db.experiment.findMany({
    where: { workspaceId, key: { in: keys } },
    select: { id: true, key: true, status: true, seed: true, segmentAttribute: true, variants: true, metrics: true },
  });
  return rows.map((r) => ({
    ...r,
    variants: ZStoredVariants.parse(r.variants),
    metrics: ZExperimentMetrics.parse(r.metrics),
  }));
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  unattributed: number;
  /** Experiments whose data changed (their dataVersion was bumped). */
  changed: string[];
}

const col = <K extends keyof PreparedEvent>(rows: PreparedEvent[], k: K) => rows.map((r) => r[k]);
const iso = (rows: PreparedEvent[]) => rows.map((r) => r.ts.toISOString());

/**
 * Stores a batch and maintains the aggregates evaluation reads, all in one transaction (nothing is half-written):
 * 1. new exposures fix their unit's variant (first exposure wins) and count the unit;
 * 2. raw events are inserted once per (experiment, event id) — a replay is a duplicate, not a second count;
 *    a conversion is attributed when its unit is exposed;
 * 3. new attributed conversions update the unit's value (binomial: converted once; mean: Σ value) and the
 *    variant's sum and Σx² by the change of that unit's value.
 * A per-experiment advisory lock serialises batches of the same experiment, so concurrent clients sending
 * overlapping batches still count each event exactly once.
 */
export async function ingestEvents(db: Db, events: PreparedEvent[]): Promise<IngestResult> {
  const experimentIds = [...new Set(events.map((e) => e.experimentId))].sort();
  return db.$transaction(
    async (tx) => {
      for (const id of experimentIds) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 7))`;
      const exposures = events.filter((e) => e.type === 'exposure');
      if (exposures.length) await insertExposures(tx, exposures);
      const stored = await insertRaw(tx, events);
      const fresh = new Set(stored.map((s) => `${s.experimentId}\u0000${s.eventId}`));
      const conversions = events.filter(
        (e) => e.type === 'conversion' && fresh.has(`${e.experimentId}\u0000${e.eventId}`),
      );
      const attributedIds = new Set(
        stored.filter((s) => s.attributed).map((s) => `${s.experimentId}\u0000${s.eventId}`),
      );
      const attributed = conversions.filter((e) => attributedIds.has(`${e.experimentId}\u0000${e.eventId}`));
      const binomial = attributed.filter((e) => e.kind === 'binomial');
      const mean = attributed.filter((e) => e.kind === 'mean');
      if (binomial.length) await addBinomialConversions(tx, binomial);
      if (mean.length) await addMeanConversions(tx, mean);
      const changed = [...new Set(stored.map((s) => s.experimentId))].sort();
      if (changed.length) {
        const orphans = changed.map((id) => stored.filter((s) => s.experimentId === id && !s.attributed).length);
        await tx.$executeRaw`UPDATE "Experiment" x SET "dataVersion" = "dataVersion" + 1, "lastDataAt" = now(),
          "noDataAlertedAt" = NULL, "unattributedEvents" = "unattributedEvents" + c.n, "updatedAt" = now()
          FROM unnest(${changed}::text[], ${orphans}::int[]) AS c(id, n) WHERE x.id = c.id`;
      }
      return {
        accepted: stored.length,
        duplicates: events.length - stored.length,
        unattributed: conversions.length - attributed.length,
        changed,
      };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

async function insertExposures(tx: Tx, rows: PreparedEvent[]) {
  await tx.$executeRaw`
    WITH fresh AS (
      INSERT INTO "ExperimentUnit" ("experimentId", "unitId", variant, segment, "exposedAt")
      SELECT DISTINCT ON (e, u) e, u, v, s, ts::timestamp
      FROM unnest(${col(rows, 'experimentId')}::text[], ${col(rows, 'unitId')}::text[], ${col(rows, 'variant')}::text[],
                  ${col(rows, 'segment')}::text[], ${iso(rows)}::text[]) AS t(e, u, v, s, ts)
      ORDER BY e, u, ts
      ON CONFLICT DO NOTHING
      RETURNING "experimentId", variant, segment
    )
    INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares")
    SELECT "experimentId", variant, segment, '', count(*), 0, 0 FROM fresh GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT ("experimentId", variant, segment, metric)
    DO UPDATE SET units = "ExperimentAggregate".units + EXCLUDED.units`;
}

function insertRaw(tx: Tx, rows: PreparedEvent[]) {
  return tx.$queryRaw<{ experimentId: string; eventId: string; attributed: boolean }[]>`
    INSERT INTO "ExperimentEvent" ("experimentId", "eventId", "unitId", type, variant, metric, value, ts, attributed)
    SELECT t.e, t.id, t.u, t.type, t.v, t.m, t.x, t.ts::timestamp,
           t.type = 'exposure' OR EXISTS (
             SELECT 1 FROM "ExperimentUnit" x WHERE x."experimentId" = t.e AND x."unitId" = t.u)
    FROM unnest(${col(rows, 'experimentId')}::text[], ${col(rows, 'eventId')}::text[], ${col(rows, 'unitId')}::text[],
                ${col(rows, 'type')}::text[], ${col(rows, 'variant')}::text[], ${col(rows, 'metric')}::text[],
                ${col(rows, 'value')}::float8[], ${iso(rows)}::text[]) AS t(e, id, u, type, v, m, x, ts)
    ON CONFLICT DO NOTHING
    RETURNING "experimentId", "eventId", attributed`;
}

/** A unit converts once: only its first conversion moves the variant's count. */
async function addBinomialConversions(tx: Tx, rows: PreparedEvent[]) {
  await tx.$executeRaw`
    WITH fresh AS (
      INSERT INTO "UnitMetric" ("experimentId", metric, "unitId", value)
      SELECT DISTINCT e, m, u, 1 FROM unnest(${col(rows, 'experimentId')}::text[], ${col(rows, 'metric')}::text[],
                                             ${col(rows, 'unitId')}::text[]) AS t(e, m, u)
      ORDER BY 1, 2, 3
      ON CONFLICT DO NOTHING
      RETURNING "experimentId", metric, "unitId"
    )
    INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares")
    SELECT f."experimentId", x.variant, x.segment, f.metric, count(*), count(*), count(*)
    FROM fresh f JOIN "ExperimentUnit" x ON x."experimentId" = f."experimentId" AND x."unitId" = f."unitId"
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("experimentId", variant, segment, metric) DO UPDATE SET
      units = "ExperimentAggregate".units + EXCLUDED.units,
      sum = "ExperimentAggregate".sum + EXCLUDED.sum,
      "sumSquares" = "ExperimentAggregate"."sumSquares" + EXCLUDED."sumSquares"`;
}

/** Σ value per unit; the variant's Σx² moves by new² − old² of each unit whose value changed. */
async function addMeanConversions(tx: Tx, rows: PreparedEvent[]) {
  await tx.$executeRaw`
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
    INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares")
    SELECT p."experimentId", x.variant, x.segment, p.metric,
           count(*) FILTER (WHERE p.inserted), sum(d.d), sum(p.value * p.value - (p.value - d.d) * (p.value - d.d))
    FROM upserted p
    JOIN delta d ON d.e = p."experimentId" AND d.m = p.metric AND d.u = p."unitId"
    JOIN "ExperimentUnit" x ON x."experimentId" = p."experimentId" AND x."unitId" = p."unitId"
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("experimentId", variant, segment, metric) DO UPDATE SET
      units = "ExperimentAggregate".units + EXCLUDED.units,
      sum = "ExperimentAggregate".sum + EXCLUDED.sum,
      "sumSquares" = "ExperimentAggregate"."sumSquares" + EXCLUDED."sumSquares"`;
}
