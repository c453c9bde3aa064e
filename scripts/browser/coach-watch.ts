/**
 * What a person meets in the real app over a set, watched from inside the page: shared by the
 * workout e2e specs and `npm run eval -- --live`, which score the same moments. Also the flags of
 * Chromium's fake camera (docs/testing.md).
 */
import type { Page } from '@playwright/test';

export const FAKE_CAMERA = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/** The fake camera playing a clip converted to .y4m (it loops from frame 0). */
export function clipCamera(video: string | null): string[] {
  return [...FAKE_CAMERA, `--use-file-for-fake-video-capture=${video ?? ''}`];
}

/** One moment of a set as the person met it: what changed on screen, or a sentence said. */
export interface CoachMoment {
  /** performance.now() of the page, in ms. */
  readonly atMs: number;
  readonly phase: string;
  readonly headline: string;
  /** The headline's tone: setup, fault, good or info. */
  readonly tone: string;
  readonly count: string;
  /** The fault id of the cue shown (the cue's data-fault), '' when the cue is none or not a fault. */
  readonly fault: string;
  /** The panel's counters by id (good-reps, fault-reps, hold, left, right): their text. */
  readonly counters: Readonly<Record<string, string>>;
  /** The sentence handed to speechSynthesis at this moment, if any. */
  readonly said: string | null;
}

declare global {
  interface Window {
    coachMoments?: CoachMoment[];
    /** performance.now() when getUserMedia gave the camera: the fake camera's clip starts then. */
    cameraOpenedAtMs?: number;
  }
}

/**
 * Runs before the app: records what the person sees and hears over a set, as moments in time
 * (every 50 ms what changed in the phase, headline, cue, big count and counters, and every
 * sentence said), and when the camera opened, to tell where in the fake camera's clip a moment
 * fell. Self-contained: Playwright sends its source into the page.
 */
export function watchCoach(): void {
  const moments: CoachMoment[] = [];
  window.coachMoments = moments;
  const COUNTER_PREFIX = 'count-';
  const screen = () => {
    const panel = document.querySelector('[data-testid="coach-panel"]');
    const headline = document.querySelector('[data-testid="headline"]');
    const counters: Record<string, string> = {};
    document.querySelectorAll(`[data-testid^="${COUNTER_PREFIX}"]`).forEach((counter) => {
      const id = counter.getAttribute('data-testid') ?? '';
      counters[id.slice(COUNTER_PREFIX.length)] = counter.textContent;
    });
    return {
      phase: panel?.getAttribute('data-phase') ?? '',
      headline: headline?.textContent ?? '',
      tone: headline?.getAttribute('data-tone') ?? '',
      count: document.querySelector('[data-testid="big-count"]')?.textContent ?? '',
      fault: document.querySelector('[data-testid="cue"]')?.getAttribute('data-fault') ?? '',
      counters,
    };
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with synth as this
  const speak = speechSynthesis.speak;
  speechSynthesis.speak = function (this: SpeechSynthesis, utterance: SpeechSynthesisUtterance) {
    moments.push({ atMs: performance.now(), ...screen(), said: utterance.text });
    speak.call(this, utterance);
  };
  const media = navigator.mediaDevices;
  const open = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    const stream = await open(constraints);
    window.cameraOpenedAtMs = performance.now();
    return stream;
  };
  let last = '';
  setInterval(() => {
    const now = screen();
    const key = JSON.stringify(now);
    if (key !== last) moments.push({ atMs: performance.now(), ...now, said: null });
    last = key;
  }, 50);
}

export function coachMoments(
  page: Page,
): Promise<{ moments: CoachMoment[]; cameraOpenedAtMs: number | null }> {
  return page.evaluate(() => ({
    moments: [...(window.coachMoments ?? [])],
    cameraOpenedAtMs: window.cameraOpenedAtMs ?? null,
  }));
}
