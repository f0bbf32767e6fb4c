import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const STDLIB_IMPORT = /^import (\w+) from '(@stdlib\/[\w-]+)';$/gm;

/**
 * The @stdlib modules the statistics engine imports, found in its sources, bundled by family (see stdlibGroup) as
 * dist/stdlib/<family>.cjs for dist/analyze.cjs to load on first use.
 */
const statsDir = new URL('../../packages/domain/src/stats/', import.meta.url);
const stdlibModules = [
  ...new Set(
    readdirSync(statsDir)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => [...readFileSync(new URL(name, statsDir), 'utf8').matchAll(STDLIB_IMPORT)].map((m) => m[2])),
  ),
] as string[];
const resolveModule = createRequire(import.meta.url).resolve;

/**
 * A module's bundle: its family, the name without its last part (`@stdlib/stats-base-dists-normal-cdf` ->
 * stdlib/normal). A family's functions share most of their @stdlib dependencies, which one bundle reads, compiles
 * and runs once: a two-arm test calls the normal CDF and quantile, and loading them from one bundle instead of two
 * took 5 ms instead of 7-8 (issue 15). Each function still runs its modules only when first called (a getter).
 */
const stdlibGroup = (module: string) =>
  `stdlib/${module.replace(/^@stdlib\/(stats-base-dists-)?/, '').replace(/-[^-]+$/, '')}`;
const stdlibGroups = new Map<string, string[]>();
for (const module of stdlibModules) {
  const group = stdlibGroup(module);
  stdlibGroups.set(group, [...(stdlibGroups.get(group) ?? []), module]);
}

/**
 * In dist/analyze.cjs only: the statistics' @stdlib imports become calls that load their module on first use,
 * from the bundle of its family (dist/stdlib/). Bundled as written, all 143 @stdlib modules they pull in ran when
 * the bundle loaded; bundled lazily but into dist/analyze.cjs, they were still nine tenths of the code V8 reads
 * and compiles at every start, though a two-arm test calls two of them, the normal CDF and quantile (issue 15:
 * start-up is most of `uplift analyze`'s time). The functions are pure, so loading one later changes nothing but
 * when.
 */
const lazyStdlib: Plugin = {
  name: 'lazy-stdlib',
  setup(build) {
    build.onResolve({ filter: /^\.\/stdlib\// }, ({ path }) => ({ path, external: true }));
    build.onLoad({ filter: /packages\/domain\/src\/stats\/[^/]+\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const contents = source.replace(
        STDLIB_IMPORT,
        (_, name: string, module: string) =>
          `let ${name}$loaded: any;\nconst ${name} = (...args: any[]) => (${name}$loaded ??= require('./${stdlibGroup(module)}.cjs')['${module}'])(...args);`,
      );
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * The bundles of dist/stdlib/: each family's entry is made here, an object with a getter per module that runs the
 * module when first read. tsup wants an entry to be a file, so a family's entry names its first module's file,
 * which this plugin swaps for the family's object.
 */
const familyEntries = new Map(
  [...stdlibGroups].map(([group, modules]) => [resolveModule(modules[0] as string), group]),
);
const stdlibFamilies: Plugin = {
  name: 'stdlib-families',
  setup(build) {
    build.onResolve({ filter: /.*/ }, ({ kind, path }) => {
      const group = kind === 'entry-point' ? familyEntries.get(path) : undefined;
      return group === undefined ? undefined : { path: group, namespace: 'stdlib-family' };
    });
    build.onLoad({ filter: /.*/, namespace: 'stdlib-family' }, ({ path }) => {
      const getters = (stdlibGroups.get(path) ?? []).map((m) => `  get '${m}'() { return require('${m}'); },`);
      return {
        contents: `module.exports = {\n${getters.join('\n')}\n};\n`,
        loader: 'js',
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      };
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
  {
    ...shared,
    entry: Object.fromEntries([...familyEntries].map(([file, group]) => [group, file])),
    format: 'cjs',
    outExtension: () => ({ js: '.cjs' }),
    // Whitespace and names too: less for V8 to read at the first call (the normal family: 55 kB instead of 122).
    minify: true,
    esbuildPlugins: [stdlibFamilies],
  },
]);
