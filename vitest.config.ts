import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Unit tests run in Node; the browser tests under tests/e2e belong to Playwright. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; 5 s (the default) fails them on a busy shared machine.
    testTimeout: 20_000,
    // One test file per core. Vitest keeps one core for itself by default, which on CI's two
    // cores ran the files one at a time; the main process only gathers results (`npm test`'s
    // unit step took 238 s so, 154 s with both).
    maxWorkers: availableParallelism(),
  },
});
