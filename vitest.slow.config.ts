import { defineConfig } from 'vitest/config';

/**
 * The long runs, apart from the main suite: the fault-injection test (kill -9 of the built CLI) and
 * the markdownlint property test at ten times its main-suite size.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/crash.test.ts', 'packages/core/src/render/markdown.property.test.ts'],
    env: { NO_COLOR: '1', CRASH_RUNS: '60', MARKDOWN_PROPERTY_SCALE: '10' },
    testTimeout: 600_000,
  },
});
