import { type IngestionExperiment, type PreparedEvent, ZExperimentMetrics, ZStoredVariants } from '@uplift/domain';
import type { Db } from '../client';
import { type Sql, sqlFor, withPgTransaction } from '../pg-transaction';
import { aggregateDeltasClosing } from './aggregate-deltas';
import { storeCovariates } from './covariates';
import { addBinomialConversions, addMeanConversions, attributeEarlierConversions } from './ingestion-conversions';
import { dataLock } from './ingestion-lock';
import { addRatioProducts } from './ingestion-ratios';
import {
  type BatchRows,
  hasUnexposedConversions,
  insertBatch,
  inUnitOrder,
  type OnStored,
  SKIP_STORED,
  storedKeyConflict,
} from './ingestion-rows';
import { retryOnDeadlock } from './retry-on-deadlock';

export type { PreparedEvent };

/** The experiments a batch names, by key within the workspace, with their variants and metrics parsed. */
export async function findExperimentsForIngestion(
  db: Db,
  workspaceId: string,
  keys: string[],
): Promise<IngestionExperiment[]> {
  // Through pg when it can (pg-transaction.ts): every batch asks this once.
  const rows = await sqlFor(db).$queryRaw<
    (Omit<IngestionExperiment, 'variants' | 'metrics' | 'winnerSend'> &
      Record<'variants' | 'metrics', unknown> & { testShare: number | null; winnerVariant: string | null })[]
  >`
    SELECT id, key, status::text AS status, seed, "segmentAttribute", "scopeSegments", variants, metrics,
      "testShare", "winnerVariant"
    FROM "Experiment" WHERE "workspaceId" = ${workspaceId} AND key = ANY(${keys}::text[])`;
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
  /** Their dataVersion after the batch, by experiment id. */
  versions: Record<string, number>;
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

/**
 * When this process last saw a batch of each experiment expose a unit stored before (ms). Such experiments —
 * a banner shown on every visit, each view an exposure — re-expose units batch after batch, and a plain insert of
 * their units would fail nearly every time: for a while their batches skip stored units from the start.
 */
const reexposedAt = new Map<string, number>();
const REEXPOSING_FOR_MS = 10 * 60_000;

const reexposing = (experimentIds: string[], now: number) =>
  experimentIds.some((id) => now - (reexposedAt.get(id) ?? Number.NEGATIVE_INFINITY) < REEXPOSING_FOR_MS);

/**
 * insertBatch, first as a plain insert of the events and of the new units (most batches hold no id stored before,
 * and an email campaign exposes each recipient once; a plain insert is the cheaper: ingestion-rows.ts
 * `StoredKeys`), then — when a key turns out stored, by a replay, a re-exposure or a batch beside it — undone to
 * the savepoint taken with the batch's locks and run again skipping stored keys. Without the savepoint (a batch
 * storing covariates writes before it), it skips stored keys at once.
 */
async function insertEvents(tx: Sql, batch: BatchRows, savepoint: boolean, experimentIds: string[]) {
  if (!savepoint) return insertBatch(tx, batch, SKIP_STORED);
  const now = Date.now();
  const first: OnStored = { events: 'fail', units: reexposing(experimentIds, now) ? 'skip' : 'fail' };
  try {
    return await insertBatch(tx, batch, first);
  } catch (error) {
    const conflict = storedKeyConflict(error);
    if (conflict === null) throw error;
    if (conflict === 'units') {
      if (reexposedAt.size > 10_000) reexposedAt.clear(); // bounded: forgetting costs one batch's retry
      for (const id of experimentIds) reexposedAt.set(id, now);
    }
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT before_events`;
    return insertBatch(tx, batch, SKIP_STORED);
  }
}

const key = (experimentId: string, eventId: string) => `${experimentId}\u0000${eventId}`;

/**
 * Stores a batch and maintains the aggregates evaluation reads, all in one transaction (nothing is half-written):
 * 0. exposures' covariates are stored (`storeCovariates`, the first stored wins);
 * 1. new exposures fix their unit's variant (first exposure wins) and count the unit (and its covariate); then raw
 *    events are inserted once per (experiment, event id) — a replay is a duplicate, not a second count — and a
 *    conversion is attributed when its unit is exposed and it happened at or after the experiment's start (one
 *    statement, one round trip: insertBatch);
 * 2. stored conversions of those units that arrived before their exposure are attributed now (the batch's own are
 *    not among them: those of units it exposes were attributed in 1, or are before the start, which 2 skips too);
 * 3. attributed conversions update the unit's value (binomial: converted once; mean: Σ value) and the
 *    variant's sum and Σx² by the change of that unit's value (and, for a unit with a covariate x, Σxy by x·Δ);
 *    ratio metrics' Σ numerator·denominator follow the touched units' new products (ingestion-ratios.ts);
 * 4. the aggregate rows move by the sums of 1–3 and the experiments' dataVersion is bumped, in one last statement.
 * So the aggregates depend on the set of stored events, not on the order they arrived in.
 * Step 1 is tried first as a plain insert of the events and units, and run again skipping stored keys only when one
 * was stored already (insertEvents): the same rows either way, at about a quarter less of Postgres's time for a
 * fresh batch.
 * Concurrency: batches of one experiment run side by side under a shared per-experiment lock. Each event, unit
 * and unit value is a row of its own, written in key order (a stored key fails the plain insert, then is
 * skipped), so overlapping batches count each event, unit and first conversion once and wait for each other only
 * on the rows they share; the hot aggregate and experiment rows are written last, with the COMMIT
 * (aggregateDeltasClosing). Three kinds of batch take the lock exclusively:
 * those storing covariates and those of experiments with ratio metrics (whose per-unit sums read values other
 * batches may be writing), and those with a conversion of a unit not exposed yet: stored unattributed, it must
 * be seen by every batch that exposes its unit later, which a batch running beside it would not.
 * An experiment that stopped running meanwhile takes nothing. `events` hold one event per (experiment, event id)
 * (domain `prepareBatch`).
 */
export async function ingestEvents(
  db: Db,
  batch: PreparedEvent[],
  experiments: Pick<IngestionExperiment, 'id' | 'metrics'>[],
): Promise<IngestResult> {
  const { events, here, first } = inUnitOrder(batch);
  const experimentIds = [...new Set(events.map((e) => e.experimentId))].sort();
  const metrics = experiments.flatMap((x) =>
    [x.metrics.primary, ...x.metrics.guardrails].map((m) => ({ experimentId: x.id, metric: m.name, kind: m.kind })),
  );
  const exposures = events.filter((e) => e.type === 'exposure');
  // Before the exposures: a covariate of a unit exposed earlier moves its aggregates now, one of a unit
  // exposed by this batch is counted with its exposure.
  const covariates = exposures
    .filter((e) => e.covariate !== undefined)
    .sort((a, b) => a.ts.getTime() - b.ts.getTime())
    .map((e) => ({ experimentId: e.experimentId, unitId: e.unitId, value: e.covariate as number }));
  const ratios = ratiosOf(experiments);
  const exclusive =
    covariates.length > 0 || ratios.length > 0 || (await hasUnexposedConversions(sqlFor(db), events, here));
  return retryOnDeadlock(() =>
    withPgTransaction(db, dataLock(experimentIds, exclusive, !covariates.length), async (tx, opened, close) => {
      const state = opened as { id: string; status: string; unattributed: number; channel: string }[];
      const closed = state.filter((x) => x.status !== 'RUNNING').map(({ id, status }) => ({ id, status }));
      if (closed.length) return { accepted: 0, duplicates: 0, unattributed: 0, changed: [], versions: {}, closed };
      // Conversions waiting for their unit's exposure exist only where the experiment counts unattributed events.
      const waiting = new Set(state.filter((x) => x.unattributed > 0).map((x) => x.id));
      const exposing = exposures.filter((e) => waiting.has(e.experimentId));
      const covariatesChanged = await storeCovariates(tx, covariates, 'fill');
      const onUnit = new Set(state.filter((x) => x.channel === 'EMAIL').map((x) => x.id));
      const { units: deltas, stored } = await insertEvents(
        tx,
        { events, here, first, onUnit },
        !covariates.length,
        experimentIds,
      );
      // After the batch's own events: those of units it exposes are attributed already (or before the start).
      const earlier = exposing.length ? await attributeEarlierConversions(tx, exposing, metrics) : [];
      const attributedIds = new Set(stored.flatMap((s) => s.attributed.map((id) => key(s.experimentId, id))));
      const fresh = events.filter((e) => e.type === 'conversion' && attributedIds.has(key(e.experimentId, e.eventId)));
      const attributed = [...fresh, ...earlier];
      const binomial = attributed.filter((e) => e.kind === 'binomial');
      const mean = attributed.filter((e) => e.kind === 'mean');
      if (binomial.length) deltas.push(...(await addBinomialConversions(tx, binomial)));
      if (mean.length) deltas.push(...(await addMeanConversions(tx, mean)));
      if (attributed.length) await addRatioProducts(tx, attributed, ratios);
      const covered = covariatesChanged ? covariates : [];
      const changed = [...new Set([...stored, ...earlier, ...covered].map((s) => s.experimentId))].sort();
      // Unattributed events: this batch's orphans, less the earlier ones its exposures attributed.
      const orphans = changed.map(
        (id) =>
          (stored.find((s) => s.experimentId === id)?.orphans ?? 0) -
          earlier.filter((s) => s.experimentId === id).length,
      );
      const versions: Record<string, number> = {};
      const closing = aggregateDeltasClosing(deltas, changed, orphans);
      if (closing) {
        close(closing, (rows) => {
          for (const row of rows as { id: string; version: number }[]) versions[row.id] = row.version;
        });
      }
      const accepted = stored.reduce((n, s) => n + s.stored, 0);
      const unattributed = stored.reduce((n, s) => n + s.orphans, 0);
      return { accepted, duplicates: events.length - accepted, unattributed, changed, versions, closed: [] };
    }),
  );
}
