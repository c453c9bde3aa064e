import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { EnduranceTestId } from '../../coach/endurance/battery';
import { BATTERY_REST_SECONDS, MAX_TEST_SECONDS, testSpec } from '../../coach/endurance/battery';
import type { EnduranceRun } from '../../coach/endurance/run';
import { IDLE_RUN, currentTest, stepRun } from '../../coach/endurance/run';
import type { SetPlan } from '../../coach/workout/plan';
import type { WorkoutExercise, WorkoutState } from '../../coach/workout/workout';
import { EXERCISE_CONTENT } from '../../content/exercises';
import type { Strictness } from '../../pose/exercises/types';
import { addEnduranceResult } from '../../storage';
import type { FrameAnalysis } from '../../workers/client';
import type { StorageState } from './useStorage';

/** How often the rest between tests is counted down, in ms. */
const REST_TICK_MS = 250;

/** One test is one set of one hold, capped at the test's maximum (the hold test stops it). */
const TEST_PLAN: SetPlan = {
  kind: 'hold',
  sets: 1,
  holdSeconds: MAX_TEST_SECONDS,
  restSeconds: BATTERY_REST_SECONDS,
};

export interface EnduranceControls {
  readonly run: EnduranceRun;
  readonly nowMs: number;
  /** Why the last result could not be saved, or null. */
  readonly saveError: string | null;
  readonly start: (tests: readonly EnduranceTestId[]) => void;
  readonly skipRest: () => void;
  readonly stop: () => void;
  readonly onAnalysis: (analysis: FrameAnalysis) => void;
}

interface WorkoutHandle {
  readonly state: WorkoutState;
  readonly start: (exercise: WorkoutExercise, plan: SetPlan) => void;
  readonly endSet: () => void;
  readonly stop: () => void;
}

function inSetPhase(phase: WorkoutState['phase']): boolean {
  return phase === 'placing' || phase === 'counting' || phase === 'paused';
}

/**
 * Runs the trunk endurance battery on the usual workout (coach/endurance/run.ts): starts each
 * test's one-set hold, feeds the run the frames the set counts, ends the set when the hold stops,
 * saves each result and counts the rest down before the next test.
 */
export function useEndurance(
  workout: WorkoutHandle,
  storage: StorageState,
  strictness: Strictness,
): EnduranceControls {
  const [run, dispatch] = useReducer(stepRun, IDLE_RUN);
  const [nowMs, setNowMs] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const runId = useRef('');
  const test = currentTest(run);

  // Each test starts its workout once (startSeq bumps once per test).
  const { start: startWorkout } = workout;
  const startedSeq = useRef(0);
  const setUnderWay = useRef(false);
  useEffect(() => {
    if (run.phase !== 'testing' || test === null || run.startSeq === startedSeq.current) return;
    startedSeq.current = run.startSeq;
    setUnderWay.current = false;
    startWorkout(EXERCISE_CONTENT[testSpec(test).exercise], TEST_PLAN);
  }, [run.phase, run.startSeq, test, startWorkout]);

  const workoutPhase = workout.state.phase;
  const onAnalysis = useCallback(
    (analysis: FrameAnalysis) => {
      const coaching = analysis.coaching;
      if (run.phase !== 'testing' || workoutPhase !== 'counting' || !coaching) return;
      dispatch({ type: 'frame', frame: coaching, tMs: analysis.frame.timestampMs });
    },
    [run.phase, workoutPhase],
  );

  // The set ended without the hold stopping it (End set, a stop): the hold ends with it. Only
  // once this test's set was seen under way: the last test's finished set is not this one's.
  useEffect(() => {
    if (run.phase !== 'testing') return;
    if (inSetPhase(workoutPhase)) {
      setUnderWay.current = true;
      return;
    }
    if (!setUnderWay.current) return;
    if (workoutPhase === 'idle') dispatch({ type: 'stop' });
    else if (workoutPhase === 'finished') dispatch({ type: 'set-ended', tMs: performance.now() });
  }, [workoutPhase, run.phase]);

  // The hold stopped while its set is under way: end the set.
  const { endSet } = workout;
  const holdStopped = run.hold.phase === 'stopped';
  useEffect(() => {
    if (holdStopped && inSetPhase(workoutPhase)) endSet();
  }, [holdStopped, workoutPhase, endSet]);

  // Each new result is saved once.
  const saved = useRef(0);
  useEffect(() => {
    if (run.results.length < saved.current) saved.current = 0;
    const result = run.results[saved.current];
    if (result === undefined || storage.status !== 'ready') return;
    saved.current += 1;
    const stop = result.stop;
    addEnduranceResult(storage.db, {
      id: crypto.randomUUID(),
      takenAt: new Date().toISOString(),
      test: result.test,
      heldSeconds: result.heldSeconds,
      stoppedBy: stop.kind === 'fault' ? stop.fault : stop.kind,
      runId: runId.current,
      strictness,
    }).then(
      () => {
        setSaveError(null);
      },
      (error: unknown) => {
        setSaveError(error instanceof Error ? error.message : String(error));
      },
    );
  }, [run.results, storage, strictness]);

  const resting = run.phase === 'resting';
  useEffect(() => {
    if (!resting) return;
    const timer = setInterval(() => {
      const now = performance.now();
      setNowMs(now);
      dispatch({ type: 'tick', tMs: now });
    }, REST_TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [resting]);

  const { stop: stopWorkout } = workout;
  return {
    run,
    nowMs,
    saveError,
    onAnalysis,
    start: useCallback((tests: readonly EnduranceTestId[]) => {
      runId.current = crypto.randomUUID();
      dispatch({ type: 'start', tests });
    }, []),
    skipRest: useCallback(() => {
      dispatch({ type: 'skip-rest' });
    }, []),
    stop: useCallback(() => {
      dispatch({ type: 'stop' });
      stopWorkout();
    }, [stopWorkout]),
  };
}
