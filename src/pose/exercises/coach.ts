import { hipMidpoint, shoulderMidpoint } from '../body';
import { angleFromVertical } from '../geometry/angles';
import type { ImageSize, Pose, PoseFrame } from '../pose';
import type { Rep } from '../reps/rep-counter';
import { distinctPeople, selectSubject } from '../subject';
import { hiddenInFrame } from '../visibility';
import { initialSessionState, sessionForAnotherPerson, stepSession } from './session';
import type { SessionState, SessionStep } from './session';
import type { EvaluateContext, Exercise, FaultId, FormResult, Strictness } from './types';

/** A coaching session on one exercise: what the worker keeps between frames. */
export interface CoachState {
  readonly session: SessionState<unknown>;
  /**
   * The person coached: the one the set started with, or who took it over in its position from
   * someone plainly out of it (`stepCoach`); followed when others walk into view; when they were
   * last seen (frame time, ms).
   */
  readonly subject: {
    readonly pose: Pose;
    readonly seenAtMs: number;
    /** The others in view last frame, known not to be this person (`SubjectChoice.others`). */
    readonly others: readonly Pose[];
  } | null;
}

/** What the UI receives for each frame: typed data, the UI owns the words. */
export interface Coaching {
  readonly result: FormResult;
  /** Faults to cue now (they lasted long enough); a subset of `result.faults` over time. */
  readonly shownFaults: readonly FaultId[];
  /** The smoothed pose that was judged, for the overlay; null when nobody is in view. */
  readonly pose: Pose | null;
  /** Distinct people in view; more than one means the app follows the person it coaches. */
  readonly peopleInView: number;
  /**
   * The rep this frame completed, with its faults and range of motion; null on every other frame.
   * Reps are counted here only: the workout adds the reps completed while its set counts.
   */
  readonly repDone: Rep<FaultId> | null;
  /** Good-form milliseconds this frame added to a hold (0 for rep exercises). */
  readonly heldMs: number;
  /** The rep signal now against its target band, while judged (not in setup); else null. */
  readonly range: RangeReading | null;
  /**
   * True when a hold exercise's frame was judged in one of its hold phases (in position, faults
   * or not); false while getting into position, unseen, and for rep exercises.
   */
  readonly inHoldPosition: boolean;
  /**
   * True when the body parts the check could not see (`result.unseen`) lie inside the image:
   * hidden from this camera angle, not out of frame (`hiddenInFrame`).
   */
  readonly unseenHidden: boolean;
}

/**
 * The rep signal's value this frame, in the exercise's rep-signal unit, with the rep counter's band:
 * a rep reaches its target above `enterTopAbove` and is back at rest below `exitTopBelow`.
 */
export interface RangeReading {
  readonly value: number;
  readonly enterTopAbove: number;
  readonly exitTopBelow: number;
}

/** The range reading of a judged frame of a rep exercise; null in setup or when not judged. */
function rangeReading(
  exercise: Exercise,
  result: FormResult,
  strictness: Strictness,
): RangeReading | null {
  const value = result.repSignal;
  if (exercise.kind !== 'reps' || result.status !== 'ok') return null;
  if (value === null || !Number.isFinite(value) || result.phase === exercise.setupPhase)
    return null;
  const { enterTopAbove, exitTopBelow } = exercise.repCounter[strictness];
  return { value, enterTopAbove, exitTopBelow };
}

/**
 * Clearly seen and not doing the exercise: in its setup phase, asked to get into position, or
 * seen from a side it is not judged from (someone on the sofa facing the camera, for a plank).
 * Where standing is part of the exercise (no setup phase: the hinges, the squat), standing upright
 * before any rep has begun is waiting too: as likely someone standing by as the person.
 * Not someone the check could not see: a lifter with the knees behind the plate is still lifting.
 */
function outOfPosition(
  exercise: Exercise,
  step: SessionStep<string, FaultId, unknown>,
  pose: Pose | null,
  imageSize: ImageSize | null,
): boolean {
  const { result, state } = step;
  if (result.status === 'wrong-view') return true;
  if (result.status !== 'ok') return false;
  if (result.phase === exercise.setupPhase || result.viewAdvice === 'setup.get-in-position') {
    return true;
  }
  const noRepBegun = state.reps.reps.length === 0 && state.reps.current === null;
  return exercise.setupPhase === null && noRepBegun && pose !== null && upright(pose, imageSize);
}

/** Seen in the exercise's position: judged, neither in setup nor asked to get into it. */
function inPosition(exercise: Exercise, result: FormResult): boolean {
  return (
    result.status === 'ok' &&
    result.phase !== exercise.setupPhase &&
    result.viewAdvice !== 'setup.get-in-position'
  );
}

/**
 * A trunk nearer vertical than this is someone standing or sitting up. In position, the floor
 * exercises' trunks measured 58-137° from vertical on the recordings and the row's 36-71°; the
 * standing ones' (the carry, the Pallof press, posture) 0-27°, as a bystander's.
 */
const UPRIGHT_TRUNK_MAX_DEG = 30;

/** Standing or sitting up: the trunk within `UPRIGHT_TRUNK_MAX_DEG` of vertical, or unread. */
function upright(pose: Pose, imageSize: ImageSize | null): boolean {
  const options = { imageSize };
  const fromVertical = angleFromVertical(
    hipMidpoint(pose, options)?.point ?? null,
    shoulderMidpoint(pose, options)?.point ?? null,
  );
  return fromVertical === null || fromVertical <= UPRIGHT_TRUNK_MAX_DEG;
}

/**
 * The set handed to this person, stepped on their frame; null where they may not take it from the
 * one followed: never someone upright, who cannot be told from a bystander standing or sitting by
 * (a carry set down for a moment stays the carrier's), and only in the exercise's position.
 */
function handedOver(
  exercise: Exercise,
  session: SessionState<unknown>,
  pose: Pose,
  context: EvaluateContext,
): SessionStep<string, FaultId, unknown> | null {
  if (upright(pose, context.imageSize)) return null;
  const step = stepSession(exercise, sessionForAnotherPerson(exercise, session), pose, context);
  return inPosition(exercise, step.result) ? step : null;
}

export function initialCoachState(exercise: Exercise): CoachState {
  return { session: initialSessionState(exercise), subject: null };
}

/**
 * One frame through the whole pure pipeline the live app and the evaluation share: pick the person
 * to coach, smooth, check, count, and gate which faults are shown. A still photo starts afresh.
 */
export function stepCoach(
  exercise: Exercise,
  state: CoachState,
  frame: PoseFrame,
  strictness: Strictness,
  isStill: boolean,
): { readonly state: CoachState; readonly coaching: Coaching } {
  const previous = isStill ? initialCoachState(exercise) : state;
  const choice = selectSubject(
    frame.poses,
    previous.subject && {
      pose: previous.subject.pose,
      unseenForMs: frame.timestampMs - previous.subject.seenAtMs,
      others: previous.subject.others,
    },
  );
  const context: EvaluateContext = {
    timestampMs: frame.timestampMs,
    strictness,
    imageSize: frame.imageSize,
    isStill,
  };
  const followed = stepSession(exercise, previous.session, choice.subject, context);
  // Someone sitting or standing in view before the person exercising came into it was followed
  // from the first frame on: while the one followed is plainly out of the exercise's position,
  // a person in it, not upright, takes the set over (docs/checkers.md, Who is coached).
  let taker: Pose | null = null;
  let step = followed;
  if (outOfPosition(exercise, followed, choice.subject, frame.imageSize)) {
    for (const pose of distinctPeople(frame.poses)) {
      const handed =
        pose === choice.subject ? null : handedOver(exercise, previous.session, pose, context);
      if (handed) {
        taker = pose;
        step = handed;
        break;
      }
    }
  }
  const subject = taker ?? choice.subject;
  const repsBefore = previous.session.reps.reps.length;
  const reps = step.state.reps.reps;
  return {
    state: {
      session: step.state,
      subject: subject
        ? {
            pose: subject,
            seenAtMs: frame.timestampMs,
            others: taker
              ? [
                  ...choice.others.filter((other) => other !== taker),
                  ...(choice.subject ? [choice.subject] : []),
                ]
              : choice.others,
          }
        : previous.subject && { ...previous.subject, others: choice.others },
    },
    coaching: {
      result: step.result,
      shownFaults: step.shownFaults,
      pose: step.pose,
      peopleInView: choice.peopleInView,
      repDone: reps.length > repsBefore ? (reps.at(-1) ?? null) : null,
      heldMs: step.state.hold.goodMs - previous.session.hold.goodMs,
      range: rangeReading(exercise, step.result, strictness),
      inHoldPosition:
        exercise.kind === 'hold' &&
        step.result.status === 'ok' &&
        step.result.phase !== null &&
        exercise.holdPhases.includes(step.result.phase),
      unseenHidden:
        step.pose !== null && hiddenInFrame(step.pose, step.result.unseen, frame.imageSize),
    },
  };
}
