import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../pose/exercises/registry';
import type { Exercise, ExerciseFacts } from '../pose/exercises/types';
import { FAULT_WORDING } from './cues';
import { EXERCISE_CONTENT, EXERCISE_IDS, EXERCISE_LIST, FAULT_IDS } from './exercises';

function factsOf(exercise: Exercise | ExerciseFacts): ExerciseFacts {
  const { id, kind, views, alternatesSides, setupPhase } = exercise;
  const { repsPerArm = false, sidesInTurn = false } = exercise;
  return { id, kind, views: [...views], alternatesSides, repsPerArm, sidesInTurn, setupPhase };
}

describe('one exercise = its checker + its content file + a registry line', () => {
  it('has a content file for every exercise id, once, in the menu order of the registry', () => {
    expect(EXERCISE_LIST.map((file) => file.id)).toEqual(EXERCISES.map((exercise) => exercise.id));
    expect(EXERCISE_IDS).toEqual(EXERCISES.map((exercise) => exercise.id));
  });

  it('repeats its checker’s facts exactly: the page decides kind, views and sides from them', () => {
    for (const exercise of EXERCISES) {
      expect(factsOf(EXERCISE_CONTENT[exercise.id])).toEqual(factsOf(exercise));
    }
  });

  it('names a setup phase its checker reports, or none', () => {
    for (const exercise of EXERCISES) {
      if (exercise.setupPhase !== null) expect(exercise.phases).toContain(exercise.setupPhase);
    }
  });

  it('words exactly the faults its checker reports, and every fault id has words', () => {
    for (const exercise of EXERCISES) {
      const worded = Object.keys(EXERCISE_CONTENT[exercise.id].faults);
      expect(worded.sort(), exercise.id).toEqual([...exercise.faults].sort());
    }
    const reported = new Set(EXERCISES.flatMap((exercise) => exercise.faults));
    expect([...FAULT_IDS].sort()).toEqual([...reported].sort());
    expect(Object.keys(FAULT_WORDING).sort()).toEqual([...FAULT_IDS].sort());
  });

  it('gives every exercise a title, steps, a camera hint and a rep-signal unit', () => {
    for (const file of EXERCISE_LIST) {
      expect(file.title).not.toBe('');
      expect(file.steps.length).toBeGreaterThan(0);
      expect(file.camera).not.toBe('');
      expect(file.rangeUnit.decimals).toBeGreaterThanOrEqual(0);
    }
  });
});
