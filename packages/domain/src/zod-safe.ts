import { z } from 'zod';

/**
 * Building blocks for every input schema, so what validation accepts is what the database holds: Postgres
 * refuses NUL in text and JSON, its dates stop at year 1 (and 4713 BC), an INT4 column holds at most
 * 2,147,483,647, and a float that overflows (or whose square does, in a sum of squares) is Infinity.
 */
export const INT4_MAX = 2_147_483_647;
/** Measured values (metric values, sales, money): far beyond any real figure, and its square stays finite. */
export const VALUE_BOUND = 1e15;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

export const NUL_MESSAGE = 'must not contain NUL characters';
const INT4_MESSAGE = `must be at most ${INT4_MAX.toLocaleString('en-US')}`;
const VALUE_MESSAGE = 'must be between −1e15 and 1e15';
const YEAR_MESSAGE = `must be a date between ${MIN_YEAR} and ${MAX_YEAR}`;

/** A string without NUL characters; chain `.trim().min().max()` as with `z.string()`. */
export const text = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((s) => !s.includes('\u0000'), NUL_MESSAGE);

/** A whole number an INT4 column holds (≥ 0 unless `min` says otherwise). */
export const int4 = (params?: Parameters<typeof z.number>[0], min = 0) =>
  z.number(params).int('must be a whole number').min(min, `must be ≥ ${min}`).max(INT4_MAX, INT4_MESSAGE);

/** A finite measured value within ±1e15 (zod already refuses Infinity and NaN). */
export const bounded = (params?: Parameters<typeof z.number>[0]) =>
  z.number(params).min(-VALUE_BOUND, VALUE_MESSAGE).max(VALUE_BOUND, VALUE_MESSAGE);

/** Only the year: a string that is no date at all already fails the format check, with its own message. */
const inYears = (iso: string) => {
  const year = /^\d{4}-/.test(iso) ? Number(iso.slice(0, 4)) : MIN_YEAR;
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/** An ISO 8601 date-time with an offset, in years 1900–9999. */
export const isoDateTime = (message: string) => z.iso.datetime({ offset: true, message }).refine(inYears, YEAR_MESSAGE);

/** A calendar date written YYYY-MM-DD, in years 1900–9999. */
export const isoDate = (params?: Parameters<typeof z.iso.date>[0]) => z.iso.date(params).refine(inYears, YEAR_MESSAGE);

/** URL-safe: letters, digits, "-" and "_", starting with a letter or digit. */
export const slug = (max: number) =>
  text()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
      'may hold only letters, digits, "-" and "_", starting with a letter or digit',
    );
