import Papa from 'papaparse';
import { DomainError } from '../errors';
import type { CovariatesUpload } from './upload';

/** Accepted header names, case-insensitive; the first present wins. */
const UNIT = ['unit', 'unit_id', 'unitid', 'user', 'user_id'];
const COVARIATE = ['covariate', 'pre', 'value'];
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A CSV covariates upload (header, then unit,covariate rows; comma or semicolon separated, via papaparse) as the
 * JSON body. Any bad line refuses the upload with a 400 naming the row and the field (the first 20);
 * the JSON schema then checks bounds and repeated units as for a JSON body.
 */
export function covariatesFromCsv(csv: string): CovariatesUpload {
  const body = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  const parsed = Papa.parse<string[]>(body, { delimitersToGuess: [',', ';'], skipEmptyLines: 'greedy' });
  const [head, ...records] = parsed.data;
  const names = (head ?? []).map((c) => c.trim().toLowerCase());
  const column = (accepted: string[]) => accepted.map((n) => names.indexOf(n)).find((i) => i >= 0);
  const unit = column(UNIT);
  const covariate = column(COVARIATE);
  if (unit === undefined || covariate === undefined) {
    const lacking = [unit === undefined ? `unit (${UNIT.join(', ')})` : '', covariate === undefined ? 'covariate' : '']
      .filter(Boolean)
      .join(' and ');
    throw new DomainError('BAD_INPUT', `The CSV header lacks a column for ${lacking}.`, 'csv');
  }
  const bad: string[] = [];
  const rows = records.map((record, i) => {
    // Rows as a spreadsheet numbers them, the header being row 1 (blank lines, skipped by papaparse, not counted).
    const line = i + 2;
    const id = (record[unit] ?? '').trim();
    const raw = (record[covariate] ?? '').trim();
    const value = NUMBER.test(raw) ? Number(raw) : Number.NaN;
    if (!id) bad.push(`row ${line}: unit is empty`);
    if (!Number.isFinite(value)) bad.push(`row ${line}: covariate "${raw}" is not a number`);
    return { unit: id, covariate: value };
  });
  if (parsed.errors.some((e) => e.type === 'Quotes')) bad.unshift('malformed quotes');
  if (bad.length) {
    throw new DomainError('BAD_INPUT', `The CSV has ${bad.length} bad value(s): ${bad.slice(0, 20).join('; ')}`, 'csv');
  }
  return { covariates: rows };
}
