import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { EngineModel } from '../../src/pose/pose';

async function tryLoad(page: Page, engine: EngineModel) {
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

    test('the intact model loads', async ({ page }) => {
      const outcome = await tryLoad(page, engine);
      expect(outcome).toEqual({ ok: true, code: null, message: '' });
    });
  });
}
