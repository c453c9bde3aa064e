import type { Pose } from '../pose';
import type { HoldTimerState } from '../reps/hold-timer';
import { initialHoldTimerState, stepHoldTimer } from '../reps/hold-timer';
import type { RepCounterState } from '../reps/rep-counter';
import { initialRepCounterState, stepRepCounter } from '../reps/rep-counter';
import type { PoseSmootherState } from '../smoothing';
import { initialSmootherState, sanitisePose, smoothPose } from '../smoothing';
import { unsureBetween } from './decision';
import type { FaultPersistenceState } from './fault-persistence';
import { initialFaultPersistence, stepFaultPersistence } from './fault-persistence';
import type { EvaluateContext, Exercise, FaultId, FormResult } from './types';

/** Everything one exercise session carries between frames. Switching exercise starts a new one. */
export interface SessionState<State, Fault extends FaultId = FaultId> {
  readonly smoother: PoseSmootherState;
  readonly exercise: State;
  /** Stepped only for rep exercises. */
  readonly reps: RepCounterState<Fault>;
  /** Stepped only for hold exercises. */
  readonly hold: HoldTimerState;
  /** Which faults have lasted long enough to be shown. */
  readonly persistence: FaultPersistenceState<Fault>;
}

export function initialSessionState<Phase extends string, Fault extends FaultId, State, Thresholds>(
  exercise: Exercise<Phase, Fault, State, Thresholds>,
): SessionState<State, Fault> {
  return {
    smoother: initialSmootherState(),
    exercise: exercise.initialState(),
    reps: initialRepCounterState<Fault>(),
    hold: initialHoldTimerState(),
    persistence: initialFaultPersistence<Fault>(),
  };
}

export interface SessionStep<Phase extends string, Fault extends FaultId, State> {
  readonly state: SessionState<State, Fault>;
  readonly result: FormResult<Phase, Fault>;
  /** The smoothed pose the exercise judged, for drawing the skeleton. */
  readonly pose: Pose | null;
  /** The faults to cue now: seen without a break for long enough (all of them for a still). */
  readonly shownFaults: readonly Fault[];
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
  const isStill = context.isStill === true;
  // A still photo is judged as it is: no smoothing across unrelated photos.
  const smoothed = isStill
    ? { pose: rawPose === null ? null : sanitisePose(rawPose), state: initialSmootherState() }
    : smoothPose(state.smoother, rawPose, context.timestampMs);
  const evaluation = exercise.evaluate(smoothed.pose, state.exercise, context);
  const exerciseState = evaluation.state;
  const result: FormResult<Phase, Fault> = {
    ...evaluation.result,
    undecided: unsureBetween(
      exercise.decisions,
      exercise.thresholds[context.strictness],
      evaluation.result,
    ),
  };
  const judged = result.status === 'ok';
  const persistence = stepFaultPersistence(
    state.persistence,
    judged ? result.faults : [],
    context.timestampMs,
    isStill,
    exercise.perRepFaults,
  );
  const reps =
    exercise.kind === 'reps'
      ? stepRepCounter(
          state.reps,
          {
            timestampMs: context.timestampMs,
            signal: judged ? result.repSignal : null,
            side: result.activeSide,
            // A rep is "with a fault" where the fault was cued: one frame past a limit cues
            // nothing (the persistence gate), and marks no rep either.
            faults: persistence.shown,
          },
          exercise.repCounter[context.strictness],
        )
      : state.reps;
  const hold =
    exercise.kind === 'hold'
      ? stepHoldTimer(state.hold, {
          timestampMs: context.timestampMs,
          status: result.status,
          inPosition: result.phase !== null && exercise.holdPhases.includes(result.phase),
          faults: result.faults,
        })
      : state.hold;
  return {
    state: {
      smoother: smoothed.state,
      exercise: exerciseState,
      reps,
      hold,
      persistence: persistence.state,
    },
    result,
    pose: smoothed.pose,
    shownFaults: persistence.shown,
  };
}
