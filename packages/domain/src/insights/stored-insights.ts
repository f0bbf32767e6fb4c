import { z } from 'zod';
import type { Insights } from './compute-insights';

/** A value after a JSON round trip: dates become ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** The Insights figures as stored by the worker (WorkspaceInsights.figures) and served to the page and API. */
export type StoredInsights = Jsonified<Insights>;

/** Lenient on read: the column is written only by computeInsights through JSON; its shape is checked at the top. */
export const ZStoredInsights = z.custom<StoredInsights>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as { experiments?: unknown }).experiments),
  'must be the figures of computeInsights',
);
