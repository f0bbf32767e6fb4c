#!/usr/bin/env node
// Committed shim so the bin link is executable before the first build; the CLI itself is built to dist/.
// CommonJS, so that `uplift analyze <file>` never starts Node's ES module loader (see src/analyze-main.ts).
const BUNDLE = '../dist/analyze.cjs';

async function plainAnalyze() {
  if (process.argv[2] !== 'analyze') return false;
  // Analysing a big file makes garbage fast and keeps little: a smaller young generation (V8 grows it to 16 MB) is
  // collected more often but touches far fewer fresh pages, which on small VMs cost more than the collections
  // (issue 15's bench: a third fewer page faults). The `uplift` script gives it on Node's command line; started
  // without it (`node uplift.cjs analyze`), it is set here, before anything is allocated, where it takes only in
  // part (the young generation still reaches 4-8 MB, against 2 MB from the command line) and costs loading node:v8
  // (30 of Node's modules, 3 ms).
  if (!process.execArgv.some((arg) => arg.startsWith('--max-semi-space-size'))) {
    require('node:v8').setFlagsFromString('--max-semi-space-size=1');
  }
  try {
    return await require(BUNDLE).tryPlainAnalyze(process.argv.slice(3));
  } catch (error) {
    // Only the bundle itself missing (not built yet) falls back: its message names it first, while a module the
    // bundle fails to load names the bundle only in its require stack, and is an error to see, not to hide.
    if (error?.code === 'MODULE_NOT_FOUND' && String(error.message).startsWith(`Cannot find module '${BUNDLE}'`)) {
      return false;
    }
    throw error;
  }
}

plainAnalyze().then((answered) => {
  if (answered) return;
  import('../dist/index.js').catch((error) => {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/index.js')) {
      console.error('uplift: the CLI is not built yet; run `npm run build` first.');
      process.exit(1);
    }
    throw error;
  });
});
