import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source through tsx (no build needed), feeding `input` on stdin; `env` adds variables. */
export function runCli(args: string[], input = '', env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/index.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
