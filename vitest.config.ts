import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit and component tests. Kept apart from vite.config.ts so the crx() plugin never runs here;
// the browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [preact()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
  },
});
