import type { Exercise, ExerciseId } from './types';

/** Every exercise the app offers, in menu order. Adding one is its file plus a line here. */
export const EXERCISES: readonly Exercise[] = [];

export function findExercise(id: ExerciseId): Exercise | null {
  return EXERCISES.find((exercise) => exercise.id === id) ?? null;
}
