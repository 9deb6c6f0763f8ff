import { defineConfig } from 'vitest/config';

/** The long runs of the fault-injection test (kill -9 of the built CLI), apart from the main suite. */
export default defineConfig({
  test: {
    include: ['test/e2e/crash.test.ts'],
    env: { NO_COLOR: '1', CRASH_RUNS: '60' },
    testTimeout: 600_000,
  },
});
