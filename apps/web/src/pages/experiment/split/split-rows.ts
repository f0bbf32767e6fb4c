import { assignVariant, bucketOf, cumulativeWeights, type VariantDefinition, winnerSendSlot } from '@uplift/domain';
import type { CsvTable } from '../../../lib/csv';

/** The header names the CLI's `uplift split` picks by default; else the first column. */
const ID_HEADER = /^(email|e-mail|id|user_?id|customer_?id|recipient|unit)$/i;
export const guessIdColumn = (columns: string[]) => columns.find((c) => ID_HEADER.test(c.trim())) ?? columns[0] ?? null;

export interface SplitResult {
  files: { key: string; rows: string[][] }[];
  /** Lines (header = 1) skipped for an empty id. */
  skipped: number[];
  /** Rows outside a scoped experiment's segments, in no file. */
  leftOut: number;
  /** A winner send's remainder before the decision, in no file yet. */
  waiting: number;
}

/** A winner send: the test's share and, once decided, the variant its remainder gets (file key `remainder`). */
export interface SplitWinnerSend {
  testShare: number;
  winnerVariant: string | null;
}

/** A scoped experiment: only rows whose `column` holds one of `segments` are split, as `uplift split` does. */
export interface SplitScope {
  column: string;
  segments: readonly string[];
}

/** The column that most likely holds the segment: the one named like the experiment's segment attribute. */
export const guessSegmentColumn = (columns: string[], attribute: string) =>
  columns.find((c) => c.trim().toLowerCase() === attribute.toLowerCase()) ?? null;

const ROWS_PER_SLICE = 20_000;

/**
 * Puts each row in the file of `assignVariant(seed, id, cumulativeWeights(weights))` — the same assignment as
 * the CLI's `uplift split`, the API's /v1/assign and the ingestion — hashing ids exactly as written; a scoped
 * experiment's rows of other segments go nowhere (they get the default mailing). Works in
 * slices, yielding between them, so a million rows report progress instead of freezing the page.
 */
export async function splitRows(
  table: CsvTable,
  idColumn: string,
  seed: string,
  variants: VariantDefinition[],
  onProgress?: (fraction: number) => void,
  scope?: SplitScope,
  winnerSend?: SplitWinnerSend | null,
): Promise<SplitResult> {
  const bounds = cumulativeWeights(variants.map((v) => v.weight));
  const idIndex = table.columns.indexOf(idColumn);
  if (idIndex < 0) throw new Error(`The file has no column “${idColumn}”.`);
  const segmentIndex = scope ? table.columns.indexOf(scope.column) : -1;
  if (scope && segmentIndex < 0) throw new Error(`The file has no column “${scope.column}”.`);
  let leftOut = 0;
  let waiting = 0;
  const files = variants.map((v) => ({ key: v.key, rows: [] as string[][] }));
  if (winnerSend?.winnerVariant) files.push({ key: 'remainder', rows: [] });
  // A winner send (as `uplift split`): the test by bucket / testShare, the remainder last once decided, else none.
  const place = (id: string) => {
    if (!winnerSend) return assignVariant(seed, id, bounds);
    const slot = winnerSendSlot(bucketOf(seed, id), winnerSend.testShare, bounds);
    if (slot.inTest) return slot.index;
    return winnerSend.winnerVariant ? variants.length : -1;
  };
  const skipped: number[] = [];
  for (let start = 0; start < table.rows.length; start += ROWS_PER_SLICE) {
    const end = Math.min(table.rows.length, start + ROWS_PER_SLICE);
    for (let i = start; i < end; i++) {
      const row = table.rows[i] as string[];
      const id = row[idIndex];
      if (id === undefined || id.trim() === '') skipped.push(i + 2);
      else if (scope && !scope.segments.includes(row[segmentIndex] ?? '')) leftOut++;
      else {
        const file = files[place(id)];
        if (file) file.rows.push(row);
        else waiting++;
      }
    }
    onProgress?.(end / table.rows.length);
    if (end < table.rows.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { files, skipped, leftOut, waiting };
}
