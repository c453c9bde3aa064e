/**
 * A full set of each remaining exercise through the real app: the real model in the real worker,
 * Chromium's fake camera fed real clips from the test data (looped by the fake camera), and what
 * the person sees checked on the page: the phase, the counters, the cue and the set summary.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { FRAME_TO_SCREEN_MEASURE } from '../../src/coach/perf-marks';
import {
  COACHING_MS,
  clipCamera,
  fakeVideo,
  planOneSet,
  shot,
  spoken,
  spyOnSpeech,
  withChromium,
} from './support/workout-page';

declare global {
  interface Window {
    faultsSeen?: string[];
    backChecksSeen?: string[];
    /** The range meter as shown: 'reached' or 'below' its target line, '' when hidden. */
    metersSeen?: string[];
    temposSeen?: string[];
    /** What each rep kept, as the panel said it after the rep ("Last rep: hips bent to 44° · ..."). */
    repMeasuresSeen?: string[];
    /** Each camera frame the page's video presented: its captureTime less its media time (ms). */
    captureOffsetsSeen?: number[];
    /** The media time (ms) of every VideoFrame the page made from a video: the frames it grabbed. */
    grabbedMediaTimesSeen?: number[];
  }
}

/**
 * Runs before the app: records, for every frame each video presents (its own
 * requestVideoFrameCallback, beside the app's), its capture time less its media time, and the media
 * time of every VideoFrame the page grabs from a video.
 */
function recordCaptureTimes(): void {
  const offsets: number[] = [];
  const grabbed: number[] = [];
  window.captureOffsetsSeen = offsets;
  window.grabbedMediaTimesSeen = grabbed;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the element
  const play = HTMLMediaElement.prototype.play;
  const watch = (video: HTMLVideoElement): void => {
    video.requestVideoFrameCallback((_now, metadata) => {
      if (metadata.captureTime !== undefined) {
        offsets.push(metadata.captureTime - metadata.mediaTime * 1000);
      }
      watch(video);
    });
  };
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    if (this instanceof HTMLVideoElement) watch(this);
    return play.call(this);
  };
  window.VideoFrame = new Proxy(VideoFrame, {
    construct(target, args: unknown[], newTarget: typeof VideoFrame) {
      const frame = Reflect.construct(target, args, newTarget) as VideoFrame;
      if (args[0] instanceof HTMLVideoElement) grabbed.push(frame.timestamp / 1000);
      return frame;
    },
  });
}

/**
 * The time each analysed frame carried (its frame-to-screen measure starts there), and those of
 * them that are no grabbed frame's capture time. A camera stream's capture time less its media
 * time is one number (docs/models.md): checked here on the presented frames, it gives the capture
 * time of every grabbed frame, also of those the video skipped presenting on a busy machine.
 */
function frameTimesOffCamera(
  page: Page,
): Promise<{ frames: number; offsetSpreadMs: number; offCamera: number[] }> {
  return page.evaluate((measure) => {
    const offsets = window.captureOffsetsSeen ?? [];
    const offsetMs = offsets[0] ?? NaN;
    const captured = (window.grabbedMediaTimesSeen ?? []).map((media) => media + offsetMs);
    const times = performance.getEntriesByName(measure).map((entry) => entry.startTime);
    return {
      frames: times.length,
      offsetSpreadMs: Math.max(...offsets) - Math.min(...offsets),
      offCamera: times.filter((t) => !captured.some((c) => Math.abs(c - t) < 0.5)),
    };
  }, FRAME_TO_SCREEN_MEASURE);
}

/**
 * From now on, records every fault the cue shows (its data-fault), however briefly, the range
 * meter against its target and the last rep's tempo: a watcher on the coach panel, so nothing
 * falls between two polls.
 */
async function watchFaults(page: Page): Promise<void> {
  await page.getByTestId('coach-panel').evaluate((panel) => {
    const seen: string[] = [];
    const backChecks: string[] = [];
    const meters: string[] = [];
    const tempos: string[] = [];
    const repMeasures: string[] = [];
    window.faultsSeen = seen;
    window.backChecksSeen = backChecks;
    window.metersSeen = meters;
    window.temposSeen = tempos;
    window.repMeasuresSeen = repMeasures;
    const record = (): void => {
      const fault = panel.querySelector('[data-testid="cue"]')?.getAttribute('data-fault') ?? '';
      if (fault !== '') seen.push(fault);
      const back = panel.querySelector('[data-testid="back-check"]')?.textContent ?? '';
      if (back !== '') backChecks.push(back);
      const meter = panel.querySelector('[data-testid="range-meter"]');
      const reached = meter?.getAttribute('data-reached');
      meters.push(
        reached === undefined || reached === null ? '' : reached === 'yes' ? 'reached' : 'below',
      );
      const tempo = panel.querySelector('[data-testid="last-tempo"]')?.textContent ?? '';
      if (tempo !== '') tempos.push(tempo);
      const kept = panel.querySelector('[data-testid="last-rep-measures"]')?.textContent ?? '';
      if (kept !== '') repMeasures.push(kept);
    };
    record();
    new MutationObserver(record).observe(panel, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-fault', 'data-reached'],
    });
  });
}

function faultsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set(window.faultsSeen ?? [])]);
}

/** The range meter's states and the tempo lines the panel showed since `watchFaults`, in order. */
function measuresSeen(page: Page): Promise<{ meters: string[]; tempos: string[] }> {
  return page.evaluate(() => ({
    meters: [...(window.metersSeen ?? [])],
    tempos: [...new Set(window.temposSeen ?? [])],
  }));
}

/** Every distinct line of what a rep kept the panel showed since `watchFaults`. */
function repMeasuresSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set(window.repMeasuresSeen ?? [])]);
}

/** Every distinct back-check line the panel showed since `watchFaults`. */
function backChecksSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set(window.backChecksSeen ?? [])]);
}

async function startSet(page: Page): Promise<void> {
  await page.getByTestId('start-workout').click();
  await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'counting', {
    timeout: COACHING_MS,
  });
  await watchFaults(page);
}

/** One set of one rep per side, from a clip labelled good with one rep per loop. */
function goodRepSet(id: string, clip: string, name: string): void {
  test(`a ${name} set of one rep per side completes with good reps and no fault cue`, async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, clip);
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await planOneSet(page, id, { reps: 1 });
      await startSet(page);
      await shot(page, `${id}-counting`);
      const panel = page.getByTestId('coach-panel');
      // Alternating sides: the set ends at one rep on each side, or two reps in all.
      await expect(panel).toHaveAttribute('data-phase', 'finished', { timeout: COACHING_MS });
      const summary = page.getByTestId('summary-set-1');
      await expect(summary).toContainText(/^Set 1: 2 reps: 2 good, 0 with a fault/);
      await expect(summary).toContainText('No form cues.');
      await expect(page.getByTestId('count-good-reps')).toHaveText('2');
      await expect(page.getByTestId('count-fault-reps')).toHaveText('0');
      await expect(page.getByTestId('headline')).toHaveText('Workout complete. Well done.');
      expect(await faultsSeen(page)).toEqual([]);
      await shot(page, `${id}-summary`);
    });
  });
}

test.describe('reps exercises from good clips', () => {
  goodRepSet('bird-dog', 'rendered/rendered_bird_dog_01.mp4', 'bird-dog');
  goodRepSet('dead-bug', 'rendered/rendered_dead_bug_01.mp4', 'dead bug');
});

test.describe('a good superman, real footage', () => {
  test('a set of 3 lifts completes with good reps, no fault cue, the range meter filling past its target and each lift timed', async ({
    baseURL,
  }, testInfo) => {
    // A young man in a sports hall, side-on: 6 quick lifts in each 13.8 s loop (labels.csv).
    const video = fakeVideo(testInfo, 'superman/superman_good_video_01.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await page.addInitScript(recordCaptureTimes);
      await planOneSet(page, 'superman', { reps: 3 });
      await startSet(page);
      // The meter is on screen while the check judges, its target the counter's 8° lift.
      await expect(page.getByTestId('range-meter')).toContainText('target 8°', {
        timeout: COACHING_MS,
      });
      await shot(page, 'superman-counting');
      const panel = page.getByTestId('coach-panel');
      await expect(page.getByTestId('last-tempo')).toHaveText(
        /^Last rep: down \d+\.\d s · pause \d+\.\d s · up \d+\.\d s$/,
        { timeout: COACHING_MS },
      );
      await shot(page, 'superman-tempo-meter');
      await expect(panel).toHaveAttribute('data-phase', 'finished', { timeout: COACHING_MS });
      const summary = page.getByTestId('summary-set-1');
      await expect(summary).toContainText(/^Set 1: 3 reps: 3 good, 0 with a fault/);
      await expect(summary).toContainText('No form cues.');
      await expect(summary).toContainText(
        /Median tempo: down \d+\.\d s · pause \d+\.\d s · up \d+\.\d s\./,
      );
      await expect(page.getByTestId('count-good-reps')).toHaveText('3');
      expect(await faultsSeen(page)).toEqual([]);
      // The meter filled past its target at the lifts and fell below it between them; it is gone
      // once the set is over.
      const { meters, tempos } = await measuresSeen(page);
      expect(meters).toContain('reached');
      expect(meters.indexOf('below')).toBeLessThan(meters.lastIndexOf('reached'));
      await expect(page.getByTestId('range-meter')).toHaveCount(0);
      // One tempo per lift counted (two lifts may take the same tenths).
      expect(tempos.length).toBeGreaterThanOrEqual(1);
      // Timed by the camera's clock: every frame analysed carries the time the camera took it, not
      // the time the page got to it (docs/models.md).
      const { frames, offsetSpreadMs, offCamera } = await frameTimesOffCamera(page);
      expect(frames).toBeGreaterThan(20);
      expect(offsetSpreadMs).toBeLessThan(0.5);
      expect(offCamera).toEqual([]);
      await shot(page, 'superman-summary');
    });
  });
});

test.describe('a good side plank', () => {
  test('counts good-form seconds that grow, with no fault cue', async ({ baseURL }, testInfo) => {
    const video = fakeVideo(testInfo, 'side_plank/side_plank_good_video_01.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await planOneSet(page, 'side-plank', { hold: 180 });
      await startSet(page);
      const hold = page.getByTestId('count-hold');
      const seconds = async (): Promise<number> => Number(await hold.textContent());
      await expect.poll(seconds, { timeout: COACHING_MS }).toBeGreaterThan(1);
      const first = await seconds();
      await expect.poll(seconds, { timeout: COACHING_MS }).toBeGreaterThan(first + 2);
      await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'counting');
      expect(await faultsSeen(page)).toEqual([]);
      await expect(page.getByTestId('cue')).toHaveAttribute('data-fault', '');
      await shot(page, 'side-plank-hold');
    });
  });
});

test.describe('wall posture facing the camera', () => {
  test('counts the hold on the front checks and says once what a side view adds', async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, 'standing_posture/standing_posture_neutral_front_01.jpg', {
      still: true,
    });
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await page.addInitScript(spyOnSpeech);
      await planOneSet(page, 'wall-posture', { hold: 180 });
      // Front-on is a position the hold counts in: level shoulders, level hips and head tilt are
      // judged; forward head, rounded shoulders and the plumb line need a side view.
      await startSet(page);
      const hold = page.getByTestId('count-hold');
      const seconds = async (): Promise<number> => Number(await hold.textContent());
      await expect.poll(seconds, { timeout: COACHING_MS }).toBeGreaterThan(1);
      await expect(page.getByTestId('headline')).toHaveText(
        'Good from the front. Side-on also checks head and back.',
      );
      await expect(page.getByTestId('cue')).toHaveAttribute('data-fault', '');
      const sideViewNote = (said: string[]) =>
        said.filter((line) => line.includes('Turn sideways so I can check all of it')).length;
      await expect.poll(async () => sideViewNote(await spoken(page))).toBe(1);
      const first = await seconds();
      await expect.poll(seconds, { timeout: COACHING_MS }).toBeGreaterThan(first + 2);
      // Said once, not repeated as a nagging cue.
      expect(sideViewNote(await spoken(page))).toBe(1);
      expect(await faultsSeen(page)).toEqual([]);
      await shot(page, 'wall-posture-front');
    });
  });
});

/**
 * A full set of each loaded hinge the seeds programme (issue #14): the count reaching the clip's
 * labelled reps, no false cue, and the back's check as the person sees it. One Chromium per clip:
 * the fake camera's file is a launch flag.
 */
function loadedSet(
  id: string,
  clip: string,
  reps: number,
  back: { readonly flatShown: boolean; readonly headline?: string },
  about: string,
): void {
  test(`a ${id} set of ${reps} reps: ${about}`, async ({ baseURL }, testInfo) => {
    const video = fakeVideo(testInfo, clip);
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await planOneSet(page, id, { reps });
      await startSet(page);
      if (back.headline) await expect(page.getByTestId('headline')).toHaveText(back.headline);
      await shot(page, `${id}-counting`);
      const panel = page.getByTestId('coach-panel');
      await expect(panel).toHaveAttribute('data-phase', 'finished', { timeout: COACHING_MS });
      await expect(page.getByTestId('summary-set-1')).toContainText(
        new RegExp(`^Set 1: ${reps} reps: ${reps} good, 0 with a fault`),
      );
      await expect(page.getByTestId('summary-set-1')).toContainText('No form cues.');
      expect(await faultsSeen(page)).toEqual([]);
      // Flat where the outline read it (a slight arch inside the "can't judge" band shows "not
      // confirmed flat" on good sets too); never claimed where the outline cannot show the back.
      const backChecks = await backChecksSeen(page);
      if (back.flatShown) expect(backChecks).toContain('Back: flat on your outline');
      else expect(backChecks).toEqual([]);
      // Each rep's own hips and back where the outline read them, as it was said after the rep.
      const kept = await repMeasuresSeen(page);
      if (back.flatShown) {
        for (const line of kept) {
          expect(line).toMatch(
            /^Last rep: hips bent to \d+°( · lower back (curved|arched) \d+°)?( · upper back (curved|arched) \d+°)?$/,
          );
        }
        expect(kept.some((line) => line.includes('lower back'))).toBe(true);
      } else expect(kept).toEqual([]);
      await shot(page, `${id}-summary`);
    });
  });
}

test.describe('the loaded hinges, real footage', () => {
  // A woman with a barbell, near side-on: 3 reps in each loop (labels.csv).
  loadedSet(
    'rdl',
    'rdl/rdl_good_threequarter_video_01.mp4',
    3,
    { flatShown: true },
    'counted, no cue, the back read flat on the outline',
  );
  // A man in front of a brick wall, side-on: 6 swings in each loop.
  loadedSet(
    'kb-swing',
    'kb_swing/kb_swing_good_side_video_01.mp4',
    6,
    { flatShown: true },
    'counted, no cue, the back read flat on the outline',
  );
  // A barbell row from the front three-quarter: 5 pulls a loop (labelled 4 ±1); the back's curve
  // does not show from there, so it is never called flat and the person is asked to turn (the
  // torso's rise is judged from any angle: only the back is named).
  loadedSet(
    'row',
    'row/row_good_threequarter_video_01.mp4',
    4,
    { flatShown: false, headline: 'Counting. Turn sideways so I can check your back too.' },
    'counted from three-quarter, no cue, the back left to a side view',
  );
  // A shirtless man in a gym, side-on: one pull from the floor and a long lockout a loop.
  loadedSet(
    'deadlift',
    'deadlift/deadlift_good_side_video_22.mp4',
    3,
    { flatShown: true },
    'counted, no cue, the back read flat on the outline',
  );

  // A man in a garage, side-on, one pull a loop with the back rounded at the floor and through the
  // pull (labels.csv): its lumbar bend 26° against the 20° limit, six times its frame-to-frame
  // noise (the margins of `npm run eval`), and still cued from every third frame (5 a second).
  test('a deadlift set with a rounded back: cued and said as it rounds, the reps marked with it', async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, 'deadlift/deadlift_roundedback_side_video_03.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await page.addInitScript(spyOnSpeech);
      await planOneSet(page, 'deadlift', { reps: 3 });
      await startSet(page);
      const cue = page.getByTestId('cue');
      await expect(cue).toHaveAttribute('data-fault', 'hinge.rounded-back', {
        timeout: COACHING_MS,
      });
      await expect(cue).toHaveText('Hinge at your hips, keeping your back flat.');
      await shot(page, 'deadlift-rounded');
      await expect(page.getByTestId('coach-panel')).toHaveAttribute('data-phase', 'finished', {
        timeout: COACHING_MS,
      });
      expect(await spoken(page)).toContain('Hinge at your hips, keeping your back flat.');
      expect(await faultsSeen(page)).toEqual(['hinge.rounded-back']);
      const summary = page.getByTestId('summary-set-1');
      await expect(summary).toContainText(/^Set 1: 3 reps: [0-2] good, [1-3] with a fault/);
      await expect(summary).toContainText('Faults in reps: Back rounding');
      // The back line follows the last outline read: flat at a set-up before the back rounds, it
      // says so until the rounding, then no longer.
      expect(await backChecksSeen(page)).toContain('Back: not confirmed flat');
    });
  });
});

/** The median time between the frames the page analysed (their frame-to-screen measures), ms. */
function medianFrameGapMs(page: Page): Promise<number> {
  return page.evaluate((measure) => {
    const times = performance.getEntriesByName(measure).map((entry) => entry.startTime);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    gaps.sort((a, b) => a - b);
    return gaps[Math.floor(gaps.length / 2)] ?? Number.POSITIVE_INFINITY;
  }, FRAME_TO_SCREEN_MEASURE);
}

test.describe('a squat side-on, real footage', () => {
  // One bodyweight squat with the heels lifting at the bottom, side-on, looped: a rep a loop. Its
  // thighs reach parallel (-1° on the recorded landmarks) in a quick bounce.
  test("a set of 3 squats: the heels cued, never 'go deeper', each rep's depth said where its bottom was seen", async ({
    baseURL,
  }, testInfo) => {
    const video = fakeVideo(testInfo, 'squat/squat_heelsrising_side_video_01.mp4');
    test.skip(!video, 'test data or ffmpeg missing');
    await withChromium(baseURL, clipCamera(video), async (page) => {
      await planOneSet(page, 'squat', { reps: 3 });
      await startSet(page);
      const panel = page.getByTestId('coach-panel');
      await expect(panel).toHaveAttribute('data-phase', 'finished', { timeout: COACHING_MS });
      await expect(page.getByTestId('summary-set-1')).toContainText(/^Set 1: 3 reps/);
      // The set starts wherever the loop is: a first rise seen without its bottom is not "shallow".
      expect(await faultsSeen(page)).toEqual(['squat.heels-rising']);
      // The depth its "go deeper" cue reads (the thigh at the rep's lowest hips), rep by rep, within
      // a 2D angle's error of parallel; not the back's curve, which the outline does not show there.
      const kept = await repMeasuresSeen(page);
      for (const line of kept) {
        expect(line).toMatch(
          /^Last rep: thighs (at parallel|\d+° below parallel|[1-5]° above parallel)$/,
        );
      }
      // Said where frames came close enough around the bottom to read it (squat.ts
      // MAX_BOTTOM_FRAME_GAP_MS): at 10 frames a second or more, surely. A slower median says
      // nothing of one bottom: on a loaded CI machine the frames around one came close enough,
      // and its depth was rightly said (squat.test.ts asserts the gap rule itself).
      const frameGapMs = await medianFrameGapMs(page);
      if (frameGapMs <= 100) expect(kept.length).toBeGreaterThan(0);
      await shot(page, 'squat-summary');
    });
  });
});
