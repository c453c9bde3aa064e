import { defineConfig } from 'vitest/config';

/** Unit tests run in Node; the browser tests under tests/e2e belong to Playwright. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; 5 s (the default) fails them on a busy shared machine.
    testTimeout: 20_000,
  },
});
