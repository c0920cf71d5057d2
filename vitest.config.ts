import { defineConfig } from 'vitest/config';

// Unit and integration tests: core's colocated tests, the host's tests and the cross-boundary tests in test/.
// End-to-end tests (a real browser against the web host) have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['core/src/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'sample-data/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
