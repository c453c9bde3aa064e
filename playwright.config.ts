import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser/chromium';

/** The built app, served as users get it (`vite build` runs first in `npm test`). */
const PREVIEW_PORT = Number(process.env.PLUMBLINE_PREVIEW_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Real models on two shared cores: one test at a time, and time for a model to load.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --port ${PREVIEW_PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PREVIEW_PORT}/harness.html`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
