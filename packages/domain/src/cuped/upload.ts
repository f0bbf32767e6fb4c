import { z } from 'zod';
import { bounded, text } from '../zod-safe';

/** At most this many units per covariates upload (JSON or CSV, within the route's 20 MB). */
export const MAX_COVARIATE_ROWS = 500_000;

export const ZCovariateRow = z.object({
  unit: text('must be a string (the unit id)').min(1, 'is required').max(200, 'must be at most 200 characters'),
  /** The unit's pre-period value of the experiment's primary metric (e.g. its purchases in the 4 weeks before). */
  covariate: bounded('must be a number (the pre-period value of the primary metric)'),
});
export type CovariateRow = z.output<typeof ZCovariateRow>;

/**
 * `PUT /v1/experiments/{key}/covariates`: one pre-period value per unit. Idempotent: a unit sent again with the
 * same value changes nothing, with another value replaces it. A bad row refuses the whole upload.
 */
export const ZCovariatesUpload = z
  .object({
    covariates: z
      .array(ZCovariateRow, 'must be an array of { unit, covariate }')
      .min(1, 'must hold at least one unit')
      .max(MAX_COVARIATE_ROWS, `must hold at most ${MAX_COVARIATE_ROWS.toLocaleString('en')} units`),
  })
  .check((ctx) => {
    const first = new Map<string, number>();
    ctx.value.covariates.forEach((row, i) => {
      const seen = first.get(row.unit);
      if (seen === undefined) first.set(row.unit, i);
      else {
        const message = `unit "${row.unit}" is listed twice (also covariates[${seen}]); send one value per unit`;
        ctx.issues.push({ code: 'custom', input: ctx.value, path: ['covariates', i, 'unit'], message });
      }
    });
  });
export type CovariatesUpload = z.input<typeof ZCovariatesUpload>;
