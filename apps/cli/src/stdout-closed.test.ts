import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the CLI from source and closes its stdout after the first bytes, as `| head -c 10` does. */
function readTenBytes(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/cli/src/index.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let head = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  child.stdout.once('data', (c: Buffer) => {
    head = c.toString().slice(0, 10);
    child.stdout.destroy();
  });
  return new Promise<{ code: number | null; signal: string | null; stderr: string; head: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stderr, head })),
  );
}

describe('uplift with its output piped to a reader that stops early', { timeout: 60_000 }, () => {
  it('exits 0 without a stack trace when stdout closes mid-output (`uplift analyze many.json | head -c 10`)', async () => {
    const request = {
      metric: 'binomial',
      variants: [
        { key: 'a', users: 1000, sum: 120 },
        { key: 'b', users: 1000, sum: 150 },
      ],
    };
    // About 8 MB of results: far more than a pipe's buffer, so writes go on after the reader has gone.
    const file = join(tmpdir(), `uplift-epipe-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(Array.from({ length: 30_000 }, () => request)));
    const run = await readTenBytes(['analyze', file]);
    expect(run.head).toBe('[{"srm":{"');
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, signal: null });
  });
});
