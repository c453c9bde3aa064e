import { initialCoachState, stepCoach } from '../exercises/coach';
import type { Exercise, FormResult, Undecided, UndecidedReason } from '../exercises/types';
import type { PoseRecording } from '../recording';

/** Each frame's time and the result the session judged there, in order (for tests). */
export function resultsOver(
  exercise: Exercise,
  recording: PoseRecording,
): { readonly timestampMs: number; readonly result: FormResult }[] {
  let state = initialCoachState(exercise);
  return recording.frames.map((frame) => {
    const step = stepCoach(exercise, state, frame, 'beginner', recording.mode === 'image');
    state = step.state;
    return { timestampMs: frame.timestampMs, result: step.coaching.result };
  });
}

/** Every "can't judge" entry the session reported over a recording, frame by frame (for tests). */
export function undecidedOver(exercise: Exercise, recording: PoseRecording): Undecided[] {
  return resultsOver(exercise, recording).flatMap(({ result }) => result.undecided);
}

/** The faults the session left open for `reason` on some frame of a recording (for tests). */
export function faultsLeftOpen(
  exercise: Exercise,
  recording: PoseRecording,
  reason: UndecidedReason,
): Set<string> {
  return new Set(
    undecidedOver(exercise, recording).flatMap((entry) =>
      entry.reason === reason ? [entry.fault] : [],
    ),
  );
}
