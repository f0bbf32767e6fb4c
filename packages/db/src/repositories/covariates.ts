import type { Sql } from '../pg-transaction';

/** A unit's pre-period value of the primary metric (CUPED). */
export interface UnitCovariateRow {
  experimentId: string;
  unitId: string;
  value: number;
}

/**
 * Takes the per-experiment data lock of every write to an experiment's data exclusively (event batches take it
 * too, shared or exclusive: ingestion.ts), ids in sorted order so two writers never deadlock; returns the
 * experiments not running (or, with `allowDraft`, neither running nor a draft), read under the lock.
 */
export async function lockExperimentData(tx: Sql, ids: string[], { allowDraft = false } = {}) {
  const sorted = [...new Set(ids)].sort();
  for (const id of sorted) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 7))`;
  const open = allowDraft ? ['RUNNING', 'DRAFT'] : ['RUNNING'];
  return tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text FROM "Experiment" WHERE id = ANY(${sorted}::text[]) AND status::text <> ALL(${open}::text[])
    ORDER BY id FOR NO KEY UPDATE`;
}

/**
 * Stores covariates and moves the aggregates of the units already exposed by the change, so the aggregates stay
 * those of the stored rows whatever the order covariates, exposures and conversions arrive in:
 * - metric "" rows: covered units +1 for a first covariate; Σx by new − old, Σx² by new² − old²;
 * - each metric the unit has a value y of: Σxy by (new − old)·y, and Σy over covered units by y for a first one.
 * Units exposed later take their stored covariate at exposure (ingestion.ts), conversions later add x·Δy.
 * `replace`: an upload, a changed value replaces the stored one; `fill`: an exposure's covariate, kept only when
 * the unit has none (the first stored wins, as the first exposure fixes the variant). Returns the units changed.
 * Callers hold the experiment's data lock (`lockExperimentData`).
 */
export async function storeCovariates(tx: Sql, rows: UnitCovariateRow[], mode: 'replace' | 'fill'): Promise<number> {
  if (!rows.length) return 0;
  const changes = await tx.$queryRaw<{ e: string; u: string; x: number; o: number | null }[]>`
    WITH input AS (
      SELECT DISTINCT ON (e, u) e, u, x
      FROM unnest(${rows.map((r) => r.experimentId)}::text[], ${rows.map((r) => r.unitId)}::text[],
                  ${rows.map((r) => r.value)}::float8[]) WITH ORDINALITY AS t(e, u, x, i)
      ORDER BY e, u, i
    ), changed AS (
      SELECT i.e, i.u, i.x, c.value AS o FROM input i
      LEFT JOIN LATERAL (SELECT c.value FROM "UnitCovariate" c
                         WHERE c."experimentId" = i.e AND c."unitId" = i.u LIMIT 1) c ON true -- a probe, not a scan
      WHERE c.value IS NULL OR (${mode === 'replace'}::boolean AND c.value <> i.x)
    ), stored AS (
      INSERT INTO "UnitCovariate" ("experimentId", "unitId", value) SELECT e, u, x FROM changed ORDER BY e, u
      ON CONFLICT ("experimentId", "unitId") DO UPDATE SET value = EXCLUDED.value
    )
    SELECT e, u, x, o FROM changed`;
  if (!changes.length) return 0;
  const [e, u, x, o] = [
    changes.map((c) => c.e),
    changes.map((c) => c.u),
    changes.map((c) => c.x),
    changes.map((c) => c.o),
  ];
  await tx.$executeRaw`
    INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares",
                                       "covariateUnits", "covariateSum", "covariateSumSquares")
    SELECT c.e, eu.variant, eu.segment, '', 0, 0, 0, count(*) FILTER (WHERE c.o IS NULL),
           sum(c.x - coalesce(c.o, 0)), sum(c.x * c.x - coalesce(c.o, 0) * coalesce(c.o, 0))
    FROM unnest(${e}::text[], ${u}::text[], ${x}::float8[], ${o}::float8[]) AS c(e, u, x, o)
    JOIN LATERAL (SELECT eu.variant, eu.segment FROM "ExperimentUnit" eu
                  WHERE eu."experimentId" = c.e AND eu."unitId" = c.u LIMIT 1) eu ON true -- a probe, not a scan
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("experimentId", variant, segment, metric) DO UPDATE SET
      "covariateUnits" = "ExperimentAggregate"."covariateUnits" + EXCLUDED."covariateUnits",
      "covariateSum" = "ExperimentAggregate"."covariateSum" + EXCLUDED."covariateSum",
      "covariateSumSquares" = "ExperimentAggregate"."covariateSumSquares" + EXCLUDED."covariateSumSquares"`;
  await tx.$executeRaw`
    INSERT INTO "ExperimentAggregate" ("experimentId", variant, segment, metric, units, sum, "sumSquares",
                                       "sumProduct", "coveredSum")
    SELECT c.e, eu.variant, eu.segment, m.metric, 0, 0, 0,
           sum((c.x - coalesce(c.o, 0)) * m.value), coalesce(sum(m.value) FILTER (WHERE c.o IS NULL), 0)
    FROM unnest(${e}::text[], ${u}::text[], ${x}::float8[], ${o}::float8[]) AS c(e, u, x, o)
    JOIN LATERAL (SELECT eu.variant, eu.segment FROM "ExperimentUnit" eu
                  WHERE eu."experimentId" = c.e AND eu."unitId" = c.u LIMIT 1) eu ON true -- a probe, not a scan
    -- The unit's value of each metric the experiment has values of (every UnitMetric row has its aggregate row):
    -- a probe per metric on UnitMetric's key (experimentId, metric, unitId), not a scan of the experiment's rows.
    JOIN (SELECT DISTINCT "experimentId" AS e, metric FROM "ExperimentAggregate"
          WHERE "experimentId" = ANY(${[...new Set(e)]}::text[]) AND metric <> '') k ON k.e = c.e
    JOIN LATERAL (SELECT m.metric, m.value FROM "UnitMetric" m
                  WHERE m."experimentId" = c.e AND m.metric = k.metric AND m."unitId" = c.u LIMIT 1) m ON true
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("experimentId", variant, segment, metric) DO UPDATE SET
      "sumProduct" = "ExperimentAggregate"."sumProduct" + EXCLUDED."sumProduct",
      "coveredSum" = "ExperimentAggregate"."coveredSum" + EXCLUDED."coveredSum"`;
  return changes.length;
}
