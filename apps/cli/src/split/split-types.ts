export interface SplitVariant {
  key: string;
  weight: number;
}

export interface SplitProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface SplitOptions {
  /** Path of the recipients CSV (comma-separated, header row required). */
  input: string;
  /** Column holding the unit id; default: the first header named like an id (email, id, user_id, …), else the first. */
  idColumn?: string;
  /** The experiment's hashing seed. */
  seed: string;
  /** The experiment's variants, control first. */
  variants: SplitVariant[];
  /** A scoped experiment: only rows whose `column` holds one of `segments` are split; the rest are left out. */
  scope?: { column: string; segments: readonly string[] };
  /**
   * A winner send: rows whose bucket is below `testShare` are split into the variants (bucket / testShare); the
   * rest is the remainder, held back until the decision, then written to `<file>.remainder.csv` (the winner's).
   */
  winnerSend?: { testShare: number; winnerVariant: string | null };
  /** Created if missing. */
  outDir: string;
  /** Called at most ~10 times a second, and once at the end with the final counts. */
  onProgress?: (p: SplitProgress) => void;
}

export interface SplitResult {
  idColumn: string;
  /** Data rows read (header and blank lines excluded), skipped ones included. */
  rows: number;
  /** Every skipped row is counted here; `skipped` lists only the first 100. */
  skippedCount: number;
  /** `line` is the physical line in the input where the row starts (the header is line 1). */
  skipped: { line: number; reason: string }[];
  /** Rows outside a scoped experiment's segments, in no file (0 when unscoped). */
  leftOut: number;
  /** A winner send's remainder before the decision: in no file yet (0 otherwise). */
  waiting: number;
  files: { variant: string; path: string; rows: number }[];
}

/** A problem with the input, the options or the output that the user can fix; its message says how. */
export class SplitError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SplitError';
  }
}
