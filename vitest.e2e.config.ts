import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (dist/) in Debian's Chromium, driven by playwright-core.
// One browser at a time on a 2-core machine, so files run one after another.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
