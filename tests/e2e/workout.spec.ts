/**
 * The live workout screen, end to end in a real Chromium on the built app: the real model in the
 * real worker, Chromium's fake camera fed real clips from the test data (converted to .y4m here,
 * never committed), and speech watched through a spy on speechSynthesis.speak (headless Chromium
 * has no voices: docs/testing.md). What is checked is what the person sees and hears.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium';
import {
  COACHING_MS,
  ENGINE_READY_MS,
  FAKE_CAMERA,
  FAULT_RGB,
  STEADY_REP_CLIP,
  chooseExercise,
  clipCamera,
  coachMoments,
  fakeVideo,
  shot,
  spoken,
  spyOnSpeech,
  startSetOnClip,
  waitForEngine,
  watchCoach,
  withChromium,
} from './support/workout-page';

// The default page of this file: Chromium's own fake camera (a test pattern, nobody in it), granted.
test.use({ launchOptions: chromiumLaunchOptions(FAKE_CAMERA) });

/** The bone colour of src/ui/render/skeleton.ts (SKELETON_STYLE.boneColour). */
const BONE_RGB = [0, 229, 255] as const;

/** Canvas pixels in the fault colour: the highlighted segment and its label's edge. */
function faultPixels(page: Page): Promise<number> {
  return canvasPixels(page, FAULT_RGB);
}

/** Pixels of a canvas (by default the stage's: the drawing over the video) in one colour. */
function canvasPixels(
  page: Page,
  colour: readonly [number, number, number],
  testId = 'stage-canvas',
): Promise<number> {
  return page.getByTestId(testId).evaluate((canvas, rgb) => {
    if (!(canvas instanceof HTMLCanvasElement)) return -1;
    const ctx = canvas.getContext('2d');
    if (!ctx) return -1;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        Math.abs((data[i] ?? 0) - rgb[0]) <= 3 &&
        Math.abs((data[i + 1] ?? 0) - rgb[1]) <= 3 &&
        Math.abs((data[i + 2] ?? 0) - rgb[2]) <= 3
      ) {
        count++;
      }
    }
    return count;
  }, colour);
}

test.describe('choosing, an empty room, voice, keys and safety', () => {
  test('lists the exercises with instructions and shows the placement message', async ({
    page,
  }) => {
    await page.addInitScript(spyOnSpeech);
    await page.setViewportSize({ width: 1366, height: 860 });
    await page.goto('/');
    await expect(page.getByTestId('safety-note')).toBeVisible();
    await expect(page.getByTestId('pain-button')).toHaveText('Sharp pain? Stop');
    await expect(page.getByTestId('key-help')).toContainText('mute / unmute the voice');
    await waitForEngine(page);
    const offered = await page.locator('[data-testid^="exercise-"][type="radio"]').count();
    test.skip(offered === 0, 'no exercise is registered yet');
    await expect(page.getByTestId('exercise-details')).toContainText('How to do it');
    await shot(page, 'choose');

    // The safety note stays dismissed after a reload; the choices are remembered.
    await page.getByTestId('safety-note-dismiss').click();
    await page.getByTestId('strictness-advanced').check();
    await page.reload();
    await expect(page.getByTestId('safety-note')).toHaveCount(0);
    await expect(page.getByTestId('strictness-advanced')).toBeChecked();
    await waitForEngine(page);

    // S starts without a mouse: camera on, placement first. Chromium's pattern has nobody in it.
    await page.keyboard.press('s');
    const panel = page.getByTestId('coach-panel');
    await expect(panel).toHaveAttribute('data-phase', 'placing');
    await expect(page.getByTestId('headline')).toHaveText(
      'Step back until your whole body is visible.',
    );
    await expect(page.getByTestId('cue')).toHaveText('Step back until your whole body is visible.');
    // Said once (the cooldown keeps it from repeating), and shown as text.
    await expect.poll(() => spoken(page)).toContain('Step back until your whole body is visible.');
    await expect(page.getByTestId('big-count')).toBeVisible();
    await shot(page, 'placement');

    // M mutes: nothing more is said, but everything is still shown.
    await page.keyboard.press('m');
    await expect(page.getByTestId('mute-button')).toHaveAttribute('aria-pressed', 'true');
    const before = (await spoken(page)).length;
    await page.keyboard.press(' ');
    await expect(panel).toHaveAttribute('data-phase', 'paused');
    await expect(page.getByTestId('headline')).toHaveText('Paused. Press Space to resume.');
    await page.keyboard.press(' ');
    await expect(panel).toHaveAttribute('data-phase', 'placing');
    await page.keyboard.press('e');
    await expect(panel).toHaveAttribute('data-phase', 'resting');
    await expect(page.getByTestId('rest-timer')).toContainText(/\d+ s/);
    await page.waitForTimeout(1500);
    expect(await spoken(page)).toHaveLength(before);
    await shot(page, 'rest');

    // The mute choice is remembered.
    await page.reload();
    await expect(page.getByTestId('mute-button')).toHaveAttribute('aria-pressed', 'true');
  });

  test('a hidden tab pauses the set and coming back resumes it', async ({ page }) => {
    await page.goto('/');
    await waitForEngine(page);
    test.skip((await page.locator('[data-testid^="exercise-"]').count()) === 0, 'no exercise');
    await page.getByTestId('start-workout').click();
    const panel = page.getByTestId('coach-panel');
    await expect(panel).toHaveAttribute('data-phase', 'placing');
    const setHidden = (hidden: boolean): Promise<void> =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'hidden', { value, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await expect(panel).toHaveAttribute('data-phase', 'paused');
    await expect(page.getByTestId('headline')).toContainText('Paused while the page is hidden.');
    await setHidden(false);
    await expect(panel).toHaveAttribute('data-phase', 'placing');
  });

  test('"Sharp pain? Stop" stops the set and says what to do', async ({ page }) => {
    await page.goto('/');
    await waitForEngine(page);
    test.skip((await page.locator('[data-testid^="exercise-"]').count()) === 0, 'no exercise');
    await page.getByTestId('start-workout').click();
    await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'placing');
    await page.getByTestId('pain-button').click();
    const dialog = page.getByTestId('pain-dialog');
    await expect(dialog).toContainText('Sharp, shooting or radiating pain is a signal to stop.');
    await expect(dialog).toContainText('see a healthcare professional');
    await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'paused');
    await shot(page, 'pain');
    await dialog.getByRole('button', { name: 'End the workout' }).click();
    await expect(page.getByTestId('start-workout')).toBeVisible();
    await expect(page.getByTestId('camera-button')).toHaveText('Start camera');
  });
});

test.describe('camera failures in a workout', () => {
  test('denied permission has its own message', async ({ baseURL }) => {
    // A fake camera exists, but nobody grants it: NotAllowedError.
    await withChromium(baseURL, ['--use-fake-device-for-media-stream'], async (page) => {
      await page.goto('/');
      await page.getByTestId('camera-button').click();
      await expect(page.getByTestId('status')).toHaveAttribute('data-tone', 'error');
      await expect(page.getByTestId('status')).toContainText('Camera access was denied.');
      await expect(page.getByTestId('status')).toContainText('allow the camera for this site');
    });
  });

  test('a permission prompt that never answers is called out', async ({ page }) => {
    await page.clock.install();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => new Promise<MediaStream>(() => undefined);
    });
    await page.goto('/');
    await page.getByTestId('camera-button').click();
    await expect(page.getByTestId('camera-button')).toHaveText('Starting…');
    await page.clock.fastForward(13_000);
    await expect(page.getByTestId('status')).toContainText(
      'The browser has not answered the camera request yet.',
    );
    await expect(page.getByTestId('status')).toContainText('choose “Allow”');
  });

  test('a camera lost mid-set pauses the set and says how to get it back', async ({ baseURL }) => {
    // Granted, then withdrawn: the track really ends (docs/testing.md).
    await withChromium(
      baseURL,
      ['--use-fake-device-for-media-stream'],
      async (page, context) => {
        await page.goto('/');
        await waitForEngine(page);
        test.skip((await page.locator('[data-testid^="exercise-"]').count()) === 0, 'no exercise');
        await page.getByTestId('start-workout').click();
        await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'placing');
        // Only once the camera is really live: withdrawn earlier, it would be a plain denial.
        await expect(page.getByTestId('camera-button')).toHaveText('Stop camera');
        await context.clearPermissions();
        await expect(page.getByTestId('status')).toContainText('The camera stopped');
        await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'paused');
        await expect(page.getByTestId('camera-button')).toHaveText('Start camera');
      },
      ['camera'],
    );
  });
});

test.describe('a plank with piked hips', () => {
  test('places, counts and shows the "hips too high" cue with the hip angle marked', async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, 'plank/plank_hipshigh_video_01.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await page.addInitScript(spyOnSpeech);
      await startSetOnClip(page, 'plank');
      await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'counting', {
        timeout: COACHING_MS,
      });
      const cue = page.getByTestId('cue');
      await expect(cue).toHaveAttribute('data-fault', 'plank.hips-piked', { timeout: COACHING_MS });
      await expect(cue).toHaveText('Lower your hips into a straight line.');
      await expect(page.getByTestId('headline')).toHaveText(
        'Lower your hips into a straight line.',
      );
      expect(await spoken(page)).toContain('Lower your hips into a straight line.');
      // The segment at fault: orange on the canvas, with its text label beside it.
      await expect.poll(() => faultPixels(page)).toBeGreaterThan(100);
      await shot(page, 'plank-piked');
    });
  });
});

test.describe('a sagging plank', () => {
  // The engine, the clip and the cue are the sagging test's; the replay of that set follows them.
  test.setTimeout(240_000);
  // The clip starts lying prone, then sags, on a 4.5 s loop. The lumbar bend on the back's outline
  // is the evidence; a fault outranks the "get into position" advice left from the loop's start.
  // The set is then ended and replayed from History: its skeleton, its sag on the timeline.
  test('cues the sagging hips, never the opposite fault, and replays the set', async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, 'plank/plank_sagging_video_01.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await startSetOnClip(page, 'plank');
      await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'counting', {
        timeout: COACHING_MS,
      });
      const seen = new Set<string>();
      // Four loops of the clip.
      for (let i = 0; i < 72 && !seen.has('plank.hips-sagging'); i++) {
        seen.add((await page.getByTestId('cue').getAttribute('data-fault')) ?? '');
        await page.waitForTimeout(250);
      }
      testInfo.annotations.push({ type: 'cues seen', description: [...seen].join(', ') || 'none' });
      expect([...seen]).toContain('plank.hips-sagging');
      expect([...seen]).not.toContain('plank.hips-piked');
      // The evidence drawn in the fault colour (the back's outline and the hip angle) as it sags;
      // it is redrawn with every result, so the picture is kept only if the highlight outlasted it.
      await expect
        .poll(
          async () => {
            if ((await faultPixels(page)) <= 100) return false;
            await shot(page, 'plank-sagging');
            return (await faultPixels(page)) > 100;
          },
          { timeout: COACHING_MS },
        )
        .toBe(true);
      await replaySagFromHistory(page);
    });
  });
});

/** Records in one store of the page's IndexedDB (read with IndexedDB itself, never creating it). */
function storedRecords(page: Page, store: 'replays' | 'sessions'): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('plumbline');
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
    store,
  );
}

/**
 * Ends the set under way, opens its replay in History, and checks what a person meets there: the
 * skeleton drawn, the cued sag named on the timeline, the scrubber (mouse and keys) moving the time
 * and the named fault between a good and a sagging moment, Escape shared between the replay and the
 * workout's Delete question, and Delete removing the replay; then deletes the workout itself from
 * its row, answering the question with the keyboard.
 */
async function replaySagFromHistory(page: Page): Promise<void> {
  // Ended at a moment without the cue (the clip lies prone each loop), so the set has one too.
  await expect(page.getByTestId('cue')).toHaveAttribute('data-fault', '', {
    timeout: COACHING_MS,
  });
  await page.getByTestId('end-set-button').click();
  // Straight after the set, from its summary line (the set as kept in the page); Escape closes it.
  // The focus moves into the replay as it opens and back to its button as it closes.
  await page.getByTestId('replay-set-1').click();
  await expect(page.getByTestId('replay-timeline')).toContainText('Hips sagging');
  await expect(page.getByTestId('replay-play')).toBeFocused();
  // Deletable there too once it is stored (deleting it there: the glute bridge's test).
  await expect(page.getByTestId('replay-delete')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('replay-view')).toHaveCount(0);
  await expect(page.getByTestId('replay-set-1')).toBeFocused();
  expect(await storedRecords(page, 'replays')).toBe(1);
  await page.getByTestId('mode-history').click();
  await page.getByTestId('history-replay-1').click();
  const view = page.getByTestId('replay-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('replay-view')).toContainText('no video is kept');
  // The skeleton, drawn in the live view's bone colour on the replay's canvas.
  await expect.poll(() => canvasPixels(page, BONE_RGB, 'replay-canvas')).toBeGreaterThan(100);

  const row = page.locator('[data-testid="replay-timeline"] li[data-fault="plank.hips-sagging"]');
  await expect(row).toContainText('Hips sagging');
  const spans = await row
    .locator('[data-kind="fault"]')
    .evaluateAll((nodes) =>
      nodes.map((node) => [Number(node.dataset.startMs), Number(node.dataset.endMs)] as const),
    );
  expect(spans.length).toBeGreaterThan(0);
  const longest = [...spans].sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0] ?? [0, 0];
  const scrub = page.getByTestId('replay-scrub');
  const moment = page.getByTestId('replay-moment');
  const clock = page.getByTestId('replay-clock');

  // Sagging moments: the fault named under the picture, and where the back's outline was read
  // (most frames of a cued sag: replay.test.ts), the back drawn in the fault colour.
  const step = 100;
  let outlined = false;
  for (let t = Math.ceil(longest[0] / step) * step; t < longest[1] && !outlined; t += step) {
    await scrub.fill(String(t));
    await expect(moment).toHaveText('Hips sagging');
    await expect(moment).toHaveAttribute('data-faults', 'plank.hips-sagging');
    outlined = (await canvasPixels(page, FAULT_RGB, 'replay-canvas')) > 20;
  }
  expect(outlined).toBe(true);
  await shot(page, 'replay');

  // A moment outside every sag span: another line (no fault, or what could not be judged).
  const max = Number(await scrub.getAttribute('max'));
  const calmAt = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step).find(
    (t) => !spans.some(([from, to]) => t >= from && t < to),
  );
  expect(calmAt).toBeDefined();
  await scrub.fill(String(calmAt));
  await expect(moment).not.toHaveText('Hips sagging');
  await expect(moment).toHaveAttribute('data-faults', '');

  // The keyboard moves the time too, a tenth of a second a key.
  await scrub.focus();
  await page.keyboard.press('Home');
  await expect(clock).toHaveText(/^0:00\.0 \//);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(clock).toHaveText(/^0:00\.2 \//);

  // The workout's Delete asks first, Cancel focused (the safe answer); Escape answers Cancel and
  // gives the focus back. With the replay open over the question, Escape closes the replay only,
  // even with the focus left in the question behind it; the next Escape answers the question.
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId('history-replay-1')).toBeFocused();
  const deleteWorkout = page.getByTestId('history-delete-workout');
  const question = page.getByTestId('confirm-delete-workout');
  const cancel = question.getByRole('button', { name: 'Cancel' });
  await deleteWorkout.click();
  await expect(question).toContainText(/^Delete the Plank workout of .+, with its sets, reps/);
  await expect(cancel).toBeFocused();
  // The question's row spans the whole table.
  expect(await question.locator('xpath=ancestor::td[1]').getAttribute('colspan')).toBe(
    String(await page.getByTestId('history-sessions').locator('thead th').count()),
  );
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(deleteWorkout).toBeFocused();
  await deleteWorkout.click();
  await page.getByTestId('history-replay-1').click();
  await expect(view).toBeVisible();
  await cancel.focus();
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(deleteWorkout).toBeFocused();
  expect(await storedRecords(page, 'sessions')).toBe(1);

  await page.getByTestId('history-replay-1').click();
  await page.getByTestId('replay-delete').click();
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId('replay-notice')).toHaveText('Replay deleted.');
  await expect(page.getByTestId('replay-notice')).toBeFocused();
  await expect(page.getByTestId('history-replay-1')).toHaveCount(0);
  expect(await storedRecords(page, 'replays')).toBe(0);

  // Cancel answered with the keyboard gives the focus back too.
  await deleteWorkout.click();
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(deleteWorkout).toBeFocused();
  expect(await storedRecords(page, 'sessions')).toBe(1);
  await page.keyboard.press('Enter');
  await expect(question).toBeVisible();
  await shot(page, 'history-delete-workout');
  await page.keyboard.press('Shift+Tab');
  await expect(question.getByRole('button', { name: 'Yes, delete this workout' })).toBeFocused();
  await page.keyboard.press('Enter');
  const notice = page.getByTestId('workout-notice');
  await expect(notice).toHaveText(/^Deleted the Plank workout of .+ and its replays\./);
  await expect(notice).toBeFocused();
  await expect(page.getByTestId('history-session')).toHaveCount(0);
  await expect(page.getByTestId('history-empty')).toBeVisible();
  expect(await storedRecords(page, 'sessions')).toBe(0);
}

test.describe('a plank with an engine that traces no outline', () => {
  test('says the lower back is not judged and offers MediaPipe, which judges it', async ({
    baseURL,
  }, testInfo) => {
    // The rendered plank: MoveNet sees it side-on (it does not see the sagging clip's person so).
    const video = fakeVideo(testInfo, 'rendered/rendered_plank_01.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await page.goto('/');
      await waitForEngine(page);
      const picker = page.getByTestId('engine-select');
      await picker.selectOption('movenet:lightning');
      await expect(page.getByTestId('status')).toContainText('MoveNet · lightning ready', {
        timeout: ENGINE_READY_MS,
      });
      await chooseExercise(page, 'plank');
      // A hold long enough that the set is still on when the new engine has judged the back.
      await page.getByTestId('plan-hold').fill('120');
      await page.getByTestId('start-workout').click();
      const panel = page.getByTestId('coach-panel');
      await expect(panel).toHaveAttribute('data-phase', 'counting', { timeout: COACHING_MS });
      const offer = page.getByTestId('outline-engine-offer');
      await expect(offer).toContainText('does not trace');
      // MoveNet reads the frame at 3/4 size (src/workers/live-frame.ts): its skeleton comes back
      // in the video's pixels, or the stage would draw none over the video.
      await expect.poll(() => canvasPixels(page, BONE_RGB)).toBeGreaterThan(100);
      const headline = page.getByTestId('headline');
      await expect(headline).toHaveText('Hips: can’t judge with this engine (MediaPipe can)', {
        timeout: COACHING_MS,
      });
      await shot(page, 'plank-movenet-offer');
      await page.getByTestId('use-outline-engine').click();
      // The set goes on with the engine that traces the outline, and the back is judged.
      await expect(picker).toHaveValue('mediapipe:full');
      await expect(offer).toBeHidden();
      await expect(page.getByTestId('set-label')).toHaveText('Set 1 of 3');
      await expect(page.getByTestId('frame-time')).toContainText('MediaPipe · full', {
        timeout: ENGINE_READY_MS,
      });
      await expect(headline).toHaveText('Good form', { timeout: COACHING_MS });
      await expect(panel).toHaveAttribute('data-phase', 'counting');
    });
  });
});

test.describe('a workout of two sets (a rendered bird-dog)', () => {
  test('counts its reps, rests between sets, and sums up the workout', async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, STEADY_REP_CLIP);
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      // Watched from inside the page: a set that starts mid-rep may count for well under a second,
      // too briefly for a poll of the panel to see.
      await page.addInitScript(watchCoach);
      await page.goto('/');
      await waitForEngine(page);
      await chooseExercise(page, 'bird-dog');
      // Two sets of one rep per side: the clip has one rep per 2.7 s loop, two reps a set.
      await page.getByTestId('plan-sets').fill('2');
      await page.getByTestId('plan-reps').fill('1');
      await page.getByTestId('start-workout').click();
      const panel = page.getByTestId('coach-panel');
      // The second rep ends the set: counting, then rest, with the set's summary.
      await expect(panel).toHaveAttribute('data-phase', 'resting', { timeout: 2 * COACHING_MS });
      const phases = (await coachMoments(page)).moments.map((moment) => moment.phase);
      expect(phases.indexOf('counting')).toBeGreaterThan(-1);
      expect(phases.indexOf('counting')).toBeLessThan(phases.indexOf('resting'));
      await shot(page, 'two-sets-resting');
      await expect(page.getByTestId('summary-set-1')).toContainText(/Set 1: 2 reps: \d good/);
      await expect(page.getByTestId('rest-timer')).toContainText(/\d+ s/);
      // The set's replay, deleted from its summary line once stored: the line then says so.
      await page.getByTestId('replay-set-1').click();
      await page.getByTestId('replay-delete').click();
      await expect(page.getByTestId('replay-view')).toHaveCount(0);
      // The note takes the focus the gone view's Delete had, so the keyboard goes on from there.
      await expect(page.getByTestId('replay-deleted-1')).toHaveText('Replay deleted.');
      await expect(page.getByTestId('replay-deleted-1')).toBeFocused();
      await expect(page.getByTestId('replay-set-1')).toHaveCount(0);
      expect(await storedRecords(page, 'replays')).toBe(0);
      await page.keyboard.press('n');
      await expect(page.getByTestId('set-label')).toHaveText('Set 2 of 2');
      await expect(panel).toHaveAttribute('data-phase', 'finished', { timeout: COACHING_MS });
      await expect(page.getByTestId('summary-set-2')).toContainText(/Set 2: 2 reps:/);
      await expect(page.getByTestId('headline')).toHaveText('Workout complete. Well done.');
      await shot(page, 'summary');
    });
  });
});
