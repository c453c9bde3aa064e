import type { PoseRecording } from '../recording';
import { repCounts } from '../reps/rep-counter';
import type { RepCounts } from '../reps/rep-counter';
import type { BodyPart } from '../visibility';
import { initialCoachState, stepCoach } from './coach';
import { forEngine } from './engine-limits';
import { settleSessionAtEnd } from './session';
import type { View } from '../view';
import type { Exercise, FaultId, FormResult, FormStatus, Strictness } from './types';

/** One judged frame, as the evaluation's margins and re-fits read it. */
export interface JudgedFrame {
  readonly timestampMs: number;
  readonly status: FormStatus;
  readonly phase: string | null;
  readonly view: View;
  readonly metrics: Readonly<Record<string, number>>;
}

/** What a person would have been shown over a whole photo or clip. */
export interface RecordingVerdict {
  /** Every fault cued at some point (after the persistence gate). */
  readonly shownFaults: readonly FaultId[];
  /** Frames by status: how often the check could judge, could not see, or had the wrong view. */
  readonly statusFrames: Readonly<Record<FormStatus, number>>;
  /** Body parts reported unseen, over all frames. */
  readonly unseen: readonly BodyPart[];
  /**
   * True when no frame judged any of the exercise's faults (each was unseen or "can't judge"): the
   * app only said what it cannot see or judge, which is not "right" on a good file even though
   * nothing was cued (the test data's scoring rule: docs/judgement.md).
   */
  readonly couldNotJudge: boolean;
  readonly reps: RepCounts | null;
  /** Good-form seconds for hold exercises, else null. */
  readonly holdSeconds: number | null;
  /** Most people in view in one frame (duplicates of one person merged). */
  readonly mostPeopleInView: number;
  /** Every frame's status, phase, view and metrics, in order. */
  readonly frames: readonly JudgedFrame[];
}

/**
 * Whether a frame saw or ruled out at least one of the exercise's faults. Not left open is not
 * enough: a frame in the setup phase, or in a phase where a fault's decisions do not judge it (a
 * superman lying at rest), said nothing about it. A fault decided from measures (`decisions`) is
 * judged where one of them was read in a phase it judges; any other fault wherever it is not left
 * open.
 */
function judgesAFault(exercise: Exercise, result: FormResult): boolean {
  if (result.status !== 'ok' || result.phase === exercise.setupPhase) return false;
  const phase = result.phase;
  return exercise.faults.some((fault) => {
    if (result.faults.includes(fault)) return true;
    if (result.undecided.some((item) => item.fault === fault)) return false;
    const decisions = exercise.decisions.filter((decision) => decision.fault === fault);
    return (
      decisions.length === 0 ||
      decisions.some(
        (decision) =>
          phase !== null &&
          decision.judgedIn.includes(phase) &&
          result.metrics[decision.metric] !== undefined,
      )
    );
  });
}

/**
 * Runs a recorded pose sequence through the pipeline the live app runs (`stepCoach`), with the
 * limits the live app holds for the recording's engine (`forEngine`); `limits: 'as-given'` judges
 * with the exercise's own, as the evaluation does with limits it chose again.
 */
export function judgeRecording(
  given: Exercise,
  recording: PoseRecording,
  strictness: Strictness = 'beginner',
  limits: 'for-engine' | 'as-given' = 'for-engine',
): RecordingVerdict {
  const exercise = limits === 'as-given' ? given : forEngine(given, recording.engine);
  const isStill = recording.mode === 'image';
  let state = initialCoachState(exercise);
  const shown = new Set<FaultId>();
  const unseen = new Set<BodyPart>();
  const statusFrames: Record<FormStatus, number> = {
    ok: 0,
    'cannot-see': 0,
    'wrong-view': 0,
    'no-person': 0,
  };
  let mostPeopleInView = 0;
  const frames: JudgedFrame[] = [];
  let framesJudgingAFault = 0;
  for (const frame of recording.frames) {
    const step = stepCoach(exercise, state, frame, strictness, isStill);
    state = step.state;
    const coaching = step.coaching;
    const { status, phase, view, metrics } = coaching.result;
    frames.push({ timestampMs: frame.timestampMs, status, phase, view, metrics });
    statusFrames[coaching.result.status] += 1;
    if (judgesAFault(exercise, coaching.result)) framesJudgingAFault += 1;
    for (const fault of coaching.shownFaults) shown.add(fault);
    for (const part of coaching.result.unseen) unseen.add(part);
    mostPeopleInView = Math.max(mostPeopleInView, coaching.peopleInView);
  }
  return {
    shownFaults: [...shown],
    statusFrames,
    unseen: [...unseen],
    couldNotJudge: framesJudgingAFault === 0,
    reps:
      exercise.kind === 'reps'
        ? repCounts(settleSessionAtEnd(exercise, state.session, strictness).reps)
        : null,
    holdSeconds:
      exercise.kind === 'hold' && recording.frames.length > 0
        ? state.session.hold.goodMs / 1000
        : null,
    mostPeopleInView,
    frames,
  };
}
