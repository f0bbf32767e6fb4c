/** Defaults of the optional request fields, applied by `analyze` itself so in-process callers may skip zod. */
export const ANALYZE_DEFAULTS = {
  engine: 'frequentist',
  difference: 'relative',
  alpha: 0.05,
  sequential: null,
  correction: 'none',
  cuped: false,
} as const;
