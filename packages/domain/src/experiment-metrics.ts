import { z } from 'zod';
import { slug } from './zod-safe';

/** binomial and mean metrics take events; a ratio metric divides two of them per unit (the delta method). */
export const METRIC_KINDS = ['binomial', 'mean', 'ratio'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
export type EventMetricKind = Exclude<MetricKind, 'ratio'>;

export const ZMetricDefinition = z.object({
  name: slug(64),
  kind: z.enum(METRIC_KINDS),
  /** Ratio metrics: the event metrics of the experiment divided per unit (e.g. revenue / orders). */
  numerator: slug(64).optional(),
  denominator: slug(64).optional(),
});
/** `direction` is the good direction: "down" for a metric such as unsubscribes, where up is bad. */
export const ZGuardrailDefinition = ZMetricDefinition.extend({ direction: z.enum(['up', 'down']).default('up') });
export const ZExperimentMetrics = z
  .object({
    primary: ZMetricDefinition,
    guardrails: z.array(ZGuardrailDefinition).max(10, 'at most 10 guardrails').default([]),
  })
  .check((ctx) => {
    const all = [ctx.value.primary, ...ctx.value.guardrails];
    const events = all.filter((m) => m.kind !== 'ratio').map((m) => m.name);
    all.forEach((m, i) => {
      const at = i === 0 ? ['primary'] : ['guardrails', i - 1];
      const issue = (field: string, message: string) =>
        ctx.issues.push({ code: 'custom', input: ctx.value, path: [...at, field], message });
      for (const field of ['numerator', 'denominator'] as const) {
        const named = m[field];
        if (m.kind !== 'ratio') {
          if (named !== undefined) issue(field, 'is only for a ratio metric');
        } else if (named === undefined) issue(field, 'is required for a ratio metric');
        else if (!events.includes(named)) {
          const known = events.length ? events.join(', ') : 'none';
          issue(field, `"${named}" is not a binomial or mean metric of this experiment (${known})`);
        }
      }
      if (m.kind === 'ratio' && m.numerator !== undefined && m.numerator === m.denominator) {
        issue('denominator', 'must differ from the numerator');
      }
    });
  });
export type ExperimentMetrics = z.output<typeof ZExperimentMetrics>;
export type MetricDefinition = z.output<typeof ZMetricDefinition>;
