import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/build/**/*.test.ts', 'generators/**/*.test.ts', 'test/**/*.test.ts'],
    // The real coding tools run in their own project (test/clients/vitest.config.ts, pnpm run test:clients);
    // the READMEs' commands through a registry and a terminal run in the slow project.
    exclude: ['**/node_modules/**', 'test/clients/**', 'test/e2e/readme-commands.test.ts'],
    // picocolors turns colours on whenever CI is set; assertions read plain text.
    env: { NO_COLOR: '1' },
    // Generous: a busy 2-core machine runs the built-CLI tests several times slower than an idle one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
