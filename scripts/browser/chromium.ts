import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Browser, LaunchOptions } from '@playwright/test';

/** Where a user's machine keeps Chromium or Chrome; PLUMBLINE_CHROMIUM overrides them all. */
const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string | null {
  const override = process.env.PLUMBLINE_CHROMIUM;
  if (override) return existsSync(override) ? override : null;
  return CANDIDATE_PATHS.find((path) => existsSync(path)) ?? null;
}

export function requireChromium(): string {
  const path = findChromium();
  if (!path) {
    throw new Error(
      "No Chromium or Chrome found. Run `npm test` once (it installs Debian's chromium as root), " +
        'install one yourself, or set PLUMBLINE_CHROMIUM to its executable.',
    );
  }
  return path;
}

/**
 * Flags seen to work as root on this kind of machine (docs/models.md). The background-networking ones
 * stop Chromium's own calls home, which a closed network refuses and which are not the app's.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return {
    executablePath: requireChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}

/**
 * The scripts' browser (bench, record, soak). With PLUMBLINE_BENCH_GPU=1 it is a headed window on
 * the machine's GPU instead, to measure there (README, "Measuring speed"); tests never use it.
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const options = chromiumLaunchOptions(extraArgs);
  if (process.env.PLUMBLINE_BENCH_GPU !== '1') return chromium.launch(options);
  return chromium.launch({
    ...options,
    headless: false,
    args: options.args?.filter((arg) => arg !== '--disable-gpu'),
  });
}
