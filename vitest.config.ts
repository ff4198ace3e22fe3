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
    // Two test files at a time, even on two cores (vitest's default there is one): many tests wait
    // on something else (a `ta-forum` process, Chromium, PostgreSQL, a fake platform's answer).
    maxWorkers: 2,
    // Each worker process runs its files one after another with the modules it has loaded already
    // (Bolt, the Bot Framework SDK, PGlite's WebAssembly…) instead of loading them again for every
    // file. No test replaces a module or the environment, and every file opens its own stores,
    // servers and folders, so files share no state; measured on 62 files: 232 s instead of 361 s.
    isolate: false,
  },
});
