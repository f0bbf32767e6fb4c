import { type IngestionExperiment, type PreparedEvent, ZExperimentMetrics, ZStoredVariants } from '@uplift/domain';
import type { Db, Tx } from '../client';
import { lockExperimentData, storeCovariates } from './covariates';
import { addBinomialConversions, addMeanConversions, attributeEarlierConversions } from './ingestion-conversions';
import { addRatioProducts } from './ingestion-ratios';

export type { PreparedEvent };

/** The experiments a batch names, by key within the workspace, with their variants and metrics parsed. */
export async function findExperimentsForIngestion(
  db: Tx,
  workspaceId: string,
  keys: string[],
): Promise<IngestionExperiment[]> {
  const rows = await db.experiment.findMany({
    where: { workspaceId, key: { in: keys } },
    select: {
      id: true,
      key: true,
      status: true,
      seed: true,
      segmentAttribute: true,
      scopeSegments: true,
      variants: true,
      metrics: true,
      testShare: true,
      winnerVariant: true,
    },
  });
  return rows.map(({ testShare, winnerVariant, ...r }) => ({
    ...r,
    winnerSend: testShare === null ? null : { testShare, winnerVariant },
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
  /** Experiments that stopped running before the batch took its lock: when any, nothing was stored. */
  closed: { id: string; status: string }[];
}

/** The experiments' ratio metrics (the parts are checked to be event metrics when the experiment is created). */
const ratiosOf = (experiments: Pick<IngestionExperiment, 'id' | 'metrics'>[]) =>
  experiments.flatMap((x) =>
    [x.metrics.primary, ...x.metrics.guardrails].flatMap((m) =>
      m.kind === 'ratio' && m.numerator && m.denominator
        ? [{ experimentId: x.id, name: m.name, numerator: m.numerator, denominator: m.denominator }]
        : [],
    ),
  );

const col = <K extends keyof PreparedEvent>(rows: PreparedEvent[], k: K) => rows.map((r) => r[k]);
const iso = (rows: PreparedEvent[]) => rows.map((r) => r.ts.toISOString());

/**
 * Stores a batch and maintains the aggregates evaluation reads, all in one transaction (nothing is half-written):
 * 0. exposures' covariates are stored (`storeCovariates`, the first stored wins);
 * 1. new exposures fix their unit's variant (first exposure wins) and count the unit (and its covariate);
 * 2. stored conversions of those units that arrived before their exposure are attributed now;
 * 3. raw events are inserted once per (experiment, event id) — a replay is a duplicate, not a second count;
 *    a conversion is attributed when its unit is exposed and it happened at or after the experiment's start;
 * 4. attributed conversions update the unit's value (binomial: converted once; mean: Σ value) and the
 *    variant's sum and Σx² by the change of that unit's value (and, for a unit with a covariate x, Σxy by x·Δ);
 *    ratio metrics' Σ numerator·denominator follow the touched units' new products (ingestion-ratios.ts).
 * So the aggregates depend on the set of stored events, not on the order they arrived in. A per-experiment
 * advisory lock serialises batches of the same experiment, so concurrent clients sending overlapping batches
 * still count each event exactly once; an experiment that stopped running meanwhile takes nothing.
 * `events` hold one event per (experiment, event id) (domain `prepareBatch`).
 */
export async function ingestEvents(
  db: Db,
  events: PreparedEvent[],
  experiments: Pick<IngestionExperiment, 'id' | 'metrics'>[],
): Promise<IngestResult> {
  const experimentIds = [...new Set(events.map((e) => e.experimentId))].sort();
  const metrics = experiments.flatMap((x) =>
    [x.metrics.primary, ...x.metrics.guardrails].map((m) => ({ experimentId: x.id, metric: m.name, kind: m.kind })),
  );
  return db.$transaction(
    async (tx) => {
      const closed = await lockExperimentData(tx, experimentIds);
      if (closed.length) return { accepted: 0, duplicates: 0, unattributed: 0, changed: [], closed };
      const exposures = events.filter((e) => e.type === 'exposure');
      // Before the exposures: a covariate of a unit exposed earlier moves its aggregates now, one of a unit
      // exposed by this batch is counted with its exposure.
      const covariates = exposures
        .filter((e) => e.covariate !== undefined)
        .sort((a, b) => a.ts.getTime() - b.ts.getTime())
        .map((e) => ({ experimentId: e.experimentId, unitId: e.unitId, value: e.covariate as number }));
      const covariatesChanged = await storeCovariates(tx, covariates, 'fill');
      if (exposures.length) await insertExposures(tx, exposures);
      const earlier = exposures.length ? await attributeEarlierConversions(tx, exposures, metrics) : [];
      const stored = await insertRaw(tx, events);
      const key = (e: { experimentId: string; eventId: string }) => `${e.experimentId}\u0000${e.eventId}`;
      const attributedIds = new Set(stored.filter((s) => s.attributed).map(key));
      const fresh = new Set(stored.map(key));
      const conversions = events.filter((e) => e.type === 'conversion' && fresh.has(key(e)));
      const attributed = [...conversions.filter((e) => attributedIds.has(key(e))), ...earlier];
      const binomial = attributed.filter((e) => e.kind === 'binomial');
      const mean = attributed.filter((e) => e.kind === 'mean');
      if (binomial.length) await addBinomialConversions(tx, binomial);
      if (mean.length) await addMeanConversions(tx, mean);
      if (attributed.length) await addRatioProducts(tx, attributed, ratiosOf(experiments));
      const covered = covariatesChanged ? covariates : [];
      const changed = [...new Set([...stored, ...earlier, ...covered].map((s) => s.experimentId))].sort();
      if (changed.length) {
        // Unattributed events: this batch's orphans, less the earlier ones its exposures attributed.
        const orphans = changed.map(
          (id) =>
            stored.filter((s) => s.experimentId === id && !s.attributed).length -
            earlier.filter((s) => s.experimentId === id).length,
        );
        await tx.$executeRaw`UPDATE "Experiment" x SET "dataVersion" = "dataVersion" + 1, "lastDataAt" = now(),
          "noDataAlertedAt" = NULL, "unattributedEvents" = "unattributedEvents" + c.n, "updatedAt" = now()
          FROM unnest(${changed}::text[], ${orphans}::int[]) AS c(id, n) WHERE x.id = c.id`;
      }
      return {
        accepted: stored.length,
        duplicates: events.length - stored.length,
        unattributed: conversions.length - (attributed.length - earlier.length),
        changed,
        closed: [],
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
      RETURNING "experimentId", "unitId", variant, segment
    )
    INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares",
                                       "covariateUnits", "covariateSum", "covariateSumSquares")
    SELECT f."experimentId", f.variant, f.segment, '', count(*), 0, 0,
           count(c.value), coalesce(sum(c.value), 0), coalesce(sum(c.value * c.value), 0)
    FROM fresh f LEFT JOIN "UnitCovariate" c ON c."experimentId" = f."experimentId" AND c."unitId" = f."unitId"
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("experimentId", variant, segment, metric) DO UPDATE SET
      units = "ExperimentAggregate".units + EXCLUDED.units,
      "covariateUnits" = "ExperimentAggregate"."covariateUnits" + EXCLUDED."covariateUnits",
      "covariateSum" = "ExperimentAggregate"."covariateSum" + EXCLUDED."covariateSum",
      "covariateSumSquares" = "ExperimentAggregate"."covariateSumSquares" + EXCLUDED."covariateSumSquares"`;
}

function insertRaw(tx: Tx, rows: PreparedEvent[]) {
  return tx.$queryRaw<{ experimentId: string; eventId: string; attributed: boolean }[]>`
    INSERT INTO "ExperimentEvent" ("experimentId", "eventId", "unitId", type, variant, metric, value, ts, attributed)
    SELECT t.e, t.id, t.u, t.type, t.v, t.m, t.x, t.ts::timestamp,
           t.type = 'exposure' OR (
             (s."startedAt" IS NULL OR t.ts::timestamp >= s."startedAt") AND EXISTS (
               SELECT 1 FROM "ExperimentUnit" x WHERE x."experimentId" = t.e AND x."unitId" = t.u))
    FROM unnest(${col(rows, 'experimentId')}::text[], ${col(rows, 'eventId')}::text[], ${col(rows, 'unitId')}::text[],
                ${col(rows, 'type')}::text[], ${col(rows, 'variant')}::text[], ${col(rows, 'metric')}::text[],
                ${col(rows, 'value')}::float8[], ${iso(rows)}::text[]) AS t(e, id, u, type, v, m, x, ts)
    JOIN "Experiment" s ON s.id = t.e
    ON CONFLICT DO NOTHING
    RETURNING "experimentId", "eventId", attributed`;
}
