import Papa from 'papaparse';
import { type WeeklySalesRow, ZIsoDate } from './did-input';

/** Accepted header names per field, case-insensitive; where a file has several, the first listed wins (the finer unit). */
const COLUMNS = {
  location: ['location', 'store', 'region'],
  week: ['week', 'date'],
  sales: ['sales', 'revenue'],
} as const;
type Field = keyof typeof COLUMNS;

export interface CsvLineError {
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
  message: string;
}

export interface ParsedWeeklySales {
  rows: WeeklySalesRow[];
  errors: CsvLineError[];
}

const BLANK_LINES = /(?:[ \t]*(?:\r\n|\r|\n))*/y;
const countBreaks = (text: string, from: number, to: number) => text.slice(from, to).match(/\r\n|\r|\n/g)?.length ?? 0;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads weekly sales per location from CSV text (comma or semicolon separated, RFC 4180 quoting, via papaparse).
 * Bad lines are reported with their line numbers and left out; the rest are returned in file order. Semicolon files
 * may write decimals with a comma (1234,5), as spreadsheets in such locales do (a thousands separator is not read:
 * "1.234" is 1.234). A repeated location and week is an
 * error on the later line, so the rows always satisfy ZLocationAnalysisInput's one-row-per-week rule.
 */
export function parseWeeklySales(text: string): ParsedWeeklySales {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: WeeklySalesRow[] = [];
  const errors: CsvLineError[] = [];
  const firstLine = new Map<string, number>();
  let header: Header | null = null;
  let counted = 0; // line breaks before `counted` have been added to `line`
  let line = 1;
  let next = 0; // where papaparse's previous record ended
  Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';'],
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      BLANK_LINES.lastIndex = next; // papaparse skipped these blank lines without a step
      BLANK_LINES.test(body);
      line += countBreaks(body, counted, BLANK_LINES.lastIndex);
      counted = BLANK_LINES.lastIndex;
      next = result.meta.cursor;
      const quotes = result.errors.find((e) => e.type === 'Quotes');
      if (quotes) {
        errors.push({ line, message: `malformed quotes (${quotes.message.toLowerCase()})` });
        return;
      }
      if (header === null) {
        const found = readHeader(result.data);
        if (typeof found === 'string') {
          errors.push({ line, message: found });
          parser.abort();
        } else header = found;
        return;
      }
      const row = readRecord(result.data, header, result.meta.delimiter === ';');
      if (typeof row === 'string') {
        errors.push({ line, message: row });
        return;
      }
      const key = `${row.location}\u0000${row.week}`;
      const first = firstLine.get(key);
      if (first === undefined) {
        firstLine.set(key, line);
        rows.push(row);
      } else {
        const { location, week } = labels(header);
        errors.push({ line, message: `repeats ${location} "${row.location}", ${week} ${row.week} of line ${first}` });
      }
    },
  });
  if (header === null && errors.length === 0) {
    errors.push({
      line: 1,
      message: 'the file is empty: it needs a header (location, week, sales), then one row per location and week',
    });
  }
  return { rows, errors };
}

/** The header's names as written, and each field's column index. */
interface Header {
  names: string[];
  columns: Record<Field, number>;
}
const labels = ({ names, columns }: Header) => ({
  location: names[columns.location],
  week: names[columns.week],
  sales: names[columns.sales],
});

/** One data record as a row, or what is wrong with it. Semicolon files may write decimals with a comma. */
function readRecord(record: string[], header: Header, semicolons: boolean): WeeklySalesRow | string {
  const { columns, names } = header;
  if (record.length <= Math.max(columns.location, columns.week, columns.sales)) {
    return `has ${record.length} fields where the header has ${names.length}`;
  }
  const cell = (field: Field) => (record[columns[field]] ?? '').trim();
  const [location, week, salesText] = [cell('location'), cell('week'), cell('sales')];
  const decimalComma = semicolons && /^[+-]?\d+,\d+$/.test(salesText);
  const sales = NUMBER.test(salesText) || decimalComma ? Number(salesText.replace(',', '.')) : Number.NaN;
  const label = labels(header);
  const problems: string[] = [];
  if (!location) problems.push(`${label.location} is empty`);
  if (!ZIsoDate.safeParse(week).success) problems.push(`${label.week} "${week}" is not a date written YYYY-MM-DD`);
  if (!Number.isFinite(sales)) problems.push(`${label.sales} "${salesText}" is not a number`);
  return problems.length ? problems.join('; ') : { location, week, sales };
}

/** The header, or what it lacks. */
function readHeader(record: string[]): Header | string {
  const names = record.map((cell) => cell.trim());
  const lower = names.map((name) => name.toLowerCase());
  const columns = {} as Record<Field, number>;
  const lacking: string[] = [];
  for (const field of Object.keys(COLUMNS) as Field[]) {
    const index = COLUMNS[field].map((name) => lower.indexOf(name)).find((i) => i >= 0);
    if (index === undefined) lacking.push(`${field} (${COLUMNS[field].join(', ')})`);
    else columns[field] = index;
  }
  if (lacking.length === 0) return { names, columns };
  return `the header lacks a column for ${lacking.join(' and ')}; columns are separated by commas or semicolons`;
}
