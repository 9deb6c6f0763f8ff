import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/build/**/*.test.ts', 'generators/**/*.test.ts', 'test/**/*.test.ts'],
    // The real coding tools run in their own project (test/clients/vitest.config.ts, pnpm run test:clients);
    // the READMEs' commands through a registry and a terminal run in the slow project.
    exclude: ['**/node_modules/**', 'test/clients/**', 'test/e2e/readme-commands.test.ts'],
    // picocolors turns colours on whenever CI is set; assertions read plain text.
    env: { NO_COLOR: '1' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
