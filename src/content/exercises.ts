/**
 * Every exercise the page knows, in menu order: one file each in ./exercises/ (how it is done and
 * what goes wrong, in plain words from the seeds, see docs/seeds.md; its fault wording; its units;
 * its kind and views). The checkers own the numbers and load only in the worker; these files own
 * the words. The tables below are derived from this one list, so a new exercise is its checker,
 * its file here and one line in each list; registry.test.ts fails while any of them is missing.
 */
import { EXERCISE_IDS } from '../pose/exercises/types';
import type { ExerciseId } from '../pose/exercises/types';
import { backExtensorHoldContent } from './exercises/back-extensor-hold';
import { birdDogContent } from './exercises/bird-dog';
import { deadBugContent } from './exercises/dead-bug';
import { deadliftContent } from './exercises/deadlift';
import { farmersCarryContent } from './exercises/farmers-carry';
import { gluteBridgeContent } from './exercises/glute-bridge';
import { kbSwingContent } from './exercises/kb-swing';
import { pallofPressContent } from './exercises/pallof-press';
import { plankContent } from './exercises/plank';
import { rdlContent } from './exercises/rdl';
import { rowContent } from './exercises/row';
import { sidePlankContent } from './exercises/side-plank';
import { squatContent } from './exercises/squat';
import { suitcaseDeadliftContent } from './exercises/suitcase-deadlift';
import { supermanContent } from './exercises/superman';
import { trunkFlexorHoldContent } from './exercises/trunk-flexor-hold';
import type { AnyExerciseFile } from './exercises/types';
import { wallPostureContent } from './exercises/wall-posture';

export type {
  AnyExerciseFile,
  ExerciseContent,
  FaultWording,
  MovementPattern,
  RangeUnit,
} from './exercises/types';

/** Every exercise the app offers, in menu order (the same order as src/pose/exercises/registry.ts). */
export const EXERCISE_LIST: readonly AnyExerciseFile[] = [
  plankContent,
  sidePlankContent,
  birdDogContent,
  deadBugContent,
  gluteBridgeContent,
  supermanContent,
  deadliftContent,
  rdlContent,
  kbSwingContent,
  squatContent,
  farmersCarryContent,
  pallofPressContent,
  suitcaseDeadliftContent,
  rowContent,
  trunkFlexorHoldContent,
  backExtensorHoldContent,
  wallPostureContent,
];

/** One value per id, from a list that must hold every id exactly once (checked here, at load). */
export function byId<Value>(
  ids: readonly string[],
  entries: readonly (readonly [string, Value])[],
  what: string,
): Readonly<Record<string, Value>> {
  const table = new Map(entries);
  const missing = ids.filter((id) => !table.has(id));
  if (missing.length > 0 || table.size !== entries.length || table.size !== ids.length) {
    throw new Error(`${what}: ${missing.join(', ') || 'a duplicate or unknown id'}`);
  }
  return Object.fromEntries(table);
}

export const EXERCISE_CONTENT = byId(
  EXERCISE_IDS,
  EXERCISE_LIST.map((file) => [file.id, file] as const),
  'an exercise id without its content file',
) as Readonly<Record<ExerciseId, AnyExerciseFile>>;
