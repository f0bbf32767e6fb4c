// Which installed packages refuse the Node version Uplift supports (package.json `engines.node`). npm only
// warns (EBADENGINE) and installs them anyway, so `npm test` checks it (scripts/engines.test.ts).
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every package under `dir/node_modules`, nested ones included; workspace links are not followed. */
function packagesIn(dir, root, found) {
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) return found;
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    const names = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name];
    for (const full of names) {
      const path = join(modules, full);
      if (lstatSync(path).isSymbolicLink() || !existsSync(join(path, 'package.json'))) continue;
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
      found.push({
        path: relative(root, path),
        name: manifest.name ?? full,
        version: manifest.version,
        engines: manifest.engines,
      });
      packagesIn(path, root, found);
    }
  }
  return found;
}

/** The root's and every workspace's installed packages. */
export function installedPackages(root) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = [root];
  for (const pattern of workspaces) {
    // Only the `folder/*` form the root package.json uses.
    const base = join(root, pattern.replace(/\/\*$/, ''));
    if (pattern.endsWith('/*') && existsSync(base)) dirs.push(...readdirSync(base).map((d) => join(base, d)));
    else dirs.push(join(root, pattern));
  }
  return dirs.flatMap((dir) => packagesIn(dir, root, []));
}

/**
 * Packages whose `engines.node` refuses `node` (the oldest version we support), less the `allowed` ones (name →
 * why it never runs on our Node). `satisfies` is semver's.
 */
export function unsupportedEngines(packages, node, satisfies, allowed = {}) {
  return packages
    .filter((p) => typeof p.engines?.node === 'string' && !satisfies(node, p.engines.node))
    .filter((p) => !(p.name in allowed))
    .map((p) => `${p.name}@${p.version} (${p.path}) needs Node ${p.engines.node}`);
}
