import { describe, expect, it } from 'vitest';
import { exerciseContractViolations } from '../testing/exercise-contract';
import { plankSide } from '../testing/poses';
import { EXERCISES, findExercise } from './registry';
import { EXERCISE_IDS, FAULT_IDS, GUIDANCE_IDS, HINGE_EXERCISE_IDS } from './types';

describe('exercise registry', () => {
  it('has exactly one entry per exercise id: a new id without its checker fails here', () => {
    const ids = EXERCISES.map((exercise) => exercise.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...EXERCISE_IDS].sort());
    for (const id of EXERCISE_IDS) {
      expect(findExercise(id)?.id).toBe(id);
    }
  });

  it('every registered exercise honours the contract (never throws, no faults from garbage)', () => {
    for (const exercise of EXERCISES) {
      expect({
        id: exercise.id,
        problems: exerciseContractViolations(exercise, plankSide()),
      }).toEqual({
        id: exercise.id,
        problems: [],
      });
    }
  });

  it('every exercise reports only faults under its own prefix, and cue ids are unique', () => {
    for (const exercise of EXERCISES) {
      const prefix =
        exercise.id === 'wall-posture'
          ? 'posture'
          : (HINGE_EXERCISE_IDS as readonly string[]).includes(exercise.id)
            ? 'hinge'
            : exercise.id;
      expect(exercise.faults.every((fault) => fault.startsWith(`${prefix}.`))).toBe(true);
    }
    const cues = [...FAULT_IDS, ...GUIDANCE_IDS];
    expect(new Set(cues).size).toBe(cues.length);
  });
});
