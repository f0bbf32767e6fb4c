import { defineConfig } from 'tsup';

// Workspace packages ship TypeScript source; the CLI bundles them so `node dist/index.js` needs no build of theirs.
export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  noExternal: [/^@uplift\//],
  external: [/^(?!@uplift\/)[^./]/],
  clean: true,
});
