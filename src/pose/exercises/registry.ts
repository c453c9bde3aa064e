import { backExtensorHold } from './back-extensor-hold';
import { birdDog } from './bird-dog';
import { deadBug } from './dead-bug';
import { deadlift } from './deadlift';
import { farmersCarry } from './farmers-carry';
import { gluteBridge } from './glute-bridge';
import { kbSwing } from './kb-swing';
import { pallofPress } from './pallof-press';
import { plank } from './plank';
import { rdl } from './rdl';
import { row } from './row';
import { sidePlank } from './side-plank';
import { squat } from './squat';
import { suitcaseDeadlift } from './suitcase-deadlift';
import { superman } from './superman';
import { trunkFlexorHold } from './trunk-flexor-hold';
import type { Exercise, ExerciseId } from './types';
import { wallPosture } from './wall-posture';

/**
 * Every exercise the app offers, in menu order. Adding one is its checker, its content file
 * (src/content/exercises/) and a line here: its `id` and `faults` become the `ExerciseId` and
 * `FaultId` types (types.ts), so the compiler then asks for its content file.
 */
export const REGISTERED_CHECKERS = [
  plank,
  sidePlank,
  birdDog,
  deadBug,
  gluteBridge,
  superman,
  deadlift,
  rdl,
  kbSwing,
  squat,
  farmersCarry,
  pallofPress,
  suitcaseDeadlift,
  row,
  trunkFlexorHold,
  backExtensorHold,
  wallPosture,
] as const;

/** The same list seen through the one contract every exercise honours, for code that runs any. */
export const EXERCISES: readonly Exercise[] = [...REGISTERED_CHECKERS];

export function findExercise(id: ExerciseId): Exercise | null {
  return EXERCISES.find((exercise) => exercise.id === id) ?? null;
}
