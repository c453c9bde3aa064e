/**
 * Placement before counting: what the person must change so the app can judge them, and when the
 * start position has been held long enough to start the set. Pure: (state, sample) => state.
 */
import type { ExerciseFacts, FormResult, GuidanceId } from '../../pose/exercises/types';
import type { JudgeableView } from '../../pose/view';
import type { BodyPart } from '../../pose/visibility';

/**
 * The start position must be held this long before counting: long enough that walking past the
 * right pose does not start a set, short enough not to feel like waiting (about 30 frames).
 */
export const START_HOLD_MS = 1000;
/**
 * A break in the start position shorter than this does not restart the wait: one or two frames the
 * detector misses (about 100-250 ms at 8-20 fps) are not the person moving.
 */
export const PLACEMENT_BLIP_MS = 300;
/**
 * The view is judged on the frames of the last 3 s, not frame by frame: a camera front-on to a
 * bird-dog was judged side-on for 1.2 s stretches between 2 s of front-on (issue #17: the sets of
 * a three-quarter plank and a front-on superman and bird-dog started in such a stretch).
 */
export const VIEW_WINDOW_MS = 3000;
/**
 * A wrong view stands while at least this share of the window's judged frames were judged wrong:
 * the view most frames show. A side-on set with a second of misjudged frames in 4 s (a rendered
 * glute bridge) is side-on; the front-on bird-dog above (60 % wrong) is not.
 */
export const VIEW_WRONG_SHARE = 0.5;

/** What to tell the person while placing; exactly one at a time. */
export type PlacementAdvice =
  | { readonly kind: 'step-back' }
  /** `hidden`: the parts are in the picture but hidden from this angle (`Coaching.unseenHidden`). */
  | { readonly kind: 'cannot-see'; readonly parts: readonly BodyPart[]; readonly hidden: boolean }
  | { readonly kind: 'view'; readonly guidance: GuidanceId }
  | { readonly kind: 'get-in-position' }
  /** Said by the workout from the frame's brightness (scene.ts), never by placement itself. */
  | { readonly kind: 'too-dark' }
  | { readonly kind: 'hold-still'; readonly progress: number }
  | { readonly kind: 'ready' };

type ViewAdvice = Extract<PlacementAdvice, { kind: 'view' }>;

/** The view over the last `VIEW_WINDOW_MS`: which frames were judged wrong, and what to say. */
export interface ViewVerdict {
  /** The last wrong-view advice, said while the wrong view stands. */
  readonly advice: ViewAdvice | null;
  /** The window's frames whose view was judged (a person seen whole enough). */
  readonly frames: readonly { readonly atMs: number; readonly wrong: boolean }[];
}

export const INITIAL_VIEW: ViewVerdict = { advice: null, frames: [] };

/** One frame: its status, and its setup advice (`setupAdvice`). */
export function stepViewVerdict(
  last: ViewVerdict,
  status: FormResult['status'],
  advice: PlacementAdvice | null,
  tMs: number,
): ViewVerdict {
  const kept = last.frames.filter((frame) => tMs - frame.atMs < VIEW_WINDOW_MS);
  const judged = status === 'ok' || status === 'wrong-view';
  return {
    advice: advice?.kind === 'view' ? advice : last.advice,
    frames: judged ? [...kept, { atMs: tMs, wrong: status === 'wrong-view' }] : kept,
  };
}

/** The wrong-view advice that stands (see `VIEW_WRONG_SHARE`), or null. */
export function standingView(verdict: ViewVerdict): ViewAdvice | null {
  const { frames, advice } = verdict;
  const wrong = frames.filter((frame) => frame.wrong).length;
  return frames.length > 0 && wrong / frames.length >= VIEW_WRONG_SHARE ? advice : null;
}

/**
 * The advice for a frame once the view is judged over the window: a wrong view said while it
 * stands; a frame misjudged against the window's view is not judged, so the start waits.
 */
export function adviceWithView(
  frameAdvice: PlacementAdvice | null,
  verdict: ViewVerdict,
): PlacementAdvice | null {
  const standing = standingView(verdict);
  if (frameAdvice?.kind === 'view') return standing ?? NOT_JUDGED;
  return frameAdvice ?? standing;
}

const NOT_JUDGED: PlacementAdvice = { kind: 'hold-still', progress: 0 };

export interface PlacementState {
  /** When the start position was first seen in this unbroken stretch; null when not in it. */
  readonly steadySinceMs: number | null;
  /** The last frame in the start position, to bridge detector blips. */
  readonly lastSteadyMs: number | null;
  readonly advice: PlacementAdvice;
  /** The view over the last few seconds: a wrong one is said until most frames are right. */
  readonly view: ViewVerdict;
}

export const INITIAL_PLACEMENT: PlacementState = {
  steadySinceMs: null,
  lastSteadyMs: null,
  advice: { kind: 'step-back' },
  view: INITIAL_VIEW,
};

export type PlacementSample = Pick<FormResult, 'status' | 'phase' | 'unseen' | 'viewAdvice'> & {
  /** The unseen parts lie inside the image, hidden from this angle; absent = not known. */
  readonly unseenHidden?: boolean;
};

/** The guidance when the view is wrong and the exercise gave none: from the views it can judge. */
export function viewGuidanceFor(views: readonly JudgeableView[]): GuidanceId {
  return views.includes('side') ? 'setup.turn-sideways' : 'setup.turn-to-face';
}

/** The setup phase every checker here declares; the workout passes the exercise's own. */
const USUAL_SETUP_PHASE: ExerciseFacts['setupPhase'] = 'setup';

/**
 * What a frame says about the setup, ignoring time: null when the person is in the start position
 * (status ok, not in the exercise's setup phase, no setup advice).
 */
export function setupAdvice(
  sample: PlacementSample,
  views: readonly JudgeableView[],
  setupPhase: ExerciseFacts['setupPhase'] = USUAL_SETUP_PHASE,
): PlacementAdvice | null {
  switch (sample.status) {
    case 'no-person':
      return { kind: 'step-back' };
    case 'cannot-see':
      return sample.unseen.length > 0
        ? { kind: 'cannot-see', parts: sample.unseen, hidden: sample.unseenHidden === true }
        : { kind: 'step-back' };
    case 'wrong-view':
      return { kind: 'view', guidance: sample.viewAdvice ?? viewGuidanceFor(views) };
    case 'ok':
      if (
        sample.viewAdvice === 'setup.get-in-position' ||
        (setupPhase !== null && sample.phase === setupPhase)
      ) {
        return { kind: 'get-in-position' };
      }
      if (sample.viewAdvice !== null) {
        return sample.viewAdvice === 'setup.step-back'
          ? { kind: 'step-back' }
          : { kind: 'view', guidance: sample.viewAdvice };
      }
      return null;
  }
}

/** One frame of placement. `advice.kind === 'ready'` once the start position has lasted. */
export function stepPlacement(
  state: PlacementState,
  sample: PlacementSample,
  views: readonly JudgeableView[],
  tMs: number,
  setupPhase: ExerciseFacts['setupPhase'] = USUAL_SETUP_PHASE,
): PlacementState {
  const frameAdvice = setupAdvice(sample, views, setupPhase);
  const view = stepViewVerdict(state.view, sample.status, frameAdvice, tMs);
  const advice = adviceWithView(frameAdvice, view);
  if (advice !== null) {
    // A detector blip is bridged; a wrong view that stands is not a blip.
    const blip =
      advice.kind !== 'view' &&
      state.lastSteadyMs !== null &&
      tMs - state.lastSteadyMs <= PLACEMENT_BLIP_MS;
    if (blip && state.steadySinceMs !== null) return { ...state, view };
    return { steadySinceMs: null, lastSteadyMs: null, advice, view };
  }
  const since = state.steadySinceMs ?? tMs;
  const held = tMs - since;
  return {
    steadySinceMs: since,
    lastSteadyMs: tMs,
    view,
    advice:
      held >= START_HOLD_MS
        ? { kind: 'ready' }
        : { kind: 'hold-still', progress: Math.max(0, held / START_HOLD_MS) },
  };
}
