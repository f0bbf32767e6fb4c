import { defineConfig } from 'tsup';

// Workspace packages ship TypeScript source: bundle them; keep npm dependencies external.
export default defineConfig({
  entry: ['src/main.ts', 'src/prepare.ts', 'src/prepare-info.ts'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  noExternal: [/^@uplift\//],
  external: [/^(?!@uplift\/)[^./]/],
  clean: true,
});
