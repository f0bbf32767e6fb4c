import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignVariant, cumulativeWeights } from '@uplift/domain';
import { afterAll, describe, expect, it } from 'vitest';

// index.ts wires `split` to the database; this entry wires it to a fake lookup, keyed "workspace/key", read from
// UPLIFT_TEST_EXPERIMENTS. Run from apps/cli so `commander` is the CLI's own.
const ENTRY = `
import { Command } from 'commander';
import { registerSplit } from './src/commands/split.ts';
const experiments = JSON.parse(process.env.UPLIFT_TEST_EXPERIMENTS ?? '{}');
if (process.env.UPLIFT_TEST_TTY) process.stderr.isTTY = true;
const program = new Command().name('uplift');
registerSplit(program, async (key, workspace) => {
  const found = experiments[(workspace ?? '') + '/' + key];
  if (!found) throw new Error('No experiment "' + key + '" in this workspace.');
  return found;
});
await program.parseAsync(process.argv.slice(1), { from: 'user' });`;
const cliDir = fileURLToPath(new URL('../..', import.meta.url));

const experiment = (key: string, seed: string, variants: [string, number][]) => ({
  key,
  seed,
  variants: variants.map(([key, weight]) => ({ key, weight })),
});
const experiments = {
  '/subject-line': experiment('subject-line', 'seed-subject', [
    ['control', 0.5],
    ['emoji', 0.5],
  ]),
  'shop/banner': experiment('banner', 'seed-banner', [
    ['a', 0.2],
    ['b', 0.8],
  ]),
  '/broken': experiment('broken', 's', [['only', 1]]),
  // The next rung of a promotion approved for DE and NL only.
  '/scoped': {
    ...experiment('scoped', 'seed-scoped', [
      ['control', 0.5],
      ['promo', 0.5],
    ]),
    segmentAttribute: 'country',
    scopeSegments: ['DE', 'NL'],
  },
  // A winner send testing 50% of the list, before and after its decision.
  '/send-waiting': {
    ...experiment('send-waiting', 'spring-promo-email', [
      ['control', 0.5],
      ['treatment', 0.5],
    ]),
    winnerSend: { testShare: 0.5, winnerVariant: null, winnerReason: null },
  },
  '/send-decided': {
    ...experiment('send-decided', 'spring-promo-email', [
      ['control', 0.5],
      ['treatment', 0.5],
    ]),
    winnerSend: { testShare: 0.5, winnerVariant: 'treatment', winnerReason: '"treatment" won; the remainder gets it.' },
  },
};

function runSplit(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, '--', ...args], {
    cwd: cliDir,
    encoding: 'utf8',
    env: { ...process.env, UPLIFT_TEST_EXPERIMENTS: JSON.stringify(experiments), ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'uplift-split-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const list = join(dir, 'newsletter.csv');
const ids = Array.from({ length: 3000 }, (_, i) => `reader${i}@example.com`);
writeFileSync(list, `first_name,email\n${ids.map((id, i) => `R${i},${id}`).join('\n')}\n,\n`);
const dataRows = (path: string) => readFileSync(path, 'utf8').trim().split('\n').slice(1);
const countries = ['DE', 'FR', 'NL', 'BE'];
const byCountry = join(dir, 'customers.csv');
writeFileSync(byCountry, `email,land\n${ids.map((id, i) => `${id},${countries[i % 4]}`).join('\n')}\n`);

describe('uplift split', { timeout: 30_000 }, () => {
  it('writes one file per variant beside the input and prints where each row count went', () => {
    const run = runSplit(['split', '--experiment', 'subject-line', list]);
    expect(run.stderr).toMatch(/^(split: [\d,]+ rows \(\d+%\)\n)*$/); // not a terminal: whole progress lines only
    expect(run.status).toBe(0);
    const bounds = cumulativeWeights([0.5, 0.5]);
    const control = ids.filter((id) => assignVariant('seed-subject', id, bounds) === 0).length;
    const width = (3000 - control).toLocaleString('en-US').length;
    expect(run.stdout.split('\n')).toEqual([
      '3,001 rows split by "email" for experiment subject-line',
      `control  ${control.toLocaleString('en-US').padStart(width)} rows  -> ${join(dir, 'newsletter.control.csv')}`,
      `emoji    ${(3000 - control).toLocaleString('en-US').padStart(width)} rows  -> ${join(dir, 'newsletter.emoji.csv')}`,
      `skipped  ${'1'.padStart(width)} row   (line 3002: empty email)`,
      '',
    ]);
    const controlRows = dataRows(join(dir, 'newsletter.control.csv'));
    expect(controlRows).toHaveLength(control);
    expect(controlRows.every((row) => assignVariant('seed-subject', row.split(',')[1] as string, bounds) === 0)).toBe(
      true,
    );
  });

  it('passes the workspace to the lookup and honours --id-column and --out', () => {
    const out = join(dir, 'by-name');
    const run = runSplit([
      'split',
      '--experiment',
      'banner',
      '--workspace',
      'shop',
      '--id-column',
      'first_name',
      '--out',
      out,
      list,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('split by "first_name" for experiment banner');
    const a = dataRows(join(out, 'newsletter.a.csv'));
    const b = dataRows(join(out, 'newsletter.b.csv'));
    expect(a.length + b.length).toBe(3000);
    expect(run.stdout).toMatch(/\nskipped +1 row {3}\(line 3002: empty first_name\)\n$/);
  });

  it("splits only the rows of a scoped experiment's segments and says how many were left out", () => {
    const out = join(dir, 'scoped');
    const run = runSplit(['split', '--experiment', 'scoped', '--segment-column', 'land', '--out', out, byCountry]);
    expect(run.status).toBe(0);
    const files = [join(out, 'customers.control.csv'), join(out, 'customers.promo.csv')].map(dataRows);
    const kept = files.flat();
    expect(kept).toHaveLength(1500);
    expect(kept.every((row) => /,(DE|NL)$/.test(row))).toBe(true);
    const bounds = cumulativeWeights([0.5, 0.5]);
    expect(files[0]?.every((row) => assignVariant('seed-scoped', row.split(',')[0] as string, bounds) === 0)).toBe(
      true,
    );
    expect(run.stdout).toContain('3,000 rows split by "email" for experiment scoped');
    expect(run.stdout).toMatch(/\nleft out +1,500 rows {2}\(outside the scope: country DE, NL only\)\n$/);
  });

  it('on a terminal, shows progress on one line ending at 100%', () => {
    const run = runSplit(['split', '--experiment', 'subject-line', '--out', join(dir, 'tty'), list], {
      UPLIFT_TEST_TTY: '1',
    });
    expect(run.status).toBe(0);
    expect(run.stderr.startsWith('\rsplit: ')).toBe(true);
    expect(run.stderr.split('\n')).toHaveLength(2); // one line, rewritten in place, then its end
    expect(run.stderr.endsWith('\rsplit: 3,001 rows (100%)\x1b[K\n')).toBe(true);
  });

  it.each([
    [['split', list], '--experiment KEY is required'],
    [['split', '--experiment', 'subject-line'], 'give the recipients CSV file'],
    [['split', '--experiment', 'nope', list], 'No experiment "nope" in this workspace.'],
    [['split', '--experiment', 'banner', list], 'No experiment "banner" in this workspace.'],
    [
      ['split', '--experiment', 'subject-line', '--id-column', 'mail', list],
      'has no column "mail"; its columns are "first_name", "email".',
    ],
    [['split', '--experiment', 'subject-line', join(dir, 'missing.csv')], 'no such file'],
    [['split', '--experiment', 'broken', list], 'An experiment needs at least 2 variants.'],
    [['split', '--experiment', 'scoped', byCountry], 'reaches country DE, NL only: give --segment-column NAME'],
    [['split', '--experiment', 'scoped', '--segment-column', 'country', byCountry], 'has no column "country"'],
  ])('exits 2 with one line on stderr and nothing on stdout: %j', (args, message) => {
    const run = runSplit(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^uplift split: /);
    expect(run.stderr).toContain(message);
  });

  it("splits a winner send's test, then after the decision the remainder's file with the winner", () => {
    // Hand-checked buckets (domain winner-send.test.ts): walter → control, rupert and frank → treatment; olivia
    // and alice are the remainder of a 50% test.
    const send = join(dir, 'send.csv');
    writeFileSync(
      send,
      `email\n${['walter', 'rupert', 'frank', 'olivia', 'alice'].map((u) => `${u}@example.com`).join('\n')}\n`,
    );
    const waiting = runSplit(['split', '--experiment', 'send-waiting', '--out', join(dir, 'send-1'), send]);
    expect(waiting.status).toBe(0);
    expect(waiting.stdout).toContain(
      'waiting  2 rows  (the remainder: run uplift split again after the decision for its file with the winner)',
    );
    const decided = runSplit(['split', '--experiment', 'send-decided', '--out', join(dir, 'send-2'), send]);
    expect(decided.status).toBe(0);
    expect(decided.stdout).toContain(`remainder  2 rows  -> ${join(dir, 'send-2', 'send.remainder.csv')}`);
    expect(decided.stdout).toContain('the remainder gets "treatment": "treatment" won; the remainder gets it.');
    expect(dataRows(join(dir, 'send-2', 'send.remainder.csv'))).toEqual(['olivia@example.com', 'alice@example.com']);
  });
});
