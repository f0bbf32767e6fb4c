import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './commands/cli-harness';

// The built bin, as `npx uplift` runs it: `analyze <file>` goes through its CommonJS bundle (dist/analyze.cjs),
// everything else through the ES module program; both must answer as the sources do (run after `npm run build`).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (args: string[], input = '') =>
  spawnSync(process.execPath, ['apps/cli/bin/uplift.cjs', ...args], { cwd: root, input, encoding: 'utf8' });

const request = (i: number) => ({
  metric: 'binomial',
  variants: [
    { key: 'control', users: 1000 + i, sum: 100 + (i % 7) },
    { key: `treatment-${i}`, users: 1000, sum: 110 + (i % 11) },
  ],
});
const file = (name: string, value: unknown) => {
  const path = join(tmpdir(), `uplift-bin-${process.pid}-${name}.json`);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe('the built uplift bin', { timeout: 60_000 }, () => {
  it('analyses a file through its fast path exactly as the sources do, and stdin through the program', () => {
    // Bayesian, three small arms (Student t below 20 degrees of freedom) and a mean metric load the @stdlib
    // functions that dist/analyze.cjs loads only on first use.
    const requests = [
      ...Array.from({ length: 300 }, (_, i) => request(i)),
      { ...request(1), engine: 'bayesian' },
      { metric: 'binomial', variants: [10, 12, 30].map((users, i) => ({ key: `v${i}`, users, sum: 1 + i })) },
      { metric: 'mean', variants: [5, 6].map((users, i) => ({ key: `m${i}`, users, sum: 10 + i, sumSquares: 40 })) },
      // Text beyond ASCII: keys, and the sample ratio mismatch warning's χ².
      {
        metric: 'binomial',
        variants: [
          { key: 'контроль', users: 1000, sum: 100 },
          { key: 'tréatment', users: 1400, sum: 120 },
        ],
      },
    ];
    const path = file('plain', requests);
    const fast = bin(['analyze', path]);
    expect(fast.status).toBe(0);
    expect(fast.stdout).toBe(runCli(['analyze', path]).stdout);
    expect(JSON.parse(fast.stdout)).toHaveLength(304);
    expect(bin(['analyze', '--pretty', path]).stdout).toBe(`${JSON.stringify(JSON.parse(fast.stdout), null, 2)}\n`);
    expect(bin(['analyze'], JSON.stringify(requests)).stdout).toBe(fast.stdout);
    // The bundle answered by itself (the bin would fall back to the program, which answers alike).
    const bundle = spawnSync(
      process.execPath,
      [
        '-e',
        `require('./apps/cli/dist/analyze.cjs').tryPlainAnalyze([${JSON.stringify(path)}]).then((ok) => ok || process.exit(3))`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(bundle.status).toBe(0);
    expect(bundle.stdout).toBe(fast.stdout);
  });

  it('words a refused file, an unreadable one and an unknown flag as the program does', () => {
    const bad = file('bad', [request(1), { ...request(2), variants: [{ key: 'a', users: 10, sum: 11 }] }]);
    const refused = bin(['analyze', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('request 1: variants: needs at least 2 variants');
    expect(refused.stderr).toContain('request 1: variants.0.sum: conversions (sum) cannot exceed users');
    const missing = bin(['analyze', '/nonexistent/requests.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^\/nonexistent\/requests\.json: cannot read \(ENOENT/);
    const flag = bin(['analyze', '--fast', bad]);
    expect(flag.status).not.toBe(0);
    expect(flag.stderr).toContain("unknown option '--fast'");
    expect(bin(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('starts analyze without NODE_EXTRA_CA_CERTS and every other command with it, through the command npm links', () => {
    const path = file('certs', [request(1)]);
    // Node 20 warns at start when the file cannot be read: the warning shows whether Node was given the setting.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/extra-ca.pem' };
    const run = (args: string[]) => spawnSync('node_modules/.bin/uplift', args, { cwd: root, env, encoding: 'utf8' });
    const analysed = run(['analyze', path]);
    expect(analysed.status).toBe(0);
    expect(analysed.stderr).toBe('');
    expect(analysed.stdout).toBe(bin(['analyze', path]).stdout);
    const version = run(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(version.stderr).toContain('Ignoring extra certs from `/nonexistent/extra-ca.pem`');
    // A link elsewhere (as a global install makes) finds the CLI through readlink; the bin by its own path too.
    const link = join(tmpdir(), `uplift-bin-${process.pid}-link`);
    rmSync(link, { force: true });
    symlinkSync(join(root, 'apps/cli/bin/uplift'), link);
    for (const command of [link, join(root, 'apps/cli/bin/uplift')]) {
      const linked = spawnSync(command, ['analyze', path], { cwd: tmpdir(), encoding: 'utf8' });
      expect(linked.stdout).toBe(analysed.stdout);
    }
    rmSync(link, { force: true });
  });

  it('writes into a standard output that is a regular file at its offset, and nothing on a refusal', () => {
    const good = file(
      'to-file',
      Array.from({ length: 2_000 }, (_, i) => request(i)),
    ); // results past 64 kB
    const bad = file('to-file-bad', [request(1), { ...request(2), variants: [{ key: 'a', users: 10, sum: 11 }] }]);
    const out = join(tmpdir(), `uplift-bin-${process.pid}-out.txt`);
    const uplift = 'node_modules/.bin/uplift analyze';
    // One open file for the whole group, as a script redirects it: each command writes on where the last stopped.
    const shell = spawnSync(
      'sh',
      ['-c', `{ echo first; ${uplift} ${bad}; echo between; ${uplift} ${good}; echo last; } > ${out} 2>/dev/null`],
      { cwd: root },
    );
    expect(shell.status).toBe(0);
    const piped = bin(['analyze', good]).stdout;
    expect(piped.length).toBeGreaterThan(1 << 16);
    expect(readFileSync(out, 'utf8') === `first\nbetween\n${piped}last\n`).toBe(true); // not toBe: 600 kB on failure
    rmSync(out, { force: true });
  });

  it('ends quietly with 0 when the reader closes the pipe early, on the fast path too', () => {
    const path = file(
      'many',
      Array.from({ length: 30_000 }, (_, i) => request(i)),
    );
    const piped = spawnSync(
      'bash',
      ['-c', `node apps/cli/bin/uplift.cjs analyze ${path} | head -c 10; echo " \${PIPESTATUS[0]}"`],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(piped.stdout).toBe('[{"srm":{" 0\n');
    expect(piped.stderr).toBe('');
  });
});
