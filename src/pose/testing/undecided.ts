import { initialCoachState, stepCoach } from '../exercises/coach';
import type { Exercise, Undecided } from '../exercises/types';
import type { PoseRecording } from '../recording';

/** Every distinct undecided entry the session reported over a recording (what "can't judge" said). */
export function undecidedOver(exercise: Exercise, recording: PoseRecording): Undecided[] {
  let state = initialCoachState(exercise);
  const seen: Undecided[] = [];
  for (const frame of recording.frames) {
    const step = stepCoach(exercise, state, frame, 'beginner', false);
    state = step.state;
    for (const item of step.coaching.result.undecided) {
      if (!seen.some((s) => s.fault === item.fault && s.reason === item.reason)) seen.push(item);
    }
  }
  return seen;
}
