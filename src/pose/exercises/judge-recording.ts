import type { PoseRecording } from '../recording';
import { repCounts } from '../reps/rep-counter';
import type { RepCounts } from '../reps/rep-counter';
import { selectSubject } from '../subject';
import type { BodyPart } from '../visibility';
import type { Pose } from '../pose';
import { initialSessionState, stepSession } from './session';
import type { Exercise, FaultId, FormStatus, Strictness } from './types';

/** What a person would have been shown over a whole photo or clip. */
export interface RecordingVerdict {
  /** Every fault cued at some point (after the persistence gate). */
  readonly shownFaults: readonly FaultId[];
  /** Frames by status: how often the check could judge, could not see, or had the wrong view. */
  readonly statusFrames: Readonly<Record<FormStatus, number>>;
  /** Body parts reported unseen, over all frames. */
  readonly unseen: readonly BodyPart[];
  /** True when no frame could be judged: the app said it cannot see enough. */
  readonly couldNotJudge: boolean;
  readonly reps: RepCounts | null;
  /** Good-form seconds for hold exercises, else null. */
  readonly holdSeconds: number | null;
  /** Most people in view in one frame (duplicates of one person merged). */
  readonly mostPeopleInView: number;
}

/**
 * Runs a recorded pose sequence through the same pipeline the live app runs: subject selection,
 * smoothing, the exercise's check, the rep counter or hold timer, and the persistence gate.
 */
export function judgeRecording(
  exercise: Exercise,
  recording: PoseRecording,
  strictness: Strictness = 'beginner',
): RecordingVerdict {
  const isStill = recording.mode === 'image';
  let state = initialSessionState(exercise);
  let previousSubject: Pose | null = null;
  const shown = new Set<FaultId>();
  const unseen = new Set<BodyPart>();
  const statusFrames: Record<FormStatus, number> = {
    ok: 0,
    'cannot-see': 0,
    'wrong-view': 0,
    'no-person': 0,
  };
  let mostPeopleInView = 0;
  for (const frame of recording.frames) {
    const choice = selectSubject(frame.poses, previousSubject);
    previousSubject = choice.subject ?? previousSubject;
    mostPeopleInView = Math.max(mostPeopleInView, choice.peopleInView);
    const step = stepSession(
      exercise,
      isStill ? initialSessionState(exercise) : state,
      choice.subject,
      { timestampMs: frame.timestampMs, strictness, imageSize: frame.imageSize },
      isStill,
    );
    state = step.state;
    statusFrames[step.result.status] += 1;
    for (const fault of step.shownFaults) shown.add(fault);
    for (const part of step.result.unseen) unseen.add(part);
  }
  return {
    shownFaults: [...shown],
    statusFrames,
    unseen: [...unseen],
    couldNotJudge: statusFrames.ok === 0,
    reps: exercise.kind === 'reps' ? repCounts(state.reps) : null,
    holdSeconds: exercise.kind === 'hold' ? state.hold.goodMs / 1000 : null,
    mostPeopleInView,
  };
}
