/**
 * Installable and offline, in a real Chromium on the built app: after one visit the service worker
 * has stored the app, the pose worker, the default engine's runtime and model; with the network
 * off, a reload still shows the app, cross-origin isolated, and a real photo is analysed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium';
import { testDataDir } from '../support/testdata';
import { ENGINE_READY_MS, SCREENSHOT_DIR } from './support/workout-page';

const PHOTO = 'plank/plank_good_forearm_01.jpg';
/** Storing the app and ~23 MB of runtime and model on two busy cores, in ms. */
const PRECACHE_MS = 90_000;
/** The default engine's files the service worker stores at install (scripts/pwa/precache.ts). */
const UP_FRONT = [
  '/wasm/mediapipe/vision_wasm_module_internal.js',
  '/wasm/mediapipe/vision_wasm_module_internal.wasm',
  '/models/pose_landmarker_full.task',
];
/** Chromium's installability check wants a 192 px and a 512 px icon (and any larger is fine). */
const REQUIRED_ICON_SIZES = ['192x192', '512x512'];

async function waitForEngine(page: Page): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-tone', 'ok', {
    timeout: ENGINE_READY_MS,
  });
  await expect(page.getByTestId('status')).toContainText('MediaPipe · full ready');
}

/** Workbox's precache (src/sw/plan.ts): the shell and the default engine's files. */
const PRECACHE = 'plumbline-shell-workbox';

/** Paths stored in each of the app's caches, read in the page. */
function cachedPaths(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const found: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      found[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
    }
    return found;
  });
}

test('after one visit the app and its default model work with the network off', async ({
  page,
  context,
}) => {
  const dir = testDataDir();
  test.skip(!dir, 'test data missing (see the warning above)');
  await page.goto('/');
  await waitForEngine(page);
  // What the person is told once everything is stored: install finishes only after precaching.
  const note = page.getByTestId('offline-note');
  await expect(note).toHaveAttribute('data-status', 'ready', { timeout: PRECACHE_MS });
  await expect(note).toContainText('Works offline');
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cached = await cachedPaths(page);
  const shell = cached[PRECACHE] ?? [];
  expect(shell).toContain('/');
  expect(shell.some((file) => /^\/assets\/pose\.worker-.*\.js$/.test(file))).toBe(true);
  expect(shell).toEqual(expect.arrayContaining(UP_FRONT));
  // The other models, and MoveNet's TF.js, are left for their first use: ~50 MB nobody may need.
  expect(Object.values(cached).flat()).not.toContain('/models/pose_landmarker_heavy.task');
  expect(
    Object.values(cached)
      .flat()
      .filter((file) => file.startsWith('/assets/movenet-')),
  ).toEqual([]);

  await context.setOffline(true);
  const fromNetwork: string[] = [];
  page.on('response', (response) => {
    if (!response.fromServiceWorker()) fromNetwork.push(response.url());
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: /Plumbline/ })).toBeVisible();
  // The network is off: a request the service worker holds no copy of fails. (Chromium 150 reports
  // navigator.onLine as true again after a reload of an emulated-offline page, so it is not asked.)
  const uncached = await page.evaluate(() =>
    fetch(`/not-stored-${String(Date.now())}.json`).then(
      () => 'answered',
      () => 'failed',
    ),
  );
  expect(uncached).toBe('failed');
  // The cached responses kept COOP/COEP: the page is still cross-origin isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await waitForEngine(page);

  await page.getByTestId('mode-photo').click();
  await page.getByTestId('photo-input').setInputFiles(path.join(dir ?? '', PHOTO));
  await expect(page.getByTestId('person-count')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('status')).toContainText(
    'plank_good_forearm_01.jpg, seen by MediaPipe · full.',
  );
  expect(fromNetwork, 'responses not served by the service worker').toEqual([]);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'offline-photo.png'), fullPage: true });
});

test('another engine and its model are stored the first time they load, then work offline', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('offline-note')).toHaveAttribute('data-status', 'ready', {
    timeout: PRECACHE_MS,
  });
  await page.getByTestId('engine-select').selectOption('movenet:lightning');
  await expect(page.getByTestId('status')).toContainText('MoveNet · lightning ready', {
    timeout: ENGINE_READY_MS,
  });
  // Stored as they streamed to the worker; the write may finish a moment after the engine starts.
  await expect
    .poll(async () => Object.values(await cachedPaths(page)).flat())
    .toEqual(
      expect.arrayContaining([
        '/models/movenet-lightning.bin',
        expect.stringMatching(/^\/assets\/movenet-[\w-]+\.js$/),
      ]),
    );

  await context.setOffline(true);
  await page.reload();
  // The choice of engine is remembered, and its code and model now come from the device.
  await expect(page.getByTestId('status')).toContainText('MoveNet · lightning ready', {
    timeout: ENGINE_READY_MS,
  });
});

/** The precache's keys for one path: Workbox adds the entry's revision to each. */
function precacheKeys(
  page: Page,
  pathname: string,
): Promise<{ url: string; date: string | null }[]> {
  return page.evaluate(
    async ({ name, wanted }) => {
      const cache = await caches.open(name);
      const found: { url: string; date: string | null }[] = [];
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname !== wanted) continue;
        const response = await cache.match(request);
        found.push({ url: request.url, date: response?.headers.get('date') ?? null });
      }
      return found;
    },
    { name: PRECACHE, wanted: pathname },
  );
}

test('a new version waits for the person, then replaces only what changed', async ({ page }) => {
  await page.goto('/');
  const note = page.getByTestId('offline-note');
  await expect(note).toHaveAttribute('data-status', 'ready', { timeout: PRECACHE_MS });
  const model = UP_FRONT[2] ?? '';
  const modelBefore = await precacheKeys(page, model);
  expect(modelBefore).toHaveLength(1);
  // A new build, as the server would have it: the same service worker with another revision of
  // the page (same length, so the preview server's recorded file size still holds). Put back
  // afterwards.
  const serviceWorker = path.resolve('dist/sw.js');
  const original = readFileSync(serviceWorker, 'utf8');
  const oldRevision = /"url":"\/","revision":"([0-9a-f]+)"/.exec(original)?.[1] ?? '';
  expect(oldRevision).not.toBe('');
  // Each hex digit d becomes 15 - d: never the same digit, so always another revision.
  const newRevision = oldRevision.replace(/[0-9a-f]/g, (digit) =>
    (15 - Number.parseInt(digit, 16)).toString(16),
  );
  try {
    writeFileSync(
      serviceWorker,
      original.replace(
        `"url":"/","revision":"${oldRevision}"`,
        `"url":"/","revision":"${newRevision}"`,
      ),
    );
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(note).toHaveAttribute('data-status', 'update-ready', { timeout: PRECACHE_MS });
    await expect(note).toContainText('A new version of Plumbline is ready.');
    // Nothing changes until the person says so; then the page reloads into the new version.
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await expect(note).toHaveAttribute('data-status', 'ready', { timeout: PRECACHE_MS });
    const pageKeys = (await precacheKeys(page, '/')).map((key) => key.url);
    expect(pageKeys).toEqual([expect.stringContaining(newRevision)]);
    // The model did not change, so its stored copy (~23 MB) was kept, not fetched again.
    expect(await precacheKeys(page, model)).toEqual(modelBefore);
  } finally {
    writeFileSync(serviceWorker, original);
  }
});

test('the web app manifest is linked, valid, and its icons are served', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as {
    name?: string;
    short_name?: string;
    start_url?: string;
    display?: string;
    theme_color?: string;
    icons?: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toBe('Plumbline form coach');
  expect(manifest.short_name).toBe('Plumbline');
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute(
    'content',
    manifest.theme_color ?? '',
  );
  const icons = manifest.icons ?? [];
  expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(REQUIRED_ICON_SIZES));
  expect(icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type'], icon.src).toContain(icon.type);
    const bytes = await file.body();
    if (icon.type === 'image/png') {
      // The PNG's own header (IHDR width and height) says the size the manifest claims.
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    } else {
      expect(bytes.toString('utf8'), icon.src).toContain('<svg');
    }
  }
});

test('Chromium itself finds the app installable and its manifest free of errors', async ({
  baseURL,
}, testInfo) => {
  // A profile on disk: Chromium never offers to install from an off-the-record context, which is
  // what Playwright's ordinary contexts are ("in-incognito").
  const context = await chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    ...chromiumLaunchOptions(),
    baseURL,
  });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('offline-note')).toHaveAttribute('data-status', 'ready', {
      timeout: PRECACHE_MS,
    });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
