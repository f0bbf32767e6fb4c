import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * In dist/analyze.cjs only: the statistics' @stdlib imports become calls that load their module on first use.
 * Bundled as written, all 143 @stdlib modules they pull in run when the bundle loads, though a two-arm test
 * needs three of them (issue 15: start-up is most of \`uplift analyze\`'s time). The functions are pure, so
 * loading one later changes nothing but when.
 */
const lazyStdlib: Plugin = {
  name: 'lazy-stdlib',
  setup(build) {
    build.onLoad({ filter: /packages\/domain\/src\/stats\/[^/]+\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const contents = source.replace(
        /^import (\w+) from '(@stdlib\/[\w-]+)';$/gm,
        (_, name: string, module: string) =>
          `let ${name}$loaded: any;\nconst ${name} = (...args: any[]) => (${name}$loaded ??= require('${module}'))(...args);`,
      );
      return { contents, loader: 'ts' };
    });
  },
};

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
  {
    ...shared,
    entry: { analyze: 'src/analyze-main.ts' },
    format: 'cjs',
    outExtension: () => ({ js: '.cjs' }),
    esbuildPlugins: [lazyStdlib],
  },
]);
