import type { Pose } from '../pose';
import type { HoldTimerState } from '../reps/hold-timer';
import { initialHoldTimerState, stepHoldTimer } from '../reps/hold-timer';
import type { RepCounterState } from '../reps/rep-counter';
import { initialRepCounterState, settleAtSignalEnd, stepRepCounter } from '../reps/rep-counter';
import type { PoseSmootherState } from '../smoothing';
import { initialSmootherState, sanitisePose, smoothPose } from '../smoothing';
import { unsureBetween } from './decision';
import type { FaultPersistenceState } from './fault-persistence';
import { initialFaultPersistence, stepFaultPersistence } from './fault-persistence';
import type { RepMeasureSeries } from './rep-measures';
import { NO_REP_MEASURE_SERIES, recordRepMeasures, takeRepMeasures } from './rep-measures';
import type {
  EvaluateContext,
  Exercise,
  ExerciseId,
  FaultId,
  FormResult,
  RepExercise,
  RepMeasure,
  Strictness,
} from './types';

/** Everything one exercise session carries between frames. Switching exercise starts a new one. */
export interface SessionState<State, Fault extends FaultId = FaultId> {
  readonly smoother: PoseSmootherState;
  readonly exercise: State;
  /** Stepped only for rep exercises. */
  readonly reps: RepCounterState<Fault>;
  /** The frames of the exercise's `repMeasures` since the last rep (rep exercises only). */
  readonly repMeasures: RepMeasureSeries;
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
    repMeasures: NO_REP_MEASURE_SERIES,
    hold: initialHoldTimerState(),
    persistence: initialFaultPersistence<Fault>(),
  };
}

/**
 * The session handed to another person: what was read of the last one (smoothing, the check's own
 * state, the faults lasting, a rep's measures so far) starts afresh; the reps and seconds already
 * counted stay the set's.
 */
export function sessionForAnotherPerson<
  Phase extends string,
  Fault extends FaultId,
  State,
  Thresholds,
>(
  exercise: Exercise<Phase, Fault, State, Thresholds>,
  state: SessionState<State, Fault>,
): SessionState<State, Fault> {
  return { ...initialSessionState(exercise), reps: state.reps, hold: state.hold };
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
 * The rep counter's step on a judged frame's `repSignal`, and the frame's `repMeasures` kept for
 * the rep they belong to: a rep counted now takes them up to its end.
 */
function countRep<Phase extends string, Fault extends FaultId, State, Thresholds>(
  exercise: RepExercise<ExerciseId, Phase, Fault, State, Thresholds>,
  state: SessionState<State, Fault>,
  result: FormResult<Phase, Fault>,
  shownFaults: readonly Fault[],
  context: EvaluateContext,
): Pick<SessionState<State, Fault>, 'reps' | 'repMeasures'> {
  const judged = result.status === 'ok';
  const series = judged
    ? recordRepMeasures(
        state.repMeasures,
        exercise.repMeasures ?? [],
        result.metrics,
        context.timestampMs,
      )
    : state.repMeasures;
  const reps = stepRepCounter(
    state.reps,
    {
      timestampMs: context.timestampMs,
      // The exercise decides what counts: a frame that cannot judge may still give a signal (a
      // hinge's trunk with its knees hidden); every other unjudged result carries none.
      signal: result.repSignal,
      side: result.activeSide,
      // A rep is "with a fault" where the fault was cued: one frame past a limit cues nothing
      // (the persistence gate), and marks no rep either.
      faults: shownFaults,
    },
    exercise.repCounter[context.strictness],
  );
  return withRepMeasures(exercise.repMeasures ?? [], state.reps, { reps, repMeasures: series });
}

/** A rep the counter just counted (`before` had one fewer) takes its measures from `counted`. */
function withRepMeasures<Fault extends FaultId, State>(
  kept: readonly RepMeasure[],
  before: RepCounterState<Fault>,
  counted: Pick<SessionState<State, Fault>, 'reps' | 'repMeasures'>,
): Pick<SessionState<State, Fault>, 'reps' | 'repMeasures'> {
  const { reps, repMeasures: series } = counted;
  const rep = reps.reps.length > before.reps.length ? reps.reps.at(-1) : undefined;
  if (rep === undefined || kept.length === 0) return counted;
  const taken = takeRepMeasures(series, kept, rep);
  const withMeasures =
    Object.keys(taken.measures).length > 0 ? { ...rep, measures: taken.measures } : rep;
  return {
    reps: { ...reps, reps: [...reps.reps.slice(0, -1), withMeasures] },
    repMeasures: taken.rest,
  };
}

/**
 * The session when its frames end (a recorded clip's last frame): a rep reaching its lockout or
 * its rest as they end is counted, with its measures (`settleAtSignalEnd`). A live set never ends
 * so: its camera goes on until the person ends it, standing.
 */
export function settleSessionAtEnd<Phase extends string, Fault extends FaultId, State, Thresholds>(
  exercise: Exercise<Phase, Fault, State, Thresholds>,
  state: SessionState<State, Fault>,
  strictness: Strictness,
): SessionState<State, Fault> {
  if (exercise.kind !== 'reps') return state;
  const reps = settleAtSignalEnd(state.reps, exercise.repCounter[strictness]);
  const counted = { reps, repMeasures: state.repMeasures };
  return { ...state, ...withRepMeasures(exercise.repMeasures ?? [], state.reps, counted) };
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
  const counted =
    exercise.kind === 'reps' ? countRep(exercise, state, result, persistence.shown, context) : null;
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
      reps: counted?.reps ?? state.reps,
      repMeasures: counted?.repMeasures ?? state.repMeasures,
      hold,
      persistence: persistence.state,
    },
    result,
    pose: smoothed.pose,
    shownFaults: persistence.shown,
  };
}
