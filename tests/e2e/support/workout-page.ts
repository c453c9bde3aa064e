/**
 * Shared by the workout e2e specs: the fake camera fed real clips (converted to .y4m under the
 * test's output folder, never committed), a Chromium of its own per camera test, the speech spy,
 * and the few steps every workout test takes (engine ready, exercise chosen, screenshots).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect } from '@playwright/test';
import type { BrowserContext, Page, TestInfo } from '@playwright/test';
import { chromiumLaunchOptions } from '../../../scripts/browser/chromium';
import { toY4m } from '../../../scripts/lib/y4m';
import { ffmpegFound, testDataDir, whenMissing } from '../../support/testdata';

// One copy for the specs and `npm run eval -- --live`.
export {
  FAKE_CAMERA,
  clipCamera,
  coachMoments,
  watchCoach,
} from '../../../scripts/browser/coach-watch';
export type { CoachMoment } from '../../../scripts/browser/coach-watch';

declare global {
  interface Window {
    spoken?: string[];
  }
}

export const SCREENSHOT_DIR = path.resolve('artifacts/screenshots');
/** Loading a model on two busy cores, in ms. */
export const ENGINE_READY_MS = 90_000;
/** Placement (1 s held) plus the fault gate and a few seconds of a slow model, in ms. */
export const COACHING_MS = 60_000;
/** Small enough for raw video, fast enough for the models' rep signals. */
const CAMERA_FPS = 15;
/**
 * The clip a set plays where it needs reps counted steadily: one bird-dog rep per loop. Not the
 * rendered glute bridge: the model misreads that render's glowing figure at the top of its rep, so
 * a set of it sometimes never started, or counted nothing for a minute (CI).
 */
export const STEADY_REP_CLIP = 'rendered/rendered_bird_dog_01.mp4';
/** The orange of src/ui/render/overlay.ts (OVERLAY_STYLE.faultColour). */
export const FAULT_RGB = [255, 140, 0] as const;

/** Runs before the app: records every sentence handed to speechSynthesis.speak. */
export function spyOnSpeech(): void {
  const spoken: string[] = [];
  window.spoken = spoken;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with synth as this
  const speak = speechSynthesis.speak;
  speechSynthesis.speak = function (this: SpeechSynthesis, utterance: SpeechSynthesisUtterance) {
    spoken.push(utterance.text);
    speak.call(this, utterance);
  };
}

export function spoken(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window.spoken ?? [])]);
}

/**
 * A .y4m the fake camera can play, from a clip (or, with `still`, a photo held for a few seconds)
 * in the test data: scaled to 640 wide and 15 fps to keep it small (y4m is raw video), written
 * under this test's output folder. Null when the data or ffmpeg is missing.
 */
export function fakeVideo(
  testInfo: TestInfo,
  clip: string,
  { still = false }: { readonly still?: boolean } = {},
): string | null {
  const dir = testDataDir();
  if (!dir || !existsSync(path.join(dir, clip))) return whenMissing(`The clip ${clip}`, null);
  if (!ffmpegFound()) return null;
  const out = testInfo.outputPath(`${path.parse(clip).name}.y4m`);
  mkdirSync(path.dirname(out), { recursive: true });
  return toY4m(path.join(dir, clip), out, CAMERA_FPS, { still });
}

/** A page in a Chromium of its own, launched with these flags (camera tests need their own). */
export async function withChromium(
  baseURL: string | undefined,
  args: readonly string[],
  use: (page: Page, context: BrowserContext) => Promise<void>,
  permissions: string[] = [],
): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions(args));
  try {
    const context = await browser.newContext({ baseURL, permissions });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 860 });
    await use(page, context);
  } finally {
    await browser.close();
  }
}

export async function waitForEngine(page: Page): Promise<void> {
  await expect(page.getByTestId('status')).toContainText(/ready/, { timeout: ENGINE_READY_MS });
}

/** Reps the coach panel shows for the set under way: good ones plus those with a fault. */
export async function repsShown(page: Page): Promise<number> {
  const good = Number(await page.getByTestId('count-good-reps').textContent());
  const faulty = Number(await page.getByTestId('count-fault-reps').textContent());
  return good + faulty;
}

/** Picks the exercise from the chooser; fails when the registry does not offer it. */
export async function chooseExercise(page: Page, id: string): Promise<void> {
  const radio = page.getByTestId(`exercise-${id}`);
  await radio.check();
  await expect(page.getByTestId('exercise-details')).toBeVisible();
}

/** Opens the app, waits for the engine and chooses the exercise `id`. */
async function openWithExercise(page: Page, id: string): Promise<void> {
  await page.goto('/');
  await waitForEngine(page);
  await chooseExercise(page, id);
}

/**
 * Opens the app, waits for the engine, chooses `id` with its remembered set plan and presses
 * Start: the camera starts with the set, the page's fake camera playing its clip (`clipCamera`).
 */
export async function startSetOnClip(page: Page, id: string): Promise<void> {
  await openWithExercise(page, id);
  await page.getByTestId('start-workout').click();
}

/** Opens the app, waits for the engine and plans one set of `id`: reps, or a hold in seconds. */
export async function planOneSet(
  page: Page,
  id: string,
  target: { readonly reps?: number; readonly hold?: number },
): Promise<void> {
  await openWithExercise(page, id);
  await page.getByTestId('plan-sets').fill('1');
  if (target.reps !== undefined) await page.getByTestId('plan-reps').fill(String(target.reps));
  if (target.hold !== undefined) await page.getByTestId('plan-hold').fill(String(target.hold));
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `workout-${name}.png`) });
}
