import { defineConfig } from 'vitest/config';

/**
 * The long runs, apart from the main suite: the fault-injection test (kill -9 of the built CLI), every
 * command the READMEs show (typed into tmux against a local registry), and the markdownlint property
 * test at twice its main-suite size. Its cases are synchronous: at ten
 * times one test held the worker for two minutes and vitest's worker RPC timed out (60 s), failing
 * the run though every test passed. And every runbook command of the platform matrix through the
 * real AWS CLI (a few seconds each; the main suite parses a sample).
 */
export default defineConfig({
  test: {
    include: ['test/e2e/crash.test.ts', 'test/e2e/readme-commands.test.ts', 'packages/core/src/render/markdown.property.test.ts', 'test/e2e/runbook-commands.test.ts'],
    env: { NO_COLOR: '1', CRASH_RUNS: '60', MARKDOWN_PROPERTY_SCALE: '2', RUNBOOK_CLI_ALL: '1' },
    testTimeout: 600_000,
  },
});
