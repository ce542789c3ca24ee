import { defineConfig } from 'vitest/config';

// Projects: `server` holds the unit tests and the database integration tests (a real PostgreSQL,
// one database per file); browser tests add their own project.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/web/**', 'node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/setup-each-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        // The web client's pure code (no database, no browser).
        test: {
          name: 'web',
          include: ['src/web/**/*.test.ts'],
          setupFiles: ['test/setup-each-file.ts'],
        },
      },
      {
        // Browser tests: the real server on its own embedded database, driven in Debian's Chromium.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // One PostgreSQL with the demo clinic as a template; each file serves its own copy.
          globalSetup: ['e2e/global-setup.ts'],
          // A screen waits for the server; a missing one fails within seconds, not at once. Checked
          // every 50 ms: most polls pass within a step or two, and each wait adds up over a run.
          expect: { poll: { timeout: 8_000, interval: 50 } },
          setupFiles: ['test/setup-each-file.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
