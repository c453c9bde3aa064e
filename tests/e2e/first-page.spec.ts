/**
 * The first page, end to end in a real Chromium on the built app: real models in the real worker,
 * real photos, and Chromium's fake camera. What is checked is what a person sees.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium';
import { ffmpegFound, testDataDir } from '../support/testdata';

const PHOTO = 'plank/plank_good_forearm_01.jpg';
const CLIP = 'bird_dog/bird_dog_good_video_02.gif';
const CAMERA_CLIP = 'bird_dog/bird_dog_good_video_03.mp4';
const SCREENSHOT_DIR = path.resolve('artifacts/screenshots');
/** The bone colour of src/ui/render/skeleton.ts (SKELETON_STYLE.boneColour). */
const BONE_RGB = [0, 229, 255] as const;
/** Colour tolerance per channel (0-255) when matching bone pixels. */
const COLOUR_TOLERANCE = 3;
/** A drawn skeleton on a photo covers thousands of bone pixels; a few stray matches are noise. */
const MIN_BONE_PIXELS = 300;
/** Loading a model on two busy cores, in ms (docs/models.md: 0.2-1.4 s, heavy machines much longer). */
const ENGINE_READY_MS = 90_000;

function photoPath(): string | null {
  const dir = testDataDir();
  if (!dir && process.env.CI) throw new Error('Test data is required in CI (PLUMBLINE_TESTDATA).');
  return dir && path.join(dir, PHOTO);
}

/** A page in a Chromium of its own, launched with extra flags (the camera tests need them). */
async function withChromium(
  baseURL: string | undefined,
  args: readonly string[],
  use: (page: Page) => Promise<void>,
  permissions: string[] = [],
): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions(args));
  try {
    const context = await browser.newContext({ baseURL, permissions });
    await use(await context.newPage());
  } finally {
    await browser.close();
  }
}

/** The photo tools live under the "Posture check" tab; the workout is the default. */
async function openPhotoMode(page: Page): Promise<void> {
  await page.getByTestId('mode-photo').click();
  await expect(page.getByTestId('mode-photo')).toHaveAttribute('aria-selected', 'true');
}

async function waitForEngine(page: Page, label: RegExp): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-tone', 'ok', {
    timeout: ENGINE_READY_MS,
  });
  await expect(page.getByTestId('status')).toContainText(label);
}

/** Pixels of the canvas matching the bone colour, counted in the page. */
function bonePixels(page: Page): Promise<number> {
  return page.getByTestId('stage-canvas').evaluate(
    (canvas, { rgb, tolerance }) => {
      if (!(canvas instanceof HTMLCanvasElement)) return -1;
      const ctx = canvas.getContext('2d');
      if (!ctx) return -1;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs((data[i] ?? 0) - rgb[0]) <= tolerance &&
          Math.abs((data[i + 1] ?? 0) - rgb[1]) <= tolerance &&
          Math.abs((data[i + 2] ?? 0) - rgb[2]) <= tolerance
        ) {
          count++;
        }
      }
      return count;
    },
    { rgb: BONE_RGB, tolerance: COLOUR_TOLERANCE },
  );
}

async function expectMsPerFrame(page: Page): Promise<void> {
  const readout = page.getByTestId('frame-time');
  await expect(readout).toHaveAttribute('data-ms', /^\d+(\.\d+)?$/);
  await expect(readout).toContainText(/\d+ ms per frame/);
  const ms = Number(await readout.getAttribute('data-ms'));
  expect(ms).toBeGreaterThan(0);
}

test.describe('a photo', () => {
  test('MediaPipe full (the default) finds one person and draws the skeleton', async ({ page }) => {
    const photo = photoPath();
    test.skip(!photo, 'test data missing (see the warning above)');
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto('/');
    await expect(page.getByText('Frames never leave this device.')).toBeVisible();
    // "Auto" is the default, and it starts on MediaPipe full.
    await expect(page.getByTestId('engine-select')).toHaveValue('auto');
    await waitForEngine(page, /MediaPipe · full ready/);

    await openPhotoMode(page);
    await page.getByTestId('photo-input').setInputFiles(photo ?? '');
    await expect(page.getByTestId('person-count')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('person-count')).toHaveText('1 person found.');
    await expect(page.getByTestId('status')).toContainText(
      'plank_good_forearm_01.jpg, seen by MediaPipe · full.',
    );
    await expectMsPerFrame(page);
    await expect(page.getByTestId('frame-time')).toContainText('MediaPipe · full ·');
    expect(await bonePixels(page)).toBeGreaterThan(MIN_BONE_PIXELS);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'first-page-photo.png') });
  });

  test('switching to MoveNet starts a new worker, ends the old one, and finds the person', async ({
    page,
  }) => {
    const photo = photoPath();
    test.skip(!photo, 'test data missing (see the warning above)');
    await page.goto('/');
    await waitForEngine(page, /MediaPipe · full ready/);
    await openPhotoMode(page);
    await page.getByTestId('photo-input').setInputFiles(photo ?? '');
    await expect(page.getByTestId('person-count')).toHaveAttribute('data-count', '1');

    const closed = new Promise<void>((resolve) => {
      const [first] = page.workers();
      first?.once('close', () => {
        resolve();
      });
    });
    await page.getByTestId('engine-select').selectOption('movenet:lightning');
    // The photo already open is run again on the new engine.
    await waitForEngine(page, /seen by MoveNet · lightning/);
    await closed;
    expect(page.workers()).toHaveLength(1);

    await expect(page.getByTestId('frame-time')).toContainText('MoveNet · lightning ·');
    await expect(page.getByTestId('person-count')).toHaveAttribute('data-count', '1');
    await expectMsPerFrame(page);
    expect(await bonePixels(page)).toBeGreaterThan(MIN_BONE_PIXELS);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'first-page-photo-movenet.png') });
  });

  test('an animated GIF is played through with the skeleton', async ({ page }) => {
    const dir = testDataDir();
    test.skip(!dir, 'test data missing (see the warning above)');
    await page.goto('/');
    await waitForEngine(page, /ready/);
    await openPhotoMode(page);
    await page.getByTestId('photo-input').setInputFiles(path.join(dir ?? '', CLIP));
    await expect(page.getByTestId('person-count')).toHaveText('1 person found in this clip.');
    await expectMsPerFrame(page);
    expect(await bonePixels(page)).toBeGreaterThan(MIN_BONE_PIXELS / 2);
  });

  test('a photo without a person says so', async ({ page }) => {
    await page.goto('/');
    await waitForEngine(page, /ready/);
    const emptyPng = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(640, 480);
      const ctx = canvas.getContext('2d');
      if (ctx) {
        ctx.fillStyle = '#d8dee6';
        ctx.fillRect(0, 0, 640, 480);
      }
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    });
    await openPhotoMode(page);
    await page.getByTestId('photo-input').setInputFiles({
      name: 'empty-room.png',
      mimeType: 'image/png',
      buffer: Buffer.from(emptyPng),
    });
    await expect(page.getByTestId('person-count')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('person-count')).toHaveText(
      'No person found in this photo: the whole body should be in view.',
    );
    expect(await bonePixels(page)).toBe(0);
  });
});

test.describe('the camera, permission denied', () => {
  test('says access was denied and how to allow it', async ({ baseURL }) => {
    // A fake camera exists, but nobody grants it: headless Chromium answers NotAllowedError.
    await withChromium(baseURL, ['--use-fake-device-for-media-stream'], async (page) => {
      await page.goto('/');
      await page.getByTestId('camera-button').click();
      const status = page.getByTestId('status');
      await expect(status).toHaveAttribute('data-tone', 'error');
      await expect(status).toContainText('Camera access was denied.');
      await expect(status).toContainText('allow the camera for this site');
      await expect(page.getByTestId('camera-button')).toHaveText('Start camera');
    });
  });
});

test.describe('the camera, lost while in use', () => {
  test('says the camera stopped and how to get it back', async ({ baseURL }) => {
    // Granted through Playwright, then withdrawn: the track really ends (docs/testing.md).
    await withChromium(
      baseURL,
      ['--use-fake-device-for-media-stream'],
      async (page) => {
        await page.goto('/');
        await page.getByTestId('camera-button').click();
        await expect(page.getByTestId('camera-button')).toHaveText('Stop camera');
        await page.context().clearPermissions();
        const status = page.getByTestId('status');
        await expect(status).toHaveAttribute('data-tone', 'error');
        await expect(status).toContainText('The camera stopped');
        await expect(page.getByTestId('camera-button')).toHaveText('Start camera');
      },
      ['camera'],
    );
  });
});

test.describe('the camera, other failures', () => {
  const cases = [
    { name: 'NotReadableError', says: 'The camera is busy in another app.' },
    { name: 'NotFoundError', says: 'No camera was found.' },
    { name: 'OverconstrainedError', says: 'cannot provide the picture size' },
  ];
  for (const { name, says } of cases) {
    test(`${name} has its own message`, async ({ page }) => {
      // No native way to get these on demand (docs/testing.md): getUserMedia rejects with that name.
      await page.addInitScript((errorName) => {
        navigator.mediaDevices.getUserMedia = () =>
          Promise.reject(new DOMException('simulated', errorName));
      }, name);
      await page.goto('/');
      await page.getByTestId('camera-button').click();
      await expect(page.getByTestId('status')).toHaveAttribute('data-tone', 'error');
      await expect(page.getByTestId('status')).toContainText(says);
    });
  }

  test('a browser without getUserMedia is told so', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined });
    });
    await page.goto('/');
    await page.getByTestId('camera-button').click();
    await expect(page.getByTestId('status')).toContainText('This browser cannot open a camera');
  });
});

test.describe('the camera, live', () => {
  const FAKE_CAMERA = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

  test('draws the video mirrored, one frame in flight at most, ms and fps, and stops', async ({
    baseURL,
  }) => {
    await withChromium(baseURL, FAKE_CAMERA, async (page) => {
      await page.addInitScript(countEstimatesInFlight);
      await page.goto('/');
      await waitForEngine(page, /ready/);
      await page.getByTestId('camera-button').click();
      await expect(page.getByTestId('camera-button')).toHaveText('Stop camera');
      await expect(page.getByTestId('status')).toContainText('Camera on.');
      await expect(page.getByTestId('stage-canvas')).toHaveAttribute('data-mirrored', 'true');
      await expectMsPerFrame(page);
      await expect(page.getByTestId('frame-time')).toContainText(/\d+(\.\d)? fps/);
      // Chromium's own fake pattern has nobody in it.
      await expect(page.getByTestId('person-count')).toHaveAttribute('data-count', '0');
      await expect(page.getByTestId('person-count')).toContainText('No person in view');

      // The video runs at 30 fps and the model is slower: frames were dropped, never queued.
      const inFlight = await page.evaluate(() => window.estimatesInFlight);
      expect(inFlight?.sent).toBeGreaterThan(3);
      expect(inFlight?.maxInFlight).toBe(1);

      await page.getByTestId('camera-button').click();
      await expect(page.getByTestId('camera-button')).toHaveText('Start camera');
      await expect(page.getByTestId('status')).toHaveAttribute('data-tone', 'ok');
    });
  });

  test('a person in front of the camera is found and drawn over the mirrored video', async ({
    baseURL,
  }, testInfo) => {
    const dir = testDataDir();
    test.skip(!dir, 'test data missing (see the warning above)');
    test.skip(!ffmpegFound(), 'ffmpeg is needed to turn a clip into a fake camera');
    // mjpeg plays at 30 fps in the fake camera (docs/testing.md); a short, small clip is enough.
    const fakeVideo = testInfo.outputPath('bird-dog.mjpeg');
    mkdirSync(path.dirname(fakeVideo), { recursive: true });
    const made = spawnSync('ffmpeg', [
      '-y',
      '-loglevel',
      'error',
      '-i',
      path.join(dir ?? '', CAMERA_CLIP),
      '-t',
      '4',
      '-vf',
      'fps=30,scale=640:-2',
      '-q:v',
      '3',
      '-f',
      'mjpeg',
      fakeVideo,
    ]);
    expect(made.status, made.stderr.toString()).toBe(0);

    await withChromium(
      baseURL,
      [...FAKE_CAMERA, `--use-file-for-fake-video-capture=${fakeVideo}`],
      async (page) => {
        await page.setViewportSize({ width: 1366, height: 800 });
        await page.goto('/');
        await waitForEngine(page, /ready/);
        await page.getByTestId('camera-button').click();
        await expect(page.getByTestId('person-count')).toHaveAttribute('data-count', '1');
        await expectMsPerFrame(page);
        expect(await bonePixels(page)).toBeGreaterThan(MIN_BONE_PIXELS / 2);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'first-page-camera.png') });
      },
    );
  });
});

declare global {
  interface Window {
    estimatesInFlight?: { sent: number; maxInFlight: number };
  }
}

/**
 * Runs in the page before the app: counts comlink `estimate` and `analyse` calls (a camera frame
 * is one or the other) sent to workers and their answers, to see how many were ever waiting at once.
 */
function countEstimatesInFlight(): void {
  const waiting = new Set<unknown>();
  const stats = { sent: 0, maxInFlight: 0 };
  window.estimatesInFlight = stats;
  const listening = new WeakSet<Worker>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the worker as this
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (
    this: Worker,
    message: unknown,
    options?: StructuredSerializeOptions | Transferable[],
  ) {
    const call = message as { type?: unknown; path?: unknown; id?: unknown } | null;
    if (
      call?.type === 'APPLY' &&
      Array.isArray(call.path) &&
      (call.path[0] === 'estimate' || call.path[0] === 'analyse')
    ) {
      if (!listening.has(this)) {
        listening.add(this);
        this.addEventListener('message', (event: MessageEvent<{ id?: unknown } | null>) => {
          waiting.delete(event.data?.id);
        });
      }
      stats.sent++;
      waiting.add(call.id);
      stats.maxInFlight = Math.max(stats.maxInFlight, waiting.size);
    }
    // Both overloads of postMessage take (message, transfer-or-options).
    post.call(this, message, options as StructuredSerializeOptions);
  };
}
