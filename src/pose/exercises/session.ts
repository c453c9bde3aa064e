import type { Pose } from '../pose';
import type { HoldTimerState } from '../reps/hold-timer';
import { initialHoldTimerState, stepHoldTimer } from '../reps/hold-timer';
import type { RepCounterState } from '../reps/rep-counter';
import { initialRepCounterState, stepRepCounter } from '../reps/rep-counter';
import type { PoseSmootherState } from '../smoothing';
import { initialSmootherState, smoothPose } from '../smoothing';
import type { EvaluateContext, Exercise, FaultId, FormResult } from './types';

/** Everything one exercise session carries between frames. Switching exercise starts a new one. */
export interface SessionState<State, Fault extends FaultId = FaultId> {
  readonly smoother: PoseSmootherState;
  readonly exercise: State;
  /** Stepped only for rep exercises. */
  readonly reps: RepCounterState<Fault>;
  /** Stepped only for hold exercises. */
  readonly hold: HoldTimerState;
}

export function initialSessionState<Phase extends string, Fault extends FaultId, State, Thresholds>(
  exercise: Exercise<Phase, Fault, State, Thresholds>,
): SessionState<State, Fault> {
  return {
    smoother: initialSmootherState(),
    exercise: exercise.initialState(),
    reps: initialRepCounterState<Fault>(),
    hold: initialHoldTimerState(),
  };
}

export interface SessionStep<Phase extends string, Fault extends FaultId, State> {
  readonly state: SessionState<State, Fault>;
  readonly result: FormResult<Phase, Fault>;
  /** The smoothed pose the exercise judged, for drawing the skeleton. */
  readonly pose: Pose | null;
}

/**
 * One frame through the whole pure pipeline: smoothing, the exercise's check, then its rep counter
 * or hold timer. The same code drives every exercise: reps come from `FormResult.repSignal` with
 * the exercise's `repCounter` thresholds, holds from status and faults.
 */
export function stepSession<Phase extends string, Fault extends FaultId, State, Thresholds>(
  exercise: Exercise<Phase, Fault, State, Thresholds>,
  state: SessionState<State, Fault>,
  rawPose: Pose | null,
  context: EvaluateContext,
): SessionStep<Phase, Fault, State> {
  const smoothed = smoothPose(state.smoother, rawPose, context.timestampMs);
  const { result, state: exerciseState } = exercise.evaluate(
    smoothed.pose,
    state.exercise,
    context,
  );
  const judged = result.status === 'ok';
  const reps =
    exercise.kind === 'reps'
      ? stepRepCounter(
          state.reps,
          {
            timestampMs: context.timestampMs,
            signal: judged ? result.repSignal : null,
            side: result.activeSide,
            faults: judged ? result.faults : [],
          },
          exercise.repCounter[context.strictness],
        )
      : state.reps;
  const hold =
    exercise.kind === 'hold'
      ? stepHoldTimer(state.hold, {
          timestampMs: context.timestampMs,
          status: result.status,
          faults: result.faults,
        })
      : state.hold;
  return {
    state: { smoother: smoothed.state, exercise: exerciseState, reps, hold },
    result,
    pose: smoothed.pose,
  };
}
