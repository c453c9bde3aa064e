import { initialCoachState, stepCoach } from '../../src/pose/exercises/coach';
import { findExercise } from '../../src/pose/exercises/registry';
import type { ExerciseId, FaultId } from '../../src/pose/exercises/types';
import type { PoseRecording } from '../../src/pose/recording';
import type { Rep } from '../../src/pose/reps/rep-counter';
import { loadRecording } from './fixtures';

/** The reps a recording counts, as the live pipeline (`stepCoach`) counts them. */
export function repsOfRecording(id: ExerciseId, recording: PoseRecording): readonly Rep<FaultId>[] {
  const exercise = findExercise(id);
  if (!exercise) throw new Error(`no ${id} in the registry`);
  let state = initialCoachState(exercise);
  const reps: Rep<FaultId>[] = [];
  for (const frame of recording.frames) {
    const step = stepCoach(exercise, state, frame, 'beginner', false);
    state = step.state;
    if (step.coaching.repDone) reps.push(step.coaching.repDone);
  }
  return reps;
}

/** The reps a clip's recorded landmarks count. */
export function repsOfClip(id: ExerciseId, clip: string): readonly Rep<FaultId>[] {
  return repsOfRecording(id, loadRecording(clip));
}
