import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { supervise } from './lib/supervise.mjs';

const crashing = () => spawn(process.execPath, ['-e', 'process.exit(3)']);

describe('supervise (npm start restarts a crashed api or worker)', () => {
  it('restarts a process that exits by itself, with a growing back-off, and says so', async () => {
    const lines: string[] = [];
    const app = supervise({ name: 'worker', child: crashing() }, crashing, {
      baseMs: 20,
      maxMs: 80,
      log: (l: string) => lines.push(l),
    });
    await expect.poll(() => app.restarts, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    app.stop();
    expect(lines[0]).toBe('[worker] exited (code 3); restarting in 0.02 s (restart 1)');
    expect(lines[1]).toMatch(/restarting in 0\.04 s \(restart 2\)/);
    expect(lines[2]).toMatch(/restarting in 0\.08 s \(restart 3\)/);
  });

  it('does not restart a process asked to stop', async () => {
    const lines: string[] = [];
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    const app = supervise({ name: 'api', child }, crashing, { baseMs: 10, log: (l: string) => lines.push(l) });
    const exited = new Promise((r) => child.once('exit', r));
    Object.assign(child, { stopping: true }).kill('SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 100));
    expect(app.restarts).toBe(0);
    expect(lines).toEqual([]);
  });
});
