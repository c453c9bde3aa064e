import { initialCoachState, stepCoach } from '../exercises/coach';
import type { Exercise, Undecided } from '../exercises/types';
import type { PoseRecording } from '../recording';

/** Every "can't judge" entry the session reported over a recording, frame by frame (for tests). */
export function undecidedOver(exercise: Exercise, recording: PoseRecording): Undecided[] {
  let state = initialCoachState(exercise);
  const seen: Undecided[] = [];
  for (const frame of recording.frames) {
    const step = stepCoach(exercise, state, frame, 'beginner', recording.mode === 'image');
    state = step.state;
    seen.push(...step.coaching.result.undecided);
  }
  return seen;
}
