/**
 * Faults a set survives, in a real Chromium on the built app: the real worker and model, and
 * Chromium's fake camera fed a real clip. The worker is made to fail from inside (it closes
 * itself, as a hung or crashed worker would, through the `?faults` hook), and the engine is
 * switched by the person mid-set; either way the set keeps its counts and goes on counting.
 */
import { expect, test } from '@playwright/test';
import type {} from '../../src/ui/fault-hooks';
import type { Page } from '@playwright/test';
import {
  COACHING_MS,
  ENGINE_READY_MS,
  STEADY_REP_CLIP,
  chooseExercise,
  clipCamera,
  fakeVideo,
  repsShown,
  shot,
  waitForEngine,
  withChromium,
} from './support/workout-page';

/** Time for the next reps on a busy machine: a few loops of the clip, in ms. */
const NEXT_REPS_MS = 90_000;

/** Opens the app, starts a long bird-dog set and waits for its first rep. */
async function countingSet(page: Page, query = ''): Promise<number> {
  await page.goto(`/${query}`);
  await waitForEngine(page);
  await chooseExercise(page, 'bird-dog');
  await page.getByTestId('plan-sets').fill('1');
  await page.getByTestId('plan-reps').fill('30');
  await page.getByTestId('start-workout').click();
  await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'counting', {
    timeout: COACHING_MS,
  });
  await expect.poll(() => repsShown(page), { timeout: NEXT_REPS_MS }).toBeGreaterThan(0);
  return repsShown(page);
}

test.describe('a worker that dies mid-set', () => {
  for (const kind of ['exit', 'error'] as const) {
    test(`(${kind}) is replaced, says so, and the set keeps its counts`, async ({
      baseURL,
    }, testInfo) => {
      const video = fakeVideo(testInfo, STEADY_REP_CLIP);
      test.skip(!video, 'test data or ffmpeg missing');
      await withChromium(baseURL, clipCamera(video), async (page) => {
        const before = await countingSet(page, '?faults');
        await page.evaluate((failure) => {
          if (!window.__plumbline) throw new Error('The fault hooks are not exposed.');
          window.__plumbline.crashWorker(failure);
        }, kind);
        const status = page.getByTestId('status');
        await expect(status).toContainText('Restarting the pose engine', { timeout: 20_000 });
        await expect(status).toContainText('counts are kept');
        await shot(page, `crash-restarting-${kind}`);
        // Nothing is lost: the same set, the same counts.
        await expect(page.getByTestId('set-label')).toHaveText('Set 1 of 1');
        expect(await repsShown(page)).toBeGreaterThanOrEqual(before);
        await expect(status).toContainText('Camera on.', { timeout: ENGINE_READY_MS });
        await expect(page.getByTestId('frame-time')).toContainText('MediaPipe · full');
        // And coaching goes on: new reps add to the old ones.
        await expect.poll(() => repsShown(page), { timeout: NEXT_REPS_MS }).toBeGreaterThan(before);
        await expect(page.getByTestId('coach-panel')).not.toHaveAttribute('data-phase', 'finished');
      });
    });
  }
});

test.describe('switching model mid-set', () => {
  test('keeps the set and its counts, and counting goes on with the new model', async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, STEADY_REP_CLIP);
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      const before = await countingSet(page);
      await page.getByTestId('engine-select').selectOption('mediapipe:lite');
      await expect(page.getByTestId('frame-time')).toContainText('MediaPipe · lite', {
        timeout: ENGINE_READY_MS,
      });
      await expect(page.getByTestId('set-label')).toHaveText('Set 1 of 1');
      expect(await repsShown(page)).toBeGreaterThanOrEqual(before);
      await expect.poll(() => repsShown(page), { timeout: NEXT_REPS_MS }).toBeGreaterThan(before);
      await shot(page, 'switch-model-mid-set');
    });
  });
});

test.describe('the automatic model choice', () => {
  test('is the default, times the models on camera frames, settles, and can be overridden', async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, STEADY_REP_CLIP);
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await page.goto('/');
      await waitForEngine(page);
      const picker = page.getByTestId('engine-select');
      await expect(picker).toHaveValue('auto');
      const autoOption = picker.locator('option[value="auto"]');
      await expect(autoOption).toHaveText('Auto: MediaPipe · full (measuring…)');
      // The camera alone (no set): models are timed on frames with a person and switched freely.
      await page.getByTestId('camera-button').click();
      await expect(autoOption).toHaveText(/^Auto: .+ \(keeps up on this device\)$/, {
        timeout: 3 * ENGINE_READY_MS,
      });
      // What Auto says it runs is what runs.
      const chosen = /^Auto: (.+) \(/.exec((await autoOption.textContent()) ?? '')?.[1] ?? '';
      await expect(page.getByTestId('frame-time')).toContainText(chosen, {
        timeout: ENGINE_READY_MS,
      });
      testInfo.annotations.push({ type: 'auto chose', description: chosen });
      // A model picked by hand wins, and is remembered; Auto can be chosen again.
      await picker.selectOption('movenet:lightning');
      await expect(page.getByTestId('frame-time')).toContainText('MoveNet · lightning', {
        timeout: ENGINE_READY_MS,
      });
      await page.reload();
      await expect(picker).toHaveValue('movenet:lightning');
      await picker.selectOption('auto');
      await expect(picker).toHaveValue('auto');
    });
  });
});
