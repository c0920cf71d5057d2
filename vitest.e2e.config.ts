import { defineConfig } from 'vitest/config';

// End-to-end: Debian's Chromium driven by playwright-core against the built web host (see docs/testing.md).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
