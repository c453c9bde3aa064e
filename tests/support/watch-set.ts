/**
 * Plays recordings one after another (a second apart) into one set of a workout, through the same
 * pure pipeline the worker and the page run (stepCoach, then stepWorkout): the workout's state at
 * the end and every announcement it made on the way; `onFrame` sees the state after each frame.
 */
import { initialCoachState, stepCoach } from '../../src/pose/exercises/coach';
import type { Exercise } from '../../src/pose/exercises/types';
import type { PoseRecording } from '../../src/pose/recording';
import type { Announcement, WorkoutState } from '../../src/coach/workout/workout';
import { INITIAL_WORKOUT, stepWorkout } from '../../src/coach/workout/workout';

export function watchSet(
  exercise: Exercise,
  recordings: readonly PoseRecording[],
  reps: number,
  onFrame?: (state: WorkoutState) => void,
): { readonly state: WorkoutState; readonly announced: readonly Announcement[] } {
  let state = stepWorkout(INITIAL_WORKOUT, {
    type: 'start',
    exercise,
    plan: { kind: 'reps', sets: 1, reps, restSeconds: 60 },
    tMs: 0,
  });
  let coach = initialCoachState(exercise);
  let endMs = 0;
  const announced: Announcement[] = [];
  for (const recording of recordings) {
    const startMs = endMs + 1000;
    for (const frame of recording.frames) {
      const tMs = startMs + frame.timestampMs;
      const step = stepCoach(exercise, coach, { ...frame, timestampMs: tMs }, 'beginner', false);
      coach = step.state;
      const next = stepWorkout(state, { type: 'frame', tMs, coaching: step.coaching });
      if (next.announcement && next.announcement.seq !== state.announcement?.seq) {
        announced.push(next.announcement.what);
      }
      state = next;
      onFrame?.(state);
      endMs = tMs;
    }
  }
  return { state, announced };
}
