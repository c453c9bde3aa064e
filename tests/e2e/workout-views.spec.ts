/**
 * Issue #17 through the real app: clips filmed off side-on, played by Chromium's fake camera into
 * the real model. What a person must see and hear: no set starts while the view is wrong, a cue is
 * not said over and over nor traded with praise, Auto says what it chose, and the counter reads
 * "on each side".
 */
import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import {
  COACHING_MS,
  ENGINE_READY_MS,
  clipCamera,
  coachMoments,
  fakeVideo,
  planOneSet,
  shot,
  watchCoach,
  withChromium,
} from './support/workout-page';
import type { CoachMoment } from './support/workout-page';

/**
 * A sentence said again sooner than this is said over and over: the app's reminder comes after
 * 10 s of frame time, less 2 s for the lag of a frame on two busy cores (up to 1 s each).
 */
const SAID_AGAIN_AFTER_MS = 8000;
/**
 * Fault cues a good plank may see in a 20 s hold (about a minute here): a cue that comes back from
 * "can't judge" twice within 20 s is not shown again (cue-policy.ts HOVER_RETURNS).
 */
const FAULT_CUE_SHOWINGS = 3;
/** A whole set on a slow model, placement included, in ms. */
const SET_MS = 150_000;
/** The engine's load, then a set. */
const ENGINE_AND_SET_MS = ENGINE_READY_MS + COACHING_MS + SET_MS;
/**
 * Auto times 25 frames with a person (5 warm-up, 20 timed): at the 4-10 frames a second of a full
 * model on two busy cores, within 10 s of counting, which begins at the earliest frames.
 */
const AUTO_SETTLES_MS = 10_000;

/** Sentences said again too soon: each with the seconds since it was last said. */
function saidTooSoon(moments: readonly CoachMoment[]): string[] {
  const lastSaid = new Map<string, number>();
  const soon: string[] = [];
  for (const { said, atMs } of moments) {
    if (said === null) continue;
    const last = lastSaid.get(said);
    if (last !== undefined && atMs - last < SAID_AGAIN_AFTER_MS) {
      soon.push(`${said} (again after ${((atMs - last) / 1000).toFixed(1)} s)`);
    }
    lastSaid.set(said, atMs);
  }
  return soon;
}

/** How often the counting headline turned to a cue of this tone. */
function cueShowings(moments: readonly CoachMoment[], tone: string): number {
  const counting = moments.filter((m) => m.phase === 'counting' && m.said === null);
  return counting.filter((m, i) => m.tone === tone && counting[i - 1]?.tone !== tone).length;
}

/** The set as the person met it, kept with the test's results; returned to explain a failure. */
async function attachMoments(testInfo: TestInfo, moments: readonly CoachMoment[]): Promise<string> {
  const lines = moments.map(
    (m) =>
      `${(m.atMs / 1000).toFixed(1)} ${m.phase} | ${m.said === null ? `${m.tone}: ${m.headline}` : `said: ${m.said}`} | ${m.count}`,
  );
  const text = lines.join('\n');
  await testInfo.attach('moments', { body: text, contentType: 'text/plain' });
  return text;
}

async function startOneSet(page: Page, id: string, target: { reps?: number; hold?: number }) {
  await planOneSet(page, id, target);
  await page.getByTestId('start-workout').click();
}

test.describe('a forearm plank filmed from the front three-quarter view', () => {
  test('is not coached with one cue over and over, Auto settles and says so, and the hold gets its seconds', async ({
    baseURL,
  }, testInfo) => {
    test.setTimeout(ENGINE_AND_SET_MS);
    const video = fakeVideo(testInfo, 'plank/plank_unknown_forearm_34view_01.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await page.addInitScript(watchCoach);
      await startOneSet(page, 'plank', { hold: 20 });
      const panel = page.getByTestId('coach-panel');
      await expect(panel).toHaveAttribute('data-phase', 'counting', { timeout: COACHING_MS });
      // Within a few seconds of frames with a person, Auto says what it runs and what it chose.
      const autoOption = page.getByTestId('engine-select').locator('option[value="auto"]');
      await expect(autoOption).toHaveText(
        /^Auto: .+ \((keeps up on this device|.+ after this set)\)$/,
        { timeout: AUTO_SETTLES_MS },
      );
      await shot(page, 'plank-three-quarter');
      // A good plank is credited its good-form seconds: the hold reaches its target.
      await expect(panel).toHaveAttribute('data-phase', 'finished', { timeout: SET_MS });
      await expect(page.getByTestId('big-count')).toHaveText('20 s of 20 s');
      const { moments } = await coachMoments(page);
      const seen = await attachMoments(testInfo, moments);
      expect(saidTooSoon(moments), seen).toEqual([]);
      // Not the cue over and over (issue #17: six times in 44 s): once, maybe again a while later.
      expect(cueShowings(moments, 'fault'), seen).toBeLessThanOrEqual(FAULT_CUE_SHOWINGS);
    });
  });
});

test.describe('a bird-dog clip cut from a front three-quarter view to a side view', () => {
  /** What the coach says over form it cannot check from this angle (content/undecided.ts). */
  const FORM_NEEDS_SIDE = 'Counting. Turn sideways so I can check your form too.';
  /** The leg-too-high cue (content/exercises/bird-dog.ts). */
  const LEG_TOO_HIGH = 'Reach your leg back, not up.';

  test('counts the lifts from both angles, says form needs the side view there, and judges it side-on', async ({
    baseURL,
  }, testInfo) => {
    test.setTimeout(ENGINE_AND_SET_MS);
    const video = fakeVideo(testInfo, 'bird_dog/bird_dog_legtoohigh_video_01.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await page.addInitScript(watchCoach);
      // The clip's 8 lifts, 4 a side: a whole loop, both angles, in one set.
      await startOneSet(page, 'bird-dog', { reps: 4 });
      const panel = page.getByTestId('coach-panel');
      await expect(panel).toHaveAttribute('data-phase', 'counting', { timeout: COACHING_MS });
      await expect(page.getByTestId('big-count')).toHaveText(/^\d of 4 reps on each side$/);
      await expect(panel).toHaveAttribute('data-phase', 'finished', { timeout: SET_MS });
      await expect(page.getByTestId('big-count')).toHaveText('4 of 4 reps on each side');
      await shot(page, 'bird-dog-done');

      const { moments } = await coachMoments(page);
      const seen = await attachMoments(testInfo, moments);
      const counting = moments.filter((m) => m.phase === 'counting');
      // Front three-quarter: counted, and the form left open, never called good or faulty.
      expect(
        counting.some((m) => m.headline === FORM_NEEDS_SIDE),
        seen,
      ).toBe(true);
      // Side-on the form is judged: the leg cue or "Good form", no longer the angle note. (Whether
      // the high leg is cued is checked on the recorded landmarks, bird-dog.test.ts: live, on two
      // busy cores, a 1 s lift may fall between a few slow frames.)
      expect(
        counting.some((m) => m.headline === LEG_TOO_HIGH || m.tone === 'good'),
        seen,
      ).toBe(true);
      expect(saidTooSoon(moments), seen).toEqual([]);
    });
  });
});
