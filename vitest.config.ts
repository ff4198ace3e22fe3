import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One migrated store per run, which the tests' stores are copied from (a new one takes seconds).
    globalSetup: ['test/support/global-setup.ts'],
    // Opening a fresh embedded PostgreSQL (WebAssembly) takes a few seconds on a small machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
