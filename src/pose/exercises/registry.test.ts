import { describe, expect, it } from 'vitest';
import { exerciseContractViolations } from '../testing/exercise-contract';
import { plankSide } from '../testing/poses';
import { EXERCISES, findExercise } from './registry';
import { HINGE_EXERCISE_IDS } from './hinge';
import { GUIDANCE_IDS } from './types';
import type { ExerciseId, FaultId } from './types';

/**
 * Compile-time: the ids are the checkers' literals. A checker typed with a plain `string` id or
 * fault would widen these types to `string`, and this file would stop compiling.
 */
const ID_TYPES_ARE_LITERALS: [
  string extends ExerciseId ? false : true,
  string extends FaultId ? false : true,
] = [true, true];

describe('exercise registry', () => {
  it('has one entry per exercise id, each found by its id', () => {
    expect(ID_TYPES_ARE_LITERALS).toEqual([true, true]);
    const ids = EXERCISES.map((exercise) => exercise.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(findExercise(id)).toBe(EXERCISES.find((e) => e.id === id));
    expect(findExercise('no-such-exercise' as ExerciseId)).toBeNull();
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
    const cues = [...new Set(EXERCISES.flatMap((exercise) => exercise.faults)), ...GUIDANCE_IDS];
    expect(new Set(cues).size).toBe(cues.length);
  });
});
