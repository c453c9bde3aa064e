/** Small factories for the workout's unit tests: a Coaching as the worker would send it. */
import type { Coaching } from '../../pose/exercises/coach';
import type { FaultId, FormResult } from '../../pose/exercises/types';

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
    reps: null,
    repPhase: null,
    lastRep: null,
    holdSeconds: null,
    ...rest,
    result: makeResult(result),
  };
}
