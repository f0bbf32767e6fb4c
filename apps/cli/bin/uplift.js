#!/usr/bin/env node
// Committed shim so the bin link is executable before the first build; the CLI itself is built to dist/.
import('../dist/index.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/index.js')) {
    console.error('uplift: the CLI is not built yet; run `npm run build` first.');
    process.exit(1);
  }
  throw error;
});
