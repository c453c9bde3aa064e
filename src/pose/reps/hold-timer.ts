/** What the hold timer needs from one frame's form result. */
export interface HoldSample {
  readonly timestampMs: number;
  readonly status: 'ok' | 'cannot-see' | 'wrong-view' | 'no-person';
  /** False while the person is still getting into position: setup time is not hold time. */
  readonly inPosition: boolean;
  readonly faults: readonly string[];
}

/**
 * Frames without a verdict (missed detections, a moment unseen) shorter than this, between two
 * good frames, still count as held: a detector blink should not cost the user their hold. About
 * 15 frames at 30 fps, a little under the 45-frame exit debounce in plank-challenge (docs/checkers.md).
 */
export const HOLD_MAX_GAP_MS = 500;

/** 'paused-fault': form broke; 'paused-unseen': the person cannot be judged right now. */
export type HoldPhase = 'idle' | 'holding' | 'paused-fault' | 'paused-unseen';

export interface HoldTimerState {
  readonly phase: HoldPhase;
  /** Total seconds in good form, in ms. */
  readonly goodMs: number;
  /** Length of the current unbroken stretch of good form, in ms. */
  readonly streakMs: number;
  readonly longestStreakMs: number;
  /** The last good frame still open for bridging a gap; null after a fault or a long gap. */
  readonly lastGoodMs: number | null;
  readonly lastSampleMs: number | null;
}

export function initialHoldTimerState(): HoldTimerState {
  return {
    phase: 'idle',
    goodMs: 0,
    streakMs: 0,
    longestStreakMs: 0,
    lastGoodMs: null,
    lastSampleMs: null,
  };
}

/**
 * Feeds one frame to the hold timer. Only time between good frames (status ok, in position, no
 * faults) counts;
 * a fault pauses at once and ends the streak; unseen frames pause, and the time across them counts
 * only if good form resumes within `HOLD_MAX_GAP_MS`. Samples with non-increasing or non-finite
 * timestamps are ignored. Pure: returns a new state.
 */
export function stepHoldTimer(state: HoldTimerState, sample: HoldSample): HoldTimerState {
  const t = sample.timestampMs;
  if (!Number.isFinite(t)) return state;
  if (state.lastSampleMs !== null && t <= state.lastSampleMs) return state;
  const judged = sample.status === 'ok' && sample.inPosition;
  const good = judged && sample.faults.length === 0;
  const faulted = judged && !good;

  if (faulted) {
    return { ...state, phase: 'paused-fault', streakMs: 0, lastGoodMs: null, lastSampleMs: t };
  }
  if (!good) {
    const expired = state.lastGoodMs !== null && t - state.lastGoodMs > HOLD_MAX_GAP_MS;
    return {
      ...state,
      phase: state.phase === 'paused-fault' ? 'paused-fault' : 'paused-unseen',
      streakMs: expired ? 0 : state.streakMs,
      lastGoodMs: expired ? null : state.lastGoodMs,
      lastSampleMs: t,
    };
  }
  const bridged = state.lastGoodMs !== null && t - state.lastGoodMs <= HOLD_MAX_GAP_MS;
  const addedMs = bridged ? t - state.lastGoodMs : 0;
  const streakMs = (bridged ? state.streakMs : 0) + addedMs;
  return {
    phase: 'holding',
    goodMs: state.goodMs + addedMs,
    streakMs,
    longestStreakMs: Math.max(state.longestStreakMs, streakMs),
    lastGoodMs: t,
    lastSampleMs: t,
  };
}
