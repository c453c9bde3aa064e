/**
 * Placement before counting: what the person must change so the app can judge them, and when the
 * start position has been held long enough to start the set. Pure: (state, sample) => state.
 */
import type { FormResult, GuidanceId } from '../../pose/exercises/types';
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
 * A wrong view stands until the view has been judged right this long: a front-on camera is judged
 * side-on for a second or more now and then (issue #17: a three-quarter plank and a front-on
 * superman started their sets between two "turn sideways"), while a real turn stays turned.
 */
export const VIEW_SETTLE_MS = 3000;

/** What to tell the person while placing; exactly one at a time. */
export type PlacementAdvice =
  | { readonly kind: 'step-back' }
  | { readonly kind: 'cannot-see'; readonly parts: readonly BodyPart[] }
  | { readonly kind: 'view'; readonly guidance: GuidanceId }
  | { readonly kind: 'get-in-position' }
  /** Said by the workout from the frame's brightness (scene.ts), never by placement itself. */
  | { readonly kind: 'too-dark' }
  | { readonly kind: 'hold-still'; readonly progress: number }
  | { readonly kind: 'ready' };

type ViewAdvice = Extract<PlacementAdvice, { kind: 'view' }>;

/** The last wrong-view advice and when it was last true. */
export interface ViewVerdict {
  readonly advice: ViewAdvice;
  readonly atMs: number;
}

/** The view advice that still stands after this frame (see `VIEW_SETTLE_MS`), or null. */
export function stepViewVerdict(
  last: ViewVerdict | null,
  advice: PlacementAdvice | null,
  tMs: number,
): ViewVerdict | null {
  if (advice?.kind === 'view') return { advice, atMs: tMs };
  return last !== null && tMs - last.atMs < VIEW_SETTLE_MS ? last : null;
}

export interface PlacementState {
  /** When the start position was first seen in this unbroken stretch; null when not in it. */
  readonly steadySinceMs: number | null;
  /** The last frame in the start position, to bridge detector blips. */
  readonly lastSteadyMs: number | null;
  readonly advice: PlacementAdvice;
  /** A wrong view still standing: said instead of "hold still" until it settles. */
  readonly view: ViewVerdict | null;
}

export const INITIAL_PLACEMENT: PlacementState = {
  steadySinceMs: null,
  lastSteadyMs: null,
  advice: { kind: 'step-back' },
  view: null,
};

export type PlacementSample = Pick<FormResult, 'status' | 'phase' | 'unseen' | 'viewAdvice'>;

/** The guidance when the view is wrong and the exercise gave none: from the views it can judge. */
export function viewGuidanceFor(views: readonly JudgeableView[]): GuidanceId {
  return views.includes('side') ? 'setup.turn-sideways' : 'setup.turn-to-face';
}

/**
 * What a frame says about the setup, ignoring time: null when the person is in the start position
 * (status ok, not in a setup phase, no setup advice).
 */
export function setupAdvice(
  sample: PlacementSample,
  views: readonly JudgeableView[],
): PlacementAdvice | null {
  switch (sample.status) {
    case 'no-person':
      return { kind: 'step-back' };
    case 'cannot-see':
      return sample.unseen.length > 0
        ? { kind: 'cannot-see', parts: sample.unseen }
        : { kind: 'step-back' };
    case 'wrong-view':
      return { kind: 'view', guidance: sample.viewAdvice ?? viewGuidanceFor(views) };
    case 'ok':
      if (sample.viewAdvice === 'setup.get-in-position' || sample.phase === 'setup') {
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
): PlacementState {
  const frameAdvice = setupAdvice(sample, views);
  const view = stepViewVerdict(state.view, frameAdvice, tMs);
  const advice = frameAdvice ?? view?.advice ?? null;
  if (advice !== null) {
    // A detector blip is bridged; a view judged wrong is not a blip.
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
