import { z } from 'zod';
import { bounded, int4, isoDateTime, text } from './zod-safe';

/** At most this many events per POST /v1/events (and 5 MB of JSON); beyond, 413. */
export const MAX_EVENTS_PER_BATCH = 10_000;
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;
/** A timestamp further ahead than this is a clock or unit mistake, not an event. */
export const MAX_FUTURE_SKEW_MS = 24 * 3600 * 1000;

const id = (what: string) =>
  text(`must be a string (the ${what})`).min(1, 'is required').max(200, 'must be at most 200 characters');

export const ZExperimentEvent = z.object({
  id: id('event id, unique per experiment; a replayed id is counted once'),
  experiment: id('experiment key'),
  unit: id('unit id'),
  type: z.enum(['exposure', 'conversion'], 'must be "exposure" or "conversion"'),
  variant: id('variant key').optional(),
  metric: id('metric name').optional(),
  value: bounded('must be a number').optional(),
  /** Exposures only: the unit's pre-period value of the primary metric (CUPED); an uploaded covariate wins. */
  covariate: bounded('must be a number (the pre-period value of the primary metric)').optional(),
  ts: isoDateTime('must be an ISO 8601 date-time, e.g. 2026-11-22T10:00:00Z').optional(),
  /** Unit attributes; the experiment's segment attribute is read from here at exposure. */
  attributes: z.record(text().max(200), text().max(200)).optional(),
});
export type ExperimentEventInput = z.output<typeof ZExperimentEvent>;

export const ZEventsBatch = z.object({
  events: z
    .array(ZExperimentEvent, 'must be an array of events')
    .min(1, 'must hold at least one event')
    .max(MAX_EVENTS_PER_BATCH, `must hold at most ${MAX_EVENTS_PER_BATCH} events`),
});
export type EventsBatch = z.output<typeof ZEventsBatch>;

const SUM_MESSAGE = 'must be between −1e30 and 1e30';
const count = int4('must be a number');

/** Cumulative totals per variant from an email tool's campaign report; replaces the previous report. */
export const ZReportInput = z
  .object({
    /** Default: the experiment's primary metric. */
    metric: text().min(1).max(64).optional(),
    variants: z
      .array(
        z.object({
          key: id('variant key'),
          users: count,
          conversions: count.optional(),
          // Within ±1e30 (and squares within 1e60): 2,147,483,647 users of values up to 1e15, with room to square.
          sum: z.number('must be a number').min(-1e30, SUM_MESSAGE).max(1e30, SUM_MESSAGE).optional(),
          sumSquares: z.number('must be a number').min(0, 'must be ≥ 0').max(1e60, 'must be at most 1e60').optional(),
        }),
      )
      .min(1, 'must list at least one variant'),
  })
  .check((ctx) => {
    ctx.value.variants.forEach((v, i) => {
      const issue = (field: string, message: string) =>
        ctx.issues.push({ code: 'custom', input: ctx.value, path: ['variants', i, field], message });
      if (v.conversions !== undefined && v.conversions > v.users) issue('conversions', 'cannot exceed users');
      if (v.conversions === undefined && v.sum === undefined)
        issue('conversions', 'give conversions, or sum and sumSquares');
      if (v.sum !== undefined && v.sumSquares === undefined) issue('sumSquares', 'is required with sum');
    });
  });
export type ReportInput = z.output<typeof ZReportInput>;
