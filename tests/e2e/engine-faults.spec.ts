import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { EngineModel } from '../../src/pose/pose';
import type { EngineRequest } from '../../src/workers/detectors/types';

// Playwright's routes do not see requests a service worker answers, and a route beside one can
// leave a request hanging (microsoft/playwright#7588): a missing model once loaded for 90 s on CI.
// These tests break the model files by route, so the page runs without its service worker.
test.use({ serviceWorkers: 'block' });

/** Why Auto keeps MediaPipe on the CPU in these tests' Chromium (`--disable-gpu`). */
const NO_GPU = /^(no-gpu|software-renderer)$/;

async function tryLoad(page: Page, engine: EngineRequest) {
  await page.goto('/harness.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page.evaluate(async (config) => {
    if (!window.plumbline) throw new Error('The harness page has not loaded.');
    return window.plumbline.tryLoadEngine(config);
  }, engine);
}

const CASES = [
  { engine: { engine: 'mediapipe', model: 'full' }, file: 'pose_landmarker_full.task' },
  { engine: { engine: 'movenet', model: 'lightning' }, file: 'movenet-lightning.json' },
] as const;

for (const { engine, file } of CASES) {
  test.describe(`${engine.engine} ${engine.model} with a broken model file`, () => {
    test('a missing model file gives MODEL_LOAD naming the file', async ({ page }) => {
      await page.route(`**/models/${file}`, (route) => route.fulfill({ status: 404, body: '' }));
      const outcome = await tryLoad(page, engine);
      expect(outcome.ok).toBe(false);
      expect(outcome.code).toBe('MODEL_LOAD');
      expect(outcome.message).toContain(engine.engine === 'mediapipe' ? file : engine.model);
    });

    test('a corrupt model file gives MODEL_LOAD, not a hang or a crash', async ({ page }) => {
      await page.route(`**/models/${file}`, (route) =>
        route.fulfill({ status: 200, body: Buffer.from('this is not a model'.repeat(100)) }),
      );
      const outcome = await tryLoad(page, engine);
      expect(outcome.ok).toBe(false);
      expect(outcome.code).toBe('MODEL_LOAD');
      expect(outcome.message.length).toBeGreaterThan(10);
    });

    test('the intact model loads, on the CPU on this machine without a GPU', async ({ page }) => {
      const outcome = await tryLoad(page, engine);
      expect(outcome).toEqual({
        ok: true,
        processor: {
          processor: 'cpu',
          reason: engine.engine === 'movenet' ? 'cpu-engine' : expect.stringMatching(NO_GPU),
        },
        code: null,
        message: '',
      });
    });
  });
}

/** The app page, with the engine it remembers set to `engine` before it loads. */
async function openAppWith(page: Page, engine: EngineModel): Promise<void> {
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'plumbline.settings.v1',
      JSON.stringify({ engine: key, autoEngine: false }),
    );
  }, `${engine.engine}:${engine.model}`);
  await page.goto('/');
}

const APP_CASES = [
  { ...CASES[0], other: 'MoveNet', otherReady: 'MoveNet · lightning ready', broken: 'missing' },
  { ...CASES[1], other: 'MediaPipe', otherReady: 'MediaPipe · full ready', broken: 'corrupt' },
] as const;

for (const { engine, file, other, otherReady, broken } of APP_CASES) {
  test(`the app with a ${broken} ${engine.engine} model says so and offers ${other}`, async ({
    page,
  }) => {
    await page.route(`**/models/${file}`, (route) =>
      broken === 'missing'
        ? route.fulfill({ status: 404, body: '' })
        : route.fulfill({ status: 200, body: Buffer.from('this is not a model'.repeat(100)) }),
    );
    await openAppWith(page, engine);
    const status = page.getByTestId('status');
    await expect(status).toHaveAttribute('data-tone', 'error', { timeout: 90_000 });
    await expect(status).toContainText('The pose model could not be loaded.');
    const useOther = page.getByTestId('use-other-engine');
    await expect(useOther).toHaveText(`Use ${other} instead`);
    await page.screenshot({ path: `artifacts/screenshots/model-missing-${engine.engine}.png` });
    // Switches in place: no reload, and the choice sticks in the picker.
    await page.evaluate(() => {
      (window as { notReloaded?: boolean }).notReloaded = true;
    });
    await useOther.click();
    await expect(status).toContainText(otherReady, { timeout: 90_000 });
    await expect(useOther).toHaveCount(0);
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect(page.getByTestId('engine-select')).toHaveValue(
      other === 'MoveNet' ? 'movenet:lightning' : 'mediapipe:full',
    );
  });
}
