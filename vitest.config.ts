import { defineConfig } from 'vitest/config';

// Test tiers by file name (../shared/STYLE.md): *.test.ts need no services; *.int.test.ts talk to the real
// Postgres and Redis named by DATABASE_URL / REDIS_URL (scripts/test.mjs prepares a throwaway database);
// *.browser.test.ts drive the running app in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages}/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['{apps,packages}/*/src/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.browser.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The app answers asynchronously on a busy machine: a page update may take seconds, not vitest's 1 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
