import { type Db, findExperimentsByKeys, ingestEvents, type PreparedEvent } from '@uplift/db';
import {
  assignVariant,
  cumulativeWeights,
  type EventsBatch,
  type ExperimentMetrics,
  MAX_FUTURE_SKEW_MS,
  type VariantDefinition,
} from '@uplift/domain';
import { requestEvaluation } from '@uplift/jobs';
import type { Queue } from 'bullmq';

/** One problem with one event: the batch is rejected whole and every problem is listed. */
export interface EventIssue {
  index: number;
  field: string;
  message: string;
}

export class BatchRejected extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly issues: EventIssue[],
  ) {
    super(`${issues.length} invalid event${issues.length === 1 ? '' : 's'}; nothing was stored.`);
  }
}

/**
 * Validates a batch against the experiments it names (each must exist in the key's workspace and not be a
 * draft; variants and metrics must be the experiment's), resolves every exposure's variant (declared, else
 * assigned) and every conversion's metric (default: the primary), then stores it in one transaction.
 */
export async function ingestBatch(
  deps: { db: Db; queue: Queue },
  workspaceId: string,
  batch: EventsBatch,
  now = new Date(),
) {
  const keys = [...new Set(batch.events.map((e) => e.experiment))];
  const experiments = new Map((await findExperimentsByKeys(deps.db, workspaceId, keys)).map((e) => [e.key, e]));
  const bounds = new Map<string, number[]>();
  const issues: EventIssue[] = [];
  let status: 400 | 404 | 409 = 400;
  const prepared: PreparedEvent[] = [];
  batch.events.forEach((event, index) => {
    const issue = (field: string, message: string) =>
      issues.push({ index, field: `events.${index}.${field}`, message });
    const experiment = experiments.get(event.experiment);
    if (!experiment) {
      status = 404;
      issue('experiment', `no experiment "${event.experiment}" in this workspace`);
      return;
    }
    if (experiment.status === 'DRAFT') {
      if (status === 400) status = 409;
      issue('experiment', `experiment "${event.experiment}" is a draft; start it before sending events`);
      return;
    }
    const variants = experiment.variants as unknown as VariantDefinition[];
    const metrics = experiment.metrics as unknown as ExperimentMetrics;
    const ts = event.ts ? new Date(event.ts) : now;
    if (ts.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
      issue('ts', `is more than 24 hours in the future (${event.ts}); send the time the event happened`);
    }
    if (event.variant !== undefined && !variants.some((v) => v.key === event.variant)) {
      issue(
        'variant',
        `"${event.variant}" is not a variant of "${experiment.key}" (${variants.map((v) => v.key).join(', ')})`,
      );
    }
    if (event.type === 'exposure') {
      if (event.metric !== undefined) issue('metric', 'is only for conversions');
      let variant = event.variant;
      if (variant === undefined) {
        const b = bounds.get(experiment.id) ?? cumulativeWeights(variants.map((v) => v.weight));
        bounds.set(experiment.id, b);
        variant = variants[assignVariant(experiment.seed, event.unit, b)]?.key;
      }
      const segment = experiment.segmentAttribute ? (event.attributes?.[experiment.segmentAttribute] ?? '') : '';
      prepared.push({
        ...common(experiment.id, event, ts),
        variant: variant ?? null,
        segment,
        metric: null,
        kind: null,
      });
      return;
    }
    const name = event.metric ?? metrics.primary.name;
    const metric = [metrics.primary, ...metrics.guardrails].find((m) => m.name === name);
    if (!metric) {
      const known = [metrics.primary, ...metrics.guardrails].map((m) => m.name).join(', ');
      issue('metric', `"${name}" is not a metric of "${experiment.key}" (${known})`);
      return;
    }
    if (metric.kind === 'mean' && event.value === undefined) {
      issue('value', `is required: "${name}" is a mean metric (e.g. revenue), so a conversion carries its value`);
    }
    if (event.value !== undefined && !Number.isFinite(event.value)) issue('value', 'must be a finite number');
    prepared.push({
      ...common(experiment.id, event, ts),
      variant: event.variant ?? null,
      segment: '',
      metric: name,
      kind: metric.kind,
      value: metric.kind === 'mean' ? (event.value ?? 0) : (event.value ?? null),
    });
  });
  if (issues.length) throw new BatchRejected(status, issues);
  const result = await ingestEvents(deps.db, prepared);
  // Evaluation soon after new data; if Redis is away, the reconciler finds the unevaluated version.
  for (const id of result.changed) await requestEvaluation(deps.queue, id).catch(() => {});
  return { accepted: result.accepted, duplicates: result.duplicates, unattributed: result.unattributed };
}

const common = (experimentId: string, e: EventsBatch['events'][number], ts: Date) => ({
  experimentId,
  eventId: e.id,
  unitId: e.unit,
  type: e.type,
  value: e.value ?? null,
  ts,
});
