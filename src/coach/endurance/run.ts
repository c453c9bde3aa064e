/**
 * A run of the endurance battery: the chosen tests in turn, each one hold (hold-test.ts) coached
 * by the usual workout, with a rest between them. Pure: (state, event) => state; the hook starts
 * each test's workout, feeds it the frames the set counts, ends the set and saves each result.
 */
import type { EnduranceTestId } from './battery';
import { BATTERY_REST_SECONDS, testSpec } from './battery';
import type { HoldFrame, HoldStop, HoldTestState } from './hold-test';
import { INITIAL_HOLD_TEST, endHoldTest, stepHoldTest } from './hold-test';

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
  /** The hold of the test under way (or the last one's, stopped, while resting). */
  readonly hold: HoldTestState;
  readonly restEndsAtMs: number | null;
  /** Bumped each time a test starts, so the hook starts its workout once. */
  readonly startSeq: number;
}

export const IDLE_RUN: EnduranceRun = {
  phase: 'idle',
  tests: [],
  index: 0,
  results: [],
  hold: INITIAL_HOLD_TEST,
  restEndsAtMs: null,
  startSeq: 0,
};

export type RunEvent =
  | { readonly type: 'start'; readonly tests: readonly EnduranceTestId[] }
  /** A frame the test's set counted (the workout is past placement). */
  | { readonly type: 'frame'; readonly frame: HoldFrame; readonly tMs: number }
  /** The test's set ended without the hold stopping it (End set, the workout's own cap). */
  | { readonly type: 'set-ended'; readonly tMs: number }
  | { readonly type: 'tick'; readonly tMs: number }
  | { readonly type: 'skip-rest' }
  | { readonly type: 'stop' };

function nextTest(run: EnduranceRun): EnduranceRun {
  return {
    ...run,
    phase: 'testing',
    hold: INITIAL_HOLD_TEST,
    restEndsAtMs: null,
    startSeq: run.startSeq + 1,
  };
}

/** The hold after this step: once it stops, its result is kept and the run rests or ends. */
function withHold(run: EnduranceRun, hold: HoldTestState, tMs: number): EnduranceRun {
  const test = run.tests[run.index];
  if (hold.phase !== 'stopped' || hold.stop === null || test === undefined) return { ...run, hold };
  const results = [...run.results, { test, heldSeconds: hold.heldMs / 1000, stop: hold.stop }];
  const index = run.index + 1;
  if (index >= run.tests.length) return { ...run, phase: 'done', hold, results, index };
  return {
    ...run,
    phase: 'resting',
    hold,
    results,
    index,
    restEndsAtMs: tMs + BATTERY_REST_SECONDS * 1000,
  };
}

export function stepRun(run: EnduranceRun, event: RunEvent): EnduranceRun {
  switch (event.type) {
    case 'start':
      if (event.tests.length === 0) return run;
      return nextTest({ ...IDLE_RUN, tests: event.tests, startSeq: run.startSeq });
    case 'frame': {
      const test = run.tests[run.index];
      if (run.phase !== 'testing' || test === undefined) return run;
      const hold = stepHoldTest(run.hold, testSpec(test), event.frame, event.tMs);
      return hold === run.hold ? run : withHold(run, hold, event.tMs);
    }
    case 'set-ended':
      return run.phase === 'testing' ? withHold(run, endHoldTest(run.hold), event.tMs) : run;
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
