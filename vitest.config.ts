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
    ],
  },
});
