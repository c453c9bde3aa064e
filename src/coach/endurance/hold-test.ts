/**
 * One endurance hold, timed only in good form and stopped at the first break, with the reason.
 * Unlike a training hold (which pauses on a fault and goes on), a test ends when form breaks: the
 * time held is the one unbroken stretch from the first good frame. Pure; fed the worker's frames.
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
  /** Good-form milliseconds of the hold (the hold timer's, bridging detector blinks). */
  readonly heldMs: number;
  /** The frame time of the last good frame; null before the hold starts. */
  readonly lastGoodMs: number | null;
  /** True while waiting with the body on the other side (a side bridge on the wrong arm). */
  readonly wrongSide: boolean;
  readonly stop: HoldStop | null;
}

export const INITIAL_HOLD_TEST: HoldTestState = {
  phase: 'waiting',
  heldMs: 0,
  lastGoodMs: null,
  wrongSide: false,
  stop: null,
};

export type HoldFrame = Pick<Coaching, 'result' | 'shownFaults' | 'heldMs'>;

function onTheSide(spec: EnduranceTestSpec, frame: HoldFrame): boolean {
  return spec.side === null || frame.result.activeSide === spec.side;
}

/** What broke the hold on a frame that added no good time. */
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
 * One frame at `tMs`. The hold starts on the first frame that adds good-form time on the test's
 * side; a shown fault stops it at once; a stretch of frames adding none (not in position, unseen,
 * a fault not yet shown) stops it once it outlasts a detector blink (`HOLD_MAX_GAP_MS`), with the
 * reason of its last frame.
 */
export function stepHoldTest(
  state: HoldTestState,
  spec: EnduranceTestSpec,
  frame: HoldFrame,
  tMs: number,
): HoldTestState {
  if (state.phase === 'stopped' || !Number.isFinite(tMs)) return state;
  const good = frame.heldMs > 0 && frame.shownFaults.length === 0 && onTheSide(spec, frame);
  if (state.phase === 'waiting') {
    if (!good) {
      // A frame that reads no side (setup, unseen) keeps what the last sided frame said.
      if (frame.result.activeSide === null) return state;
      const wrongSide = !onTheSide(spec, frame);
      return wrongSide === state.wrongSide ? state : { ...state, wrongSide };
    }
    return { ...state, phase: 'holding', heldMs: frame.heldMs, lastGoodMs: tMs, wrongSide: false };
  }
  const shown = frame.shownFaults[0];
  if (shown !== undefined) return stopped(state, { kind: 'fault', fault: shown });
  if (good) {
    const heldMs = state.heldMs + frame.heldMs;
    const next = { ...state, heldMs, lastGoodMs: tMs };
    return heldMs >= MAX_TEST_SECONDS * 1000 ? stopped(next, { kind: 'time-cap' }) : next;
  }
  const sinceGoodMs = tMs - (state.lastGoodMs ?? tMs);
  return sinceGoodMs > HOLD_MAX_GAP_MS ? stopped(state, breakOf(frame, spec)) : state;
}

/** The person ended the hold themselves (the End button): it keeps the time held so far. */
export function endHoldTest(state: HoldTestState): HoldTestState {
  return state.phase === 'stopped' ? state : stopped(state, { kind: 'person' });
}
