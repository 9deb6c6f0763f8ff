import { defineConfig } from 'vitest/config';

// The real-client suite: slow (five coding tools started as processes), so it is its own project,
// run by `pnpm run test:clients` (test/clients/run.mjs) and by .ci/run, never by the main suite.
export default defineConfig({
  test: {
    include: ['test/clients/**/*.test.ts'],
    globalSetup: ['test/clients/support/global-setup.ts'],
    env: { NO_COLOR: '1' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The clients are heavy processes on a 2-core machine: one file at a time.
    fileParallelism: false,
  },
});
