import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { installedPackages, unsupportedEngines } from './lib/engines.mjs';

// npm installs a dependency whose `engines` refuses our Node with a warning only (commander 15 needs 22.12):
// every installed package must accept the oldest Node the root package.json promises.
const ROOT = join(import.meta.dirname, '..');
const promised: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node;
const oldest = semver.minVersion(promised)?.version as string;

/** Installed but never loaded on our Node: name → why. */
const NEVER_RUN = {
  // Only `prisma dev` (a local Prisma Postgres, itself Node 22) loads it; Uplift migrates with the schema
  // engine's WebAssembly build and never runs `prisma dev`.
  '@prisma/streams-local': 'prisma dev only',
};

describe('dependencies run on the Node we support', () => {
  it('reads the promise and finds the installed packages', () => {
    expect(oldest).toBe('20.19.0');
    const packages = installedPackages(ROOT);
    expect(packages.length).toBeGreaterThan(300);
    expect(packages.map((p) => p.name)).toContain('commander'); // apps/cli's own, nested in apps/cli/node_modules
  });

  it('no installed package refuses the oldest supported Node', () => {
    expect(unsupportedEngines(installedPackages(ROOT), oldest, semver.satisfies, NEVER_RUN)).toEqual([]);
  });

  it('names a package that needs a newer Node, unless it is known never to run', () => {
    const packages = [
      { path: 'apps/cli/node_modules/commander', name: 'commander', version: '15.1.0', engines: { node: '>=22.12.0' } },
      { path: 'node_modules/a', name: 'a', version: '1.0.0', engines: { node: '^20.19.0 || >=22.12.0' } },
      { path: 'node_modules/b', name: 'b', version: '1.0.0' },
      { path: 'node_modules/c', name: 'c', version: '1.0.0', engines: { node: '>=22' } },
    ];
    expect(unsupportedEngines(packages, oldest, semver.satisfies, { c: 'never loaded' })).toEqual([
      'commander@15.1.0 (apps/cli/node_modules/commander) needs Node >=22.12.0',
    ]);
  });
});
