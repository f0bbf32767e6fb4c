import { assignVariant, cumulativeWeights } from '../assignment';
import { type EventsBatch, MAX_FUTURE_SKEW_MS } from '../events';
import type { VariantDefinition } from '../experiment';
import type { ExperimentMetrics, MetricKind } from '../experiment-metrics';
import { inScope, isScoped, outOfScopeMessage, segmentAttributeOf, unitSegment } from '../segment-scope';
import { winnerSendExposure } from '../winner-send/assign';
import { closedToData } from './closed-to-data';

/** An event after validation: its experiment resolved, its variant (exposure) or metric (conversion) filled in. */
export interface PreparedEvent {
  experimentId: string;
  eventId: string;
  unitId: string;
  type: 'exposure' | 'conversion';
  /** Exposure: the variant it declares or the one assignment gives. Conversion: as sent, for the record. */
  variant: string | null;
  /** Exposure: the unit's value of the experiment's segment attribute ('' when none). */
  segment: string;
  metric: string | null;
  kind: MetricKind | null;
  value: number | null;
  /** Exposure: the unit's pre-period value of the primary metric (CUPED), when it carries one. */
  covariate?: number;
  /** Exposure of a winner send's remainder unit (after the decision, with the winner). */
  remainder?: true;
  ts: Date;
}

/** One problem with one event: the batch is rejected whole and every problem is listed. */
export interface EventIssue {
  index: number;
  field: string;
  message: string;
}

/** What ingestion needs of an experiment named by a batch. */
export interface IngestionExperiment {
  id: string;
  key: string;
  status: string;
  seed: string;
  segmentAttribute: string | null;
  /** The segments a scoped experiment reaches (empty = everyone): other units' exposures are refused. */
  scopeSegments: string[];
  variants: VariantDefinition[];
  metrics: ExperimentMetrics;
  /** A winner send: the test's share and, once decided, the remainder's variant. */
  winnerSend?: { testShare: number; winnerVariant: string | null } | null;
}

export interface PreparedBatch {
  /** One event per (experiment, event id): of events sharing an id in the batch, the first wins, as a replay would. */
  prepared: PreparedEvent[];
  /** Events dropped because an earlier event of the batch had their id (answered as duplicates). */
  repeated: number;
  issues: EventIssue[];
  /** The status a rejected batch answers: 404 when an experiment is unknown, else 409 for a draft or ended one, else 400. */
  status: 400 | 404 | 409;
}

type Event = EventsBatch['events'][number];

/**
 * Validates a batch against the experiments it names (each must exist in the key's workspace and be running;
 * variants and metrics must be the experiment's; a scoped experiment's exposures must be of its segments), resolves every exposure's variant (declared, else
 * assigned by the experiment's seed) and every conversion's metric (default: the primary).
 */
export function prepareBatch(batch: EventsBatch, experiments: ReadonlyMap<string, IngestionExperiment>, now: Date) {
  const bounds = new Map<string, number[]>();
  const result: PreparedBatch = { prepared: [], repeated: 0, issues: [], status: 400 };
  // Event ids seen, per experiment (no joined key string per event: this runs for every event of every batch).
  const seen = new Map<string, Set<string>>();
  const keep = (event: PreparedEvent) => {
    let ids = seen.get(event.experimentId);
    if (!ids) {
      ids = new Set();
      seen.set(event.experimentId, ids);
    }
    if (ids.has(event.eventId)) result.repeated++;
    else {
      ids.add(event.eventId);
      result.prepared.push(event);
    }
  };
  batch.events.forEach((event, index) => {
    const issue = (field: string, message: string) =>
      result.issues.push({ index, field: `events.${index}.${field}`, message });
    const experiment = experiments.get(event.experiment);
    if (!experiment) {
      result.status = 404;
      issue('experiment', `no experiment "${event.experiment}" in this workspace`);
      return;
    }
    const closed = closedToData(experiment.status, 'sending events');
    if (closed) {
      if (result.status === 400) result.status = 409;
      issue('experiment', `experiment "${event.experiment}" ${closed}`);
      return;
    }
    const { variants, metrics } = experiment;
    const ts = event.ts ? new Date(event.ts) : now;
    if (ts.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
      issue('ts', `is more than 24 hours in the future (${event.ts}); send the time the event happened`);
    }
    if (event.variant !== undefined && !variants.some((v) => v.key === event.variant)) {
      const known = variants.map((v) => v.key).join(', ');
      issue('variant', `"${event.variant}" is not a variant of "${experiment.key}" (${known})`);
    }
    if (event.type === 'exposure') {
      if (event.metric !== undefined) issue('metric', 'is only for conversions');
      if (event.covariate !== undefined && !Number.isFinite(event.covariate))
        issue('covariate', 'must be a finite number');
      let variant = event.variant;
      let remainder = false;
      if (experiment.winnerSend) {
        const slot = winnerSendExposure({ ...experiment, ...experiment.winnerSend }, event.unit, variant);
        if ('field' in slot) {
          issue(slot.field, slot.message);
          return;
        }
        variant = slot.variant;
        remainder = slot.remainder === true;
      }
      if (variant === undefined) {
        const b = bounds.get(experiment.id) ?? cumulativeWeights(variants.map((v) => v.weight));
        bounds.set(experiment.id, b);
        variant = variants[assignVariant(experiment.seed, event.unit, b)]?.key;
      }
      const segment = isScoped(experiment)
        ? unitSegment(experiment, event.attributes)
        : experiment.segmentAttribute
          ? (event.attributes?.[experiment.segmentAttribute] ?? '')
          : '';
      if (!inScope(experiment, segment)) {
        issue(`attributes.${segmentAttributeOf(experiment)}`, outOfScopeMessage(experiment, segment));
        return;
      }
      // Built field by field, not spread: one object shape for every exposure keeps this loop fast.
      const exposure = prepared(
        experiment.id,
        event,
        ts,
        variant ?? null,
        segment ?? '',
        null,
        null,
        event.value ?? null,
      );
      if (event.covariate !== undefined) exposure.covariate = event.covariate;
      if (remainder) exposure.remainder = true;
      keep(exposure);
      return;
    }
    const all = [metrics.primary, ...metrics.guardrails];
    const name = event.metric ?? metrics.primary.name;
    const metric = all.find((m) => m.name === name);
    if (event.covariate !== undefined) issue('covariate', "is only for exposures (the unit's pre-period value)");
    if (!metric) {
      issue('metric', `"${name}" is not a metric of "${experiment.key}" (${all.map((m) => m.name).join(', ')})`);
      return;
    }
    if (metric.kind === 'ratio') {
      const parts = `"${metric.numerator}" and "${metric.denominator}"`;
      issue('metric', `"${name}" is a ratio metric; send conversions of its numerator and denominator (${parts})`);
      return;
    }
    if (metric.kind === 'mean' && event.value === undefined) {
      issue('value', `is required: "${name}" is a mean metric (e.g. revenue), so a conversion carries its value`);
    }
    if (event.value !== undefined && !Number.isFinite(event.value)) issue('value', 'must be a finite number');
    const value = metric.kind === 'mean' ? (event.value ?? 0) : (event.value ?? null);
    keep(prepared(experiment.id, event, ts, event.variant ?? null, '', name, metric.kind, value));
  });
  return result;
}

const prepared = (
  experimentId: string,
  e: Event,
  ts: Date,
  variant: string | null,
  segment: string,
  metric: string | null,
  kind: MetricKind | null,
  value: number | null,
): PreparedEvent => ({
  experimentId,
  eventId: e.id,
  unitId: e.unit,
  type: e.type,
  variant,
  segment,
  metric,
  kind,
  value,
  ts,
});
