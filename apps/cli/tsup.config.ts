import { defineConfig, type Options } from 'tsup';

/**
 * The CLI is one bundle with its npm dependencies (commander, zod, @stdlib, csv-parse…): starting it reads
 * a handful of files instead of resolving hundreds of small modules, which was most of `uplift analyze`'s
 * time on 20,000 requests (issue 15). The database side stays external and loads lazily, only for the
 * commands that open the database: Prisma's client and drivers, BullMQ and Redis.
 * `dist/analyze.cjs` is plain `analyze <file>` alone, as CommonJS (see src/analyze-main.ts).
 * The build script empties dist/ first: the two builds run side by side, so neither may clean it.
 */
const shared: Options = {
  platform: 'node',
  target: 'node20',
  noExternal: [/.*/],
  minifySyntax: true,
  clean: false,
};

export default defineConfig([
  {
    ...shared,
    entry: ['src/index.ts'],
    format: 'esm',
    external: [/^(@prisma\/|prisma$|pg$|pg-|@electric-sql\/|bullmq$|ioredis$)/],
    // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  },
  { ...shared, entry: { analyze: 'src/analyze-main.ts' }, format: 'cjs', outExtension: () => ({ js: '.cjs' }) },
]);
