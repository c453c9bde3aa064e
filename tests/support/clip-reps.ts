import { initialCoachState, stepCoach } from '../../src/pose/exercises/coach';
import { findExercise } from '../../src/pose/exercises/registry';
import type { ExerciseId, FaultId } from '../../src/pose/exercises/types';
import type { PoseRecording } from '../../src/pose/recording';
import type { Rep } from '../../src/pose/reps/rep-counter';
import { loadRecording } from './fixtures';

/** The reps a recording counts, as the live pipeline (`stepCoach`) counts them. */
export function repsOfRecording(id: ExerciseId, recording: PoseRecording): readonly Rep<FaultId>[] {
  return countedLive(id, recording).reps.map(({ rep }) => rep);
}

/**
 * A recording counted live: each rep with the time of the frame that counted it, and each frame's
 * rep signal (null where the frame gave none).
 */
export function countedLive(
  id: ExerciseId,
  recording: PoseRecording,
): {
  readonly reps: readonly { readonly rep: Rep<FaultId>; readonly countedAtMs: number }[];
  readonly signals: readonly { readonly timestampMs: number; readonly repSignal: number | null }[];
} {
  const exercise = findExercise(id);
  if (!exercise) throw new Error(`no ${id} in the registry`);
  let state = initialCoachState(exercise);
  const reps: { rep: Rep<FaultId>; countedAtMs: number }[] = [];
  const signals: { timestampMs: number; repSignal: number | null }[] = [];
  for (const frame of recording.frames) {
    const step = stepCoach(exercise, state, frame, 'beginner', false);
    state = step.state;
    const { timestampMs } = frame;
    signals.push({ timestampMs, repSignal: step.coaching.result.repSignal });
    if (step.coaching.repDone) reps.push({ rep: step.coaching.repDone, countedAtMs: timestampMs });
  }
  return { reps, signals };
}

/** The reps a clip's recorded landmarks count. */
export function repsOfClip(id: ExerciseId, clip: string): readonly Rep<FaultId>[] {
  return repsOfRecording(id, loadRecording(clip));
}
