import type { ReportInput } from '@uplift/domain';
import type { CsvTable } from '../../../lib/csv';

/** Which CSV column holds what; `mode` says whether the metric is counted (conversions) or summed (revenue). */
export interface ReportMapping {
  variant: string | null;
  users: string | null;
  mode: 'conversions' | 'sum';
  conversions: string | null;
  sum: string | null;
  sumSquares: string | null;
}

export interface RowProblem {
  /** 1-based line in the file, the header being line 1. */
  line: number;
  message: string;
}

const GUESS: Record<Exclude<keyof ReportMapping, 'mode'>, RegExp> = {
  variant: /variant|version|arm|group|split|cell/i,
  users: /user|recipient|sent|deliver|unit|audience|reach/i,
  conversions: /conver|click|order|purchase|signup|open/i,
  sum: /^(sum|revenue|total|value|amount)/i,
  sumSquares: /square/i,
};

/** A first guess at the mapping from the header names an email tool usually writes. */
export function guessMapping(columns: string[]): ReportMapping {
  const find = (field: keyof typeof GUESS, taken: (string | null)[] = []) =>
    columns.find((c) => GUESS[field].test(c) && !taken.includes(c)) ?? null;
  const variant = find('variant');
  const users = find('users', [variant]);
  const sumSquares = find('sumSquares', [variant, users]);
  const conversions = find('conversions', [variant, users, sumSquares]);
  const sum = find('sum', [variant, users, sumSquares, conversions]);
  return { variant, users, mode: conversions || !sum ? 'conversions' : 'sum', conversions, sum, sumSquares };
}

/** "12,345" and "12 345" are how spreadsheets write counts; "" is no number. */
const numberOf = (raw: string | undefined) => {
  const text = (raw ?? '').replace(/[\s,_]/g, '');
  return text === '' ? Number.NaN : Number(text);
};

/**
 * Turns the CSV rows into the report `experiment.importReport` takes: one entry per variant (rows of the same
 * variant are added up), matched to the experiment's variants by key or name, ignoring case. Every row that
 * cannot be read is listed by line, so the user can fix the file rather than guess.
 */
export function reportFromRows(
  table: CsvTable,
  m: ReportMapping,
  variants: { key: string; name: string }[],
): { report: ReportInput['variants']; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columns =
    m.mode === 'conversions' ? [m.variant, m.users, m.conversions] : [m.variant, m.users, m.sum, m.sumSquares];
  if (columns.some((c) => !c)) return { report: [], problems: [{ line: 1, message: 'Map every column first.' }] };
  const index = (c: string | null) => table.columns.indexOf(c as string);
  const totals = new Map<
    string,
    { key: string; users: number; conversions?: number; sum?: number; sumSquares?: number }
  >();
  table.rows.forEach((row, i) => {
    const line = i + 2;
    const label = (row[index(m.variant)] ?? '').trim();
    const match = variants.find(
      (v) => v.key.toLowerCase() === label.toLowerCase() || v.name.toLowerCase() === label.toLowerCase(),
    );
    if (!match) {
      // Rows may name a variant by key or by name: the message lists both.
      const known = variants.map((v) => (v.name && v.name !== v.key ? `${v.key} or “${v.name}”` : v.key)).join(', ');
      problems.push({
        line,
        message: `“${label}” matches no variant key or name of this experiment (${known}).`,
      });
      return;
    }
    const read = (column: string | null, what: string, whole: boolean) => {
      const value = numberOf(row[index(column)]);
      if (!Number.isFinite(value) || (whole && (!Number.isInteger(value) || value < 0))) {
        problems.push({
          line,
          message: `${what} must be a ${whole ? 'whole number ≥ 0' : 'number'}, not “${row[index(column)] ?? ''}”.`,
        });
        return null;
      }
      return value;
    };
    const users = read(m.users, 'Users', true);
    const entry = totals.get(match.key) ?? { key: match.key, users: 0 };
    if (m.mode === 'conversions') {
      const conversions = read(m.conversions, 'Conversions', true);
      if (users === null || conversions === null) return;
      entry.conversions = (entry.conversions ?? 0) + conversions;
    } else {
      const sum = read(m.sum, 'Sum', false);
      const sumSquares = read(m.sumSquares, 'Sum of squares', false);
      if (users === null || sum === null || sumSquares === null) return;
      entry.sum = (entry.sum ?? 0) + sum;
      entry.sumSquares = (entry.sumSquares ?? 0) + sumSquares;
    }
    entry.users += users as number;
    totals.set(match.key, entry);
  });
  for (const v of variants) {
    if (!totals.has(v.key) && !problems.length) problems.push({ line: 1, message: `No row for variant “${v.key}”.` });
  }
  return { report: variants.flatMap((v) => totals.get(v.key) ?? []), problems };
}
