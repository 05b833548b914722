import { defineConfig } from 'vitest/config';

// The JSON report feeds .ci/run's closing `N passed, N failed` line.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/setup/shared-notice.ts'],
  },
});
