// Recipient split benchmark: `npx tsx bench/split.ts` (or `npm run bench -- split`). Prints figures, asserts nothing.
// Target: a 1,000,000-row recipients CSV split 50/50 in under ~3 s on a 2-core machine.

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitRecipients } from '../apps/cli/src/split/split-recipients';
import { mulberry32 } from '../packages/domain/src/stats/prng';

const ROWS = 1_000_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const random = mulberry32(7);
const names = ['Ann', 'Bob', 'Chloé', 'Dmitri', 'Eve', 'François', 'Grace', 'Hiro'];
const cities = ['Paris', 'Lyon', 'Berlin', 'New York, NY', 'São Paulo', 'Washington, D.C.', 'Tokyo'];

/** email, first_name, city — a few cities carry commas so the quoting path is exercised too. */
async function writeRecipients(path: string): Promise<void> {
  const out = createWriteStream(path);
  let chunk = 'email,first_name,city\n';
  for (let i = 0; i < ROWS; i++) {
    const city = cities[Math.floor(random() * cities.length)] as string;
    const name = names[Math.floor(random() * names.length)] as string;
    chunk += `${name.toLowerCase()}.${i}@example.com,${name},${city.includes(',') ? `"${city}"` : city}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'uplift-bench-split-'));
try {
  const input = join(dir, 'recipients.csv');
  await writeRecipients(input);
  const variants = [
    { key: 'control', weight: 0.5 },
    { key: 'treatment', weight: 0.5 },
  ];
  // Best of three rounds: on a shared machine the slowest round measures the neighbours, not the split.
  let best = Number.POSITIVE_INFINITY;
  let result: Awaited<ReturnType<typeof splitRecipients>> | undefined;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    result = await splitRecipients({ input, seed: 'bench-seed', variants, outDir: join(dir, 'out') });
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  if (result?.rows !== ROWS) throw new Error(`expected ${ROWS} rows, got ${result?.rows}`);
  console.log(`split: ${fmt(result.rows)} rows in ${best.toFixed(2)} s (${fmt(result.rows / best)} rows/s, best of 3)`);
  console.log(`split: input ${mb(statSync(input).size)}`);
  for (const file of result.files) {
    console.log(`split: ${file.variant.padEnd(9)} ${fmt(file.rows).padStart(9)} rows  ${mb(statSync(file.path).size)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
