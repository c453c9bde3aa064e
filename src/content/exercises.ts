/**
 * Every exercise the page knows, in menu order: one file each in ./exercises/ (how it is done and
 * what goes wrong, in plain words from the seeds, see docs/seeds.md; its fault wording; its units;
 * its kind and views). The checkers own the numbers and load only in the worker; these files own
 * the words. The tables below are derived from one table, EXERCISE_CONTENT, which the compiler
 * keeps complete: a new exercise is its checker, a line in the worker's registry, its file here and
 * its line in that table; exercises.test.ts fails while its facts disagree with its checker.
 */
import type { ExerciseId, FaultId } from '../pose/exercises/types';
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
import type { AnyExerciseFile, ExerciseFile } from './exercises/types';
import { wallPostureContent } from './exercises/wall-posture';

export type {
  AnyExerciseFile,
  ExerciseContent,
  FaultWording,
  MovementPattern,
  RangeUnit,
} from './exercises/types';

/**
 * Every exercise's file by id, in menu order (the order of src/pose/exercises/registry.ts). The
 * compiler asks for one entry per registered checker, each with its own id and fault wording.
 */
export const EXERCISE_CONTENT: { readonly [Id in ExerciseId]: ExerciseFile<Id> } = {
  plank: plankContent,
  'side-plank': sidePlankContent,
  'bird-dog': birdDogContent,
  'dead-bug': deadBugContent,
  'glute-bridge': gluteBridgeContent,
  superman: supermanContent,
  deadlift: deadliftContent,
  rdl: rdlContent,
  'kb-swing': kbSwingContent,
  squat: squatContent,
  'farmers-carry': farmersCarryContent,
  'pallof-press': pallofPressContent,
  'suitcase-deadlift': suitcaseDeadliftContent,
  row: rowContent,
  'trunk-flexor-hold': trunkFlexorHoldContent,
  'back-extensor-hold': backExtensorHoldContent,
  'wall-posture': wallPostureContent,
};

/** Every exercise the app offers, in menu order. */
export const EXERCISE_LIST: readonly AnyExerciseFile[] = Object.values(EXERCISE_CONTENT);

/** The exercises' ids, for the page, which never loads the registry of checkers. */
export const EXERCISE_IDS: readonly ExerciseId[] = EXERCISE_LIST.map((file) => file.id);

/** Every fault id, each once: the hinge family's files share their faults' wording. */
export const FAULT_IDS: readonly FaultId[] = [
  ...new Set(EXERCISE_LIST.flatMap((file) => Object.keys(file.faults) as FaultId[])),
];

/** Whether a stored or imported id names an exercise of this build. */
export function isExerciseId(value: unknown): value is ExerciseId {
  return EXERCISE_IDS.some((id) => id === value);
}

/** Whether a stored or imported id names a fault of this build. */
export function isFaultId(value: unknown): value is FaultId {
  return FAULT_IDS.some((id) => id === value);
}

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
