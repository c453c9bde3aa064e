/**
 * The posture check end to end in a real Chromium on the built app: a countdown photo from the fake
 * camera playing a real standing photo, opened photos, snapshots kept across a reload, two compared,
 * one deleted, a photo with nobody in it, and a full store. What is checked is what a person sees.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { testDataDir } from '../support/testdata';
import {
  FAKE_CAMERA,
  FAULT_RGB,
  SCREENSHOT_DIR,
  clipCamera,
  fakeVideo,
  waitForEngine,
  withChromium,
} from './support/workout-page';

const SIDE_PHOTO = 'standing_posture/standing_posture_forwardhead_side_01.jpg';
const FRONT_PHOTO = 'standing_posture/standing_posture_neutral_front_02.jpg';
const OTHER_FRONT_PHOTO = 'standing_posture/standing_posture_neutral_front_03.jpg';
/** The plumb line's yellow (src/ui/render/posture.ts, POSTURE_STYLE.plumbColour). */
const PLUMB_RGB = [255, 214, 0] as const;
/** Colour tolerance per channel (0-255). */
const COLOUR_TOLERANCE = 3;
/** A drawn line or arc covers hundreds of pixels; a few stray matches in a photo are noise. */
const MIN_LINE_PIXELS = 100;
/** Model load on two busy cores, then one still measured, in ms. */
const RESULT_MS = 90_000;

function dataFile(file: string): string {
  const dir = testDataDir();
  return dir ? path.join(dir, file) : '';
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `posture-check-${name}.png`),
    fullPage: true,
  });
}

async function openPostureCheck(page: Page): Promise<void> {
  await page.goto('/');
  await waitForEngine(page);
  await page.getByTestId('mode-photo').click();
  await expect(page.getByTestId('mode-photo')).toHaveText('Posture check');
  await expect(page.getByTestId('posture-panel')).toBeVisible();
}

/** Pixels of the stage canvas matching a colour, counted in the page. */
function pixelsOf(page: Page, rgb: readonly [number, number, number]): Promise<number> {
  return page.getByTestId('stage-canvas').evaluate(
    (canvas, { rgb: [r, g, b], tolerance }) => {
      if (!(canvas instanceof HTMLCanvasElement)) return -1;
      const ctx = canvas.getContext('2d');
      if (!ctx) return -1;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs((data[i] ?? 0) - r) <= tolerance &&
          Math.abs((data[i + 1] ?? 0) - g) <= tolerance &&
          Math.abs((data[i + 2] ?? 0) - b) <= tolerance
        ) {
          count++;
        }
      }
      return count;
    },
    { rgb, tolerance: COLOUR_TOLERANCE },
  );
}

async function openPhoto(page: Page, file: string): Promise<void> {
  await page.getByTestId('photo-input').setInputFiles(dataFile(file));
}

test.describe('posture check', () => {
  test.skip(() => !testDataDir(), 'test data missing (see the warning above)');

  test('a countdown photo from the camera: counts down, measures, draws, keeps a snapshot across a reload', async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, SIDE_PHOTO, { still: true });
    test.skip(!video, 'ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await openPostureCheck(page);
      await expect(page.getByTestId('snapshot-item')).toHaveCount(0);
      await page.getByTestId('countdown-3').check();
      await page.getByTestId('posture-capture').click();
      const countdown = page.getByTestId('countdown');
      await expect(countdown).toContainText('3', { timeout: RESULT_MS });
      await expect(countdown).toContainText('Step back');
      await shot(page, 'countdown');
      // Each number shows for a second; on a loaded machine a poll can miss one, so wait for a
      // number lower than the first rather than for each in turn.
      await expect(countdown).toContainText(/[12]/);

      const result = page.getByTestId('posture-result');
      await expect(result).toHaveAttribute('data-status', 'ok', { timeout: RESULT_MS });
      await expect(countdown).toHaveCount(0);
      await expect(page.getByTestId('posture-headline')).toContainText('side view');
      await expect(page.getByTestId('posture-headline')).toContainText('Head forward');
      await expect(page.getByTestId('reading-forwardHeadLeanDeg')).toHaveAttribute(
        'data-kind',
        'measured',
      );
      await expect(page.getByTestId('reading-forwardHeadLeanDeg')).toContainText(/\d+°/);
      // Cut at mid-thigh: the plumb line says what it cannot see instead of a number.
      await expect(page.getByTestId('reading-hipForwardOfAnklePctHeight')).toContainText(
        'Can’t see your',
      );
      await expect(page.getByTestId('reading-hipForwardOfAnklePctHeight')).toContainText('ankles');
      // The flagged head angle is drawn in orange on the (now still) picture.
      await expect(page.getByTestId('stage-canvas')).toHaveAttribute('data-mirrored', 'false');
      expect(await pixelsOf(page, FAULT_RGB)).toBeGreaterThan(MIN_LINE_PIXELS);
      await expect(page.getByTestId('snapshot-save')).toHaveAttribute('data-state', 'saved');
      await expect(page.getByTestId('snapshot-item')).toHaveCount(1);
      await expect(page.getByTestId('snapshot-item')).toContainText('side view · camera');
      await expect(page.getByTestId('snapshot-item')).toContainText('Head forward');
      await shot(page, 'camera');

      await page.reload();
      await page.getByTestId('mode-photo').click();
      await expect(page.getByTestId('snapshot-item')).toHaveCount(1);
      const thumbnail = page.getByTestId('snapshot-item').locator('img');
      await expect(thumbnail).toHaveJSProperty('complete', true);
      expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
        100,
      );
    });
  });

  test('opened photos: measured from the front, kept, two compared, one deleted, the image saved', async ({
    page,
  }) => {
    await openPostureCheck(page);
    await openPhoto(page, FRONT_PHOTO);
    await expect(page.getByTestId('posture-result')).toHaveAttribute('data-status', 'ok', {
      timeout: RESULT_MS,
    });
    await expect(page.getByTestId('posture-headline')).toContainText('front view');
    for (const id of ['shoulderTiltDeg', 'hipTiltDeg', 'headTiltDeg', 'weightShiftPctTorso']) {
      await expect(page.getByTestId(`reading-${id}`)).toHaveAttribute('data-kind', 'measured');
    }
    // Weight shift is measured against the line up from between the feet.
    expect(await pixelsOf(page, PLUMB_RGB)).toBeGreaterThan(MIN_LINE_PIXELS);
    await expect(page.getByTestId('snapshot-save')).toHaveAttribute('data-state', 'saved');
    await shot(page, 'photo');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('posture-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^posture-check-.*\.png$/);

    await openPhoto(page, OTHER_FRONT_PHOTO);
    await expect(page.getByTestId('snapshot-item')).toHaveCount(2, { timeout: RESULT_MS });
    await page.reload();
    await page.getByTestId('mode-photo').click();
    await expect(page.getByTestId('snapshot-item')).toHaveCount(2);

    await expect(page.getByTestId('snapshots-compare')).toBeDisabled();
    const picks = page.getByTestId('snapshot-pick');
    await picks.nth(0).check();
    await picks.nth(1).check();
    await page.getByTestId('snapshots-compare').click();
    const compare = page.getByTestId('snapshot-compare');
    await expect(compare).toBeVisible();
    await expect(compare.locator('img')).toHaveCount(2);
    for (const id of ['shoulderTiltDeg', 'hipTiltDeg', 'headTiltDeg', 'weightShiftPctTorso']) {
      const row = page.getByTestId(`compare-${id}`);
      await expect(row).toHaveAttribute('data-verdict', /^(better|worse|same)$/);
      await expect(row).toContainText(/(better|worse|about the same)/);
    }
    await expect(page.getByTestId('compare-forwardHeadLeanDeg')).toHaveCount(0);
    await shot(page, 'compare');

    await page.getByTestId('snapshot-delete').first().click();
    await expect(page.getByTestId('snapshots-message')).toHaveText('Snapshot deleted.');
    await expect(page.getByTestId('snapshot-item')).toHaveCount(1);
    await expect(compare).toHaveCount(0);
    await page.reload();
    await page.getByTestId('mode-photo').click();
    await expect(page.getByTestId('snapshot-item')).toHaveCount(1);
  });

  test('a picture too big to open, or not a picture at all, says so and saves nothing', async ({
    page,
  }) => {
    await openPostureCheck(page);
    const status = page.getByTestId('status');
    await page.getByTestId('photo-input').setInputFiles({
      name: 'huge.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.alloc(41 * 1024 * 1024, 0xff),
    });
    await expect(status).toContainText('This picture is too big to open here (over 40 MB).');
    await page.getByTestId('photo-input').setInputFiles({
      name: 'not-a-photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<svg onload="alert(1)"></svg>'),
    });
    await expect(status).toContainText('This file could not be opened.');
    await expect(page.getByTestId('snapshot-item')).toHaveCount(0);
    await expect(page.getByTestId('snapshots')).toContainText('No snapshots yet.');
  });

  test('a photo with nobody in it says so and saves nothing', async ({ page }) => {
    await openPostureCheck(page);
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
    await page.getByTestId('photo-input').setInputFiles({
      name: 'empty-room.png',
      mimeType: 'image/png',
      buffer: Buffer.from(emptyPng),
    });
    await expect(page.getByTestId('posture-result')).toHaveAttribute('data-status', 'no-person', {
      timeout: RESULT_MS,
    });
    await expect(page.getByTestId('posture-headline')).toHaveText(
      'No person found in this picture, so there is nothing to measure. Nothing was saved.',
    );
    await expect(page.getByTestId('snapshot-save')).toHaveCount(0);
    await expect(page.getByTestId('posture-download')).toHaveCount(0);
    await expect(page.getByTestId('snapshots')).toContainText('No snapshots yet.');
    await shot(page, 'nobody');
    await page.reload();
    await page.getByTestId('mode-photo').click();
    await expect(page.getByTestId('snapshots')).toContainText('No snapshots yet.');
    await expect(page.getByTestId('snapshot-item')).toHaveCount(0);
  });

  test('a full store: says so, and the measured picture stays on screen and can be saved', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      // What a browser does when the device is out of space: the write fails with a quota error.
      IDBObjectStore.prototype.add = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await openPostureCheck(page);
    await openPhoto(page, FRONT_PHOTO);
    const saving = page.getByTestId('snapshot-save');
    await expect(saving).toHaveAttribute('data-state', 'failed', { timeout: RESULT_MS });
    await expect(saving).toContainText('out of storage space');
    await expect(saving).toContainText('stays on screen');
    await expect(page.getByTestId('reading-shoulderTiltDeg')).toHaveAttribute(
      'data-kind',
      'measured',
    );
    expect(await pixelsOf(page, PLUMB_RGB)).toBeGreaterThan(MIN_LINE_PIXELS);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('posture-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    await shot(page, 'storage-full');
  });

  test('no storage at all (a private window): says so, measures anyway, nothing lost on screen', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      // Some private modes have no IndexedDB.
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await openPostureCheck(page);
    await expect(page.getByTestId('snapshots')).toContainText(
      'does not let Plumbline save anything',
    );
    await openPhoto(page, SIDE_PHOTO);
    const saving = page.getByTestId('snapshot-save');
    await expect(saving).toHaveAttribute('data-state', 'failed', { timeout: RESULT_MS });
    await expect(saving).toContainText('does not let Plumbline save anything');
    await expect(saving).toContainText('stays on screen');
    await expect(page.getByTestId('reading-forwardHeadLeanDeg')).toHaveAttribute(
      'data-kind',
      'measured',
    );
    await expect(page.getByTestId('posture-download')).toBeEnabled();
  });

  test('camera refused: the countdown stops and the camera’s own message is shown', async ({
    baseURL,
  }) => {
    // A fake camera exists, but nobody grants it: headless Chromium answers NotAllowedError.
    await withChromium(baseURL, FAKE_CAMERA.slice(1), async (page) => {
      await openPostureCheck(page);
      await page.getByTestId('posture-capture').click();
      const status = page.getByTestId('status');
      await expect(status).toHaveAttribute('data-tone', 'error');
      await expect(status).toContainText('Camera access was denied.');
      await expect(page.getByTestId('countdown')).toHaveCount(0);
      await expect(page.getByTestId('posture-capture')).toBeEnabled();
    });
  });
});
