import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignVariant, cumulativeWeights } from '@uplift/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { type SplitOptions, splitRecipients } from './split-recipients';

const dir = mkdtempSync(join(tmpdir(), 'uplift-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = 'exp-subject-line';
const halves = [
  { key: 'control', weight: 0.5 },
  { key: 'treatment', weight: 0.5 },
];
let files = 0;

/** Writes `text` as a fresh CSV and splits it into its own output folder. */
function split(text: string, options: Partial<SplitOptions> = {}) {
  const input = join(dir, `list-${++files}.csv`);
  writeFileSync(input, text);
  return splitRecipients({ input, seed, variants: halves, outDir: join(dir, `out-${files}`), ...options });
}

const rowsOf = (path: string): string[][] => parse(readFileSync(path), { bom: true });

describe('splitRecipients', () => {
  it('puts every row, all columns kept, in the file of the variant the experiment assigns it', async () => {
    // csv-stringify writes the input, so the quoting under test is checked against an independent serialiser.
    const input = Array.from({ length: 3000 }, (_, i) => [
      `user${i}@example.com`,
      i % 7 === 0 ? `Smith, "J" ${i}` : `Name${i}`,
      i % 11 === 0 ? 'Line one\nline two' : 'Paris',
    ]);
    const result = await split(stringify([['email', 'name', 'city'], ...input]));
    expect(result.idColumn).toBe('email');
    expect(result.rows).toBe(3000);
    expect(result.files.map((f) => [f.variant, f.path])).toEqual([
      ['control', join(dir, `out-${files}`, `list-${files}.control.csv`)],
      ['treatment', join(dir, `out-${files}`, `list-${files}.treatment.csv`)],
    ]);
    const bounds = cumulativeWeights([0.5, 0.5]);
    const union: string[][] = [];
    result.files.forEach((file, variant) => {
      const [header, ...rows] = rowsOf(file.path);
      expect(header).toEqual(['email', 'name', 'city']);
      expect(rows).toHaveLength(file.rows);
      for (const row of rows) expect(assignVariant(seed, row[0] as string, bounds)).toBe(variant);
      union.push(...rows);
    });
    expect(union.sort()).toEqual(input.sort());
    expect(result.files[0]?.rows).toBeGreaterThan(1300);
    expect(result.files[1]?.rows).toBeGreaterThan(1300);
  });

  it('reads a BOM, CRLF and quoted commas, quotes and line breaks, and writes them back with the same meaning', async () => {
    const text =
      '\uFEFFemail,note,city\r\n' +
      'a@x.com,"Hello, ""friend""","Paris"\r\n' +
      'b@x.com,"two\r\nlines",Lyon\r\n' +
      '\r\n' +
      ',"empty id after a multi-line field",Rome\r\n' +
      'c@x.com,Bob "Bobby" Smith,São Paulo';
    const result = await split(text, {
      variants: [
        { key: 'all', weight: 1 },
        { key: 'none', weight: 0 },
      ],
    });
    expect(result.rows).toBe(4);
    expect(result.skipped).toEqual([{ line: 6, reason: 'empty email' }]);
    const all = result.files[0]?.path as string;
    const written = readFileSync(all, 'utf8');
    expect(written.startsWith('\uFEFFemail,note,city\r\n')).toBe(true); // Excel's UTF-8 mark and line ends kept
    expect(rowsOf(all)).toEqual([
      ['email', 'note', 'city'],
      ['a@x.com', 'Hello, "friend"', 'Paris'],
      ['b@x.com', 'two\r\nlines', 'Lyon'],
      ['c@x.com', 'Bob "Bobby" Smith', 'São Paulo'],
    ]);
    expect(readFileSync(result.files[1]?.path as string, 'utf8')).toBe('\uFEFFemail,note,city\r\n');
  });

  it('finds the id column by name, else uses the first column, and takes an explicit one in any case', async () => {
    const text = 'name,Customer_ID,email\nAnn,c-1,ann@x.com\n';
    expect((await split(text)).idColumn).toBe('Customer_ID');
    expect((await split('name,city\nAnn,Paris\n')).idColumn).toBe('name');
    const byEmail = await split(text, { idColumn: 'EMAIL' });
    expect(byEmail.idColumn).toBe('email');
    const [header, row] = rowsOf(byEmail.files.find((f) => f.rows === 1)?.path as string);
    expect(header).toEqual(['name', 'Customer_ID', 'email']);
    expect(row).toEqual(['Ann', 'c-1', 'ann@x.com']);
    const variant = assignVariant(seed, 'ann@x.com', cumulativeWeights([0.5, 0.5]));
    expect(byEmail.files[variant]?.rows).toBe(1);
  });

  it('names an unknown id column and lists the columns there are, writing nothing', async () => {
    const failure = split('email,name\na@x.com,Ann\n', { idColumn: 'mail' });
    await expect(failure).rejects.toThrow(`list-${files}.csv has no column "mail"; its columns are "email", "name".`);
    expect(existsSync(join(dir, `out-${files}`))).toBe(false);
  });

  it('refuses an empty file, a missing file and a semicolon-separated one with a sentence saying why', async () => {
    await expect(split('')).rejects.toThrow('is empty: it needs a header row');
    await expect(split('email;name\na@x.com;Ann\n')).rejects.toThrow('looks separated by semicolons or tabs');
    const missing = join(dir, 'no-such-list.csv');
    await expect(splitRecipients({ input: missing, seed, variants: halves, outDir: dir })).rejects.toThrow(
      `Cannot read ${missing}: no such file.`,
    );
  });

  it('stops on a quote left open and leaves no half-written files', async () => {
    const failure = split('email,name\na@x.com,Ann\n"b@x.com,Bob\nc@x.com,Cy\n');
    await expect(failure).rejects.toThrow(`list-${files}.csv: Quote Not Closed`);
    expect(readdirSync(join(dir, `out-${files}`))).toEqual([]);
  });

  it('skips rows with an empty id, lists the first 100 by line and counts them all', async () => {
    const lines = ['name,email', 'Spaces only,  ', 'Short row'];
    for (let i = 0; i < 400; i++) lines.push(i % 2 ? `Nobody ${i},` : `Somebody ${i},u${i}@x.com`);
    const result = await split(`${lines.join('\n')}\n`);
    expect(result.idColumn).toBe('email');
    expect(result.rows).toBe(402);
    expect(result.skippedCount).toBe(202);
    expect(result.skipped).toHaveLength(100);
    expect(result.skipped.slice(0, 3)).toEqual([
      { line: 2, reason: 'empty email' },
      { line: 3, reason: 'no email (the row has only 1 field)' },
      { line: 5, reason: 'empty email' },
    ]);
    expect(result.skipped[99]).toEqual({ line: 199, reason: 'empty email' });
    expect(result.files.reduce((sum, f) => sum + f.rows, 0)).toBe(200);
  });

  it('reports progress, ending with the final row count and every byte read', async () => {
    const calls: { rows: number; bytes: number; totalBytes: number }[] = [];
    const text = `email\n${Array.from({ length: 5000 }, (_, i) => `u${i}@x.com`).join('\n')}\n`;
    const result = await split(text, { onProgress: (p) => calls.push(p) });
    expect(calls.at(-1)).toEqual({ rows: 5000, bytes: text.length, totalBytes: text.length });
    expect(result.rows).toBe(5000);
  });

  it('lands 20,000 ids within 2 points of weights 0.2 / 0.3 / 0.5', async () => {
    const text = `id,name\n${Array.from({ length: 20_000 }, (_, i) => `${1_000_000 + i * 7},N${i}`).join('\n')}\n`;
    const weights = [0.2, 0.3, 0.5];
    const result = await split(text, { variants: weights.map((weight, i) => ({ key: `v${i}`, weight })) });
    const shares = result.files.map((file) => file.rows / 20_000);
    shares.forEach((share, i) => {
      expect(Math.abs(share - (weights[i] as number))).toBeLessThan(0.02);
    });
  });

  it('refuses variant keys that cannot name a file', async () => {
    const variants = [
      { key: 'control', weight: 0.5 },
      { key: '../escape', weight: 0.5 },
    ];
    await expect(split('email\na@x.com\n', { variants })).rejects.toThrow('cannot be used in a file name');
  });
});
