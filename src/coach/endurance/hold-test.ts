/**
 * One endurance hold, timed only in good form and stopped at the first break, with the reason.
 * Unlike a training hold (which pauses on a fault and goes on), a test ends when form breaks: the
 * time held is the one unbroken stretch from the first good frame. Pure; fed the worker's frames.
 * It keeps its own time rather than the training hold timer's, which drops any gap over 500 ms
 * between frames: on a slow device that would end a test on one late frame.
 */
import type { Coaching } from '../../pose/exercises/coach';
import type { FaultId } from '../../pose/exercises/types';
import { HOLD_MAX_GAP_MS } from '../../pose/reps/hold-timer';
import type { EnduranceTestSpec } from './battery';
import { MAX_TEST_SECONDS } from './battery';

/**
 * Why the hold stopped: a fault shown (after the usual persistence gate); the body left the test
 * position (hips down on the floor, chest and legs lowered, sat up); the person was not seen for
 * longer than a detector blink; the wrong side took over; the time cap; or the person ended it.
 */
export type HoldStop =
  | { readonly kind: 'fault'; readonly fault: FaultId }
  | { readonly kind: 'left-position' }
  | { readonly kind: 'lost-sight' }
  | { readonly kind: 'wrong-side' }
  | { readonly kind: 'time-cap' }
  | { readonly kind: 'person' };

export interface HoldTestState {
  readonly phase: 'waiting' | 'holding' | 'stopped';
  /** Good-form milliseconds of the hold: the time between its good frames. */
  readonly heldMs: number;
  /** The frame time of the last good (or "can't judge") frame; null before the hold starts. */
  readonly lastGoodMs: number | null;
  /** Frames in a row that were not good since the last good one. */
  readonly badFrames: number;
  /** True while waiting with the body on the other side (a side bridge on the wrong arm). */
  readonly wrongSide: boolean;
  readonly stop: HoldStop | null;
}

export const INITIAL_HOLD_TEST: HoldTestState = {
  phase: 'waiting',
  heldMs: 0,
  lastGoodMs: null,
  badFrames: 0,
  wrongSide: false,
  stop: null,
};

/**
 * A break is confirmed by at least this many frames in a row that are not good, as well as by
 * `HOLD_MAX_GAP_MS` of time: the live model ran at 5 fps on this machine (266 ms a frame), where
 * two odd frames already span 500 ms.
 */
export const BREAK_MIN_FRAMES = 3;
/**
 * Between two good frames, at most this much time counts: a slow or busy device's frame gap
 * (frames 266 ms apart, with hiccups, measured here); a longer gap with no frame at all is time
 * whose form nobody saw.
 */
export const MAX_COUNTED_FRAME_GAP_MS = 1000;

export type HoldFrame = Pick<Coaching, 'result' | 'shownFaults' | 'inHoldPosition'>;

function onTheSide(spec: EnduranceTestSpec, frame: HoldFrame): boolean {
  return spec.side === null || frame.result.activeSide === spec.side;
}

/** In the test's position, on its side, with no fault seen this frame. */
function isGood(spec: EnduranceTestSpec, frame: HoldFrame): boolean {
  return (
    frame.inHoldPosition &&
    frame.result.faults.length === 0 &&
    frame.shownFaults.length === 0 &&
    onTheSide(spec, frame)
  );
}

/**
 * Form between good and a fault ("can't judge", docs/judgement.md): not good form, so no time
 * counts, yet no break either (a fault is the break). The hold pauses until it is judged again.
 */
function isUnsure(frame: HoldFrame): boolean {
  return frame.result.undecided.some((entry) => entry.reason === 'ambiguous');
}

/** What broke the hold, read on the last frame of the break. */
function breakOf(frame: HoldFrame, spec: EnduranceTestSpec): HoldStop {
  const { status, faults } = frame.result;
  if (status !== 'ok') return { kind: 'lost-sight' };
  const fault = faults[0];
  if (fault !== undefined) return { kind: 'fault', fault };
  if (!onTheSide(spec, frame) && frame.result.activeSide !== null) return { kind: 'wrong-side' };
  return { kind: 'left-position' };
}

function stopped(state: HoldTestState, stop: HoldStop): HoldTestState {
  return { ...state, phase: 'stopped', stop };
}

/**
 * One frame at `tMs`. The hold starts on the first good frame (in position, on the test's side,
 * no fault, nothing "can't judge"); each good frame adds the time since the last one, a "can't
 * judge" frame pauses it; a shown fault stops it at once; a run of frames that are not good stops
 * it once it outlasts a detector blink (`HOLD_MAX_GAP_MS` and `BREAK_MIN_FRAMES`), with the reason
 * its last frame gives.
 */
export function stepHoldTest(
  state: HoldTestState,
  spec: EnduranceTestSpec,
  frame: HoldFrame,
  tMs: number,
): HoldTestState {
  if (state.phase === 'stopped' || !Number.isFinite(tMs)) return state;
  if (state.lastGoodMs !== null && tMs <= state.lastGoodMs) return state;
  const good = isGood(spec, frame);
  const unsure = good && isUnsure(frame);
  if (state.phase === 'waiting') {
    if (good && !unsure) return { ...state, phase: 'holding', lastGoodMs: tMs, wrongSide: false };
    // A frame that reads no side (setup, unseen) keeps what the last sided frame said.
    if (frame.result.activeSide === null) return state;
    const wrongSide = !onTheSide(spec, frame);
    return wrongSide === state.wrongSide ? state : { ...state, wrongSide };
  }
  const shown = frame.shownFaults[0];
  if (shown !== undefined) return stopped(state, { kind: 'fault', fault: shown });
  if (unsure) return { ...state, lastGoodMs: tMs, badFrames: 0 };
  const lastGoodMs = state.lastGoodMs ?? tMs;
  if (good) {
    const heldMs = state.heldMs + Math.min(tMs - lastGoodMs, MAX_COUNTED_FRAME_GAP_MS);
    const next = { ...state, heldMs, lastGoodMs: tMs, badFrames: 0 };
    return heldMs >= MAX_TEST_SECONDS * 1000 ? stopped(next, { kind: 'time-cap' }) : next;
  }
  const badFrames = state.badFrames + 1;
  const broken = tMs - lastGoodMs > HOLD_MAX_GAP_MS && badFrames >= BREAK_MIN_FRAMES;
  return broken ? stopped(state, breakOf(frame, spec)) : { ...state, badFrames };
}

/** The person ended the hold themselves (the End button): it keeps the time held so far. */
export function endHoldTest(state: HoldTestState): HoldTestState {
  return state.phase === 'stopped' ? state : stopped(state, { kind: 'person' });
}
