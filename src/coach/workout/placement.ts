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

export interface PlacementState {
  /** When the start position was first seen in this unbroken stretch; null when not in it. */
  readonly steadySinceMs: number | null;
  /** The last frame in the start position, to bridge detector blips. */
  readonly lastSteadyMs: number | null;
  readonly advice: PlacementAdvice;
}

export const INITIAL_PLACEMENT: PlacementState = {
  steadySinceMs: null,
  lastSteadyMs: null,
  advice: { kind: 'step-back' },
};

export type PlacementSample = Pick<FormResult, 'status' | 'phase' | 'unseen' | 'viewAdvice'>;

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
        ? { kind: 'cannot-see', parts: sample.unseen }
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
  const advice = setupAdvice(sample, views, setupPhase);
  if (advice !== null) {
    const blip = state.lastSteadyMs !== null && tMs - state.lastSteadyMs <= PLACEMENT_BLIP_MS;
    if (blip && state.steadySinceMs !== null) return state;
    return { steadySinceMs: null, lastSteadyMs: null, advice };
  }
  const since = state.steadySinceMs ?? tMs;
  const held = tMs - since;
  return {
    steadySinceMs: since,
    lastSteadyMs: tMs,
    advice:
      held >= START_HOLD_MS
        ? { kind: 'ready' }
        : { kind: 'hold-still', progress: Math.max(0, held / START_HOLD_MS) },
  };
}
