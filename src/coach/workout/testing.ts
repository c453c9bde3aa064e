/** Small factories for the workout's unit tests: a Coaching as the worker would send it. */
import type { Coaching } from '../../pose/exercises/coach';
import type { FaultId, FormResult } from '../../pose/exercises/types';
import type { Rep } from '../../pose/reps/rep-counter';
import type { WorkoutEvent, WorkoutExercise } from './workout';

export function makeResult(overrides: Partial<FormResult> = {}): FormResult {
  return {
    status: 'ok',
    phase: 'holding',
    faults: [],
    undecided: [],
    unseen: [],
    view: 'side',
    viewAdvice: null,
    confidence: 0.9,
    evidence: [],
    metrics: {},
    repSignal: null,
    activeSide: null,
    ...overrides,
  };
}

export function makeCoaching(
  overrides: Partial<Omit<Coaching, 'result'>> & { readonly result?: Partial<FormResult> } = {},
): Coaching {
  const { result, ...rest } = overrides;
  return {
    shownFaults: [] as FaultId[],
    pose: null,
    peopleInView: 1,
    repDone: null,
    heldMs: 0,
    range: null,
    inHoldPosition: false,
    unseenHidden: false,
    ...rest,
    result: makeResult(result),
  };
}

/** A rep as the worker's rep counter finishes it, ending at `endMs` after 800 ms. */
export function makeRep(
  side: Rep['side'] = null,
  faults: readonly FaultId[] = [],
  endMs = 1000,
  tempo: Rep['tempo'] = { lowerMs: 300, pauseMs: 200, liftMs: 300 },
): Rep<FaultId> {
  return { side, startMs: endMs - 800, endMs, minSignal: 0.1, maxSignal: 0.9, faults, tempo };
}

export const PLANK: WorkoutExercise = {
  id: 'plank',
  kind: 'hold',
  alternatesSides: false,
  views: ['side'],
};
export const BRIDGE: WorkoutExercise = {
  id: 'glute-bridge',
  kind: 'reps',
  alternatesSides: false,
  views: ['side'],
};
export const BIRD_DOG: WorkoutExercise = { ...BRIDGE, id: 'bird-dog', alternatesSides: true };

/** Frames every 100 ms from `fromMs` to `toMs` inclusive, each with this coaching. */
export function frames(
  fromMs: number,
  toMs: number,
  coaching: (t: number) => Parameters<typeof makeCoaching>[0],
): WorkoutEvent[] {
  const out: WorkoutEvent[] = [];
  for (let t = fromMs; t <= toMs; t += 100) {
    out.push({ type: 'frame', tMs: t, coaching: makeCoaching(coaching(t)) });
  }
  return out;
}
