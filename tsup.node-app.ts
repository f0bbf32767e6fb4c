import { defineConfig } from 'tsup';

/**
 * How every Node app (api, worker, cli) is built: workspace packages ship TypeScript source, so they are
 * bundled in; npm dependencies stay external and load from node_modules.
 */
export const nodeApp = (entry: string[]) =>
  defineConfig({
    entry,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    noExternal: [/^@uplift\//],
    external: [/^(?!@uplift\/)[^./]/],
    clean: true,
  });
