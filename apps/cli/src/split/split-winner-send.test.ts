import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitRecipients } from './split-recipients';

const dir = mkdtempSync(join(tmpdir(), 'uplift-split-winner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Buckets of seed spring-promo-email (hand-checked, domain winner-send.test.ts): walter 0.1289, rupert 0.3257,
// frank 0.4626 are in a 50% test (control, treatment, treatment); olivia 0.5246 and alice 0.8522 are the remainder.
const seed = 'spring-promo-email';
const variants = [
  { key: 'control', weight: 0.5 },
  { key: 'treatment', weight: 0.5 },
];
const list = ['email', 'walter', 'rupert', 'frank', 'olivia', 'alice'].map((u, i) => (i ? `${u}@example.com` : u));
const input = join(dir, 'list.csv');
writeFileSync(input, `${list.join('\n')}\n`);
const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

describe('splitRecipients of a winner send', () => {
  it('writes the test files and holds the remainder back until the decision', async () => {
    const out = join(dir, 'before');
    const result = await splitRecipients({
      input,
      seed,
      variants,
      outDir: out,
      winnerSend: { testShare: 0.5, winnerVariant: null },
    });
    expect(result.files.map((f) => [f.variant, f.rows])).toEqual([
      ['control', 1],
      ['treatment', 2],
    ]);
    expect(result.waiting).toBe(2);
    expect(lines(join(out, 'list.control.csv'))).toEqual(['email', 'walter@example.com']);
  });

  it("after the decision also writes the remainder's file, every row of it getting the winner", async () => {
    const out = join(dir, 'after');
    const result = await splitRecipients({
      input,
      seed,
      variants,
      outDir: out,
      winnerSend: { testShare: 0.5, winnerVariant: 'treatment' },
    });
    expect(result.files.map((f) => [f.variant, f.rows])).toEqual([
      ['control', 1],
      ['treatment', 2],
      ['remainder', 2],
    ]);
    expect(result.waiting).toBe(0);
    expect(lines(join(out, 'list.remainder.csv'))).toEqual(['email', 'olivia@example.com', 'alice@example.com']);
    expect(lines(join(out, 'list.treatment.csv'))).toEqual(['email', 'rupert@example.com', 'frank@example.com']);
  });
});
