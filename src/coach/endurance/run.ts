/**
 * A run of the endurance battery: the chosen tests in turn, each one hold (hold-test.ts) coached
 * by the usual workout, with a rest between them. Pure: (state, event) => state; the hook starts
 * each test's workout and saves each result.
 */
import type { EnduranceTestId } from './battery';
import { BATTERY_REST_SECONDS } from './battery';
import type { HoldStop } from './hold-test';

export interface EnduranceResult {
  readonly test: EnduranceTestId;
  readonly heldSeconds: number;
  readonly stop: HoldStop;
}

export interface EnduranceRun {
  readonly phase: 'idle' | 'testing' | 'resting' | 'done';
  /** The tests of this run, in order, and the one under way (or next after rest). */
  readonly tests: readonly EnduranceTestId[];
  readonly index: number;
  readonly results: readonly EnduranceResult[];
  readonly restEndsAtMs: number | null;
  /** Bumped each time a test starts, so the hook starts its workout once. */
  readonly startSeq: number;
}

export const IDLE_RUN: EnduranceRun = {
  phase: 'idle',
  tests: [],
  index: 0,
  results: [],
  restEndsAtMs: null,
  startSeq: 0,
};

export type RunEvent =
  | { readonly type: 'start'; readonly tests: readonly EnduranceTestId[] }
  | { readonly type: 'result'; readonly result: EnduranceResult; readonly tMs: number }
  | { readonly type: 'tick'; readonly tMs: number }
  | { readonly type: 'skip-rest' }
  | { readonly type: 'stop' };

function nextTest(run: EnduranceRun): EnduranceRun {
  return { ...run, phase: 'testing', restEndsAtMs: null, startSeq: run.startSeq + 1 };
}

export function stepRun(run: EnduranceRun, event: RunEvent): EnduranceRun {
  switch (event.type) {
    case 'start':
      if (event.tests.length === 0) return run;
      return nextTest({ ...IDLE_RUN, tests: event.tests, startSeq: run.startSeq });
    case 'result': {
      if (run.phase !== 'testing' || run.tests[run.index] !== event.result.test) return run;
      const results = [...run.results, event.result];
      const index = run.index + 1;
      if (index >= run.tests.length) return { ...run, phase: 'done', results, index };
      return {
        ...run,
        phase: 'resting',
        results,
        index,
        restEndsAtMs: event.tMs + BATTERY_REST_SECONDS * 1000,
      };
    }
    case 'tick':
      return run.phase === 'resting' && run.restEndsAtMs !== null && event.tMs >= run.restEndsAtMs
        ? nextTest(run)
        : run;
    case 'skip-rest':
      return run.phase === 'resting' ? nextTest(run) : run;
    case 'stop':
      return { ...IDLE_RUN, startSeq: run.startSeq };
  }
}

/** The test under way or next, or null when the run is idle or done. */
export function currentTest(run: EnduranceRun): EnduranceTestId | null {
  return run.phase === 'testing' || run.phase === 'resting' ? (run.tests[run.index] ?? null) : null;
}
