import { describe, expect, it } from 'vitest';
import type { EngineModel } from '../pose';
import { LIGHTER_ENGINE_LIMITS, forEngine } from './engine-limits';
import { EXERCISES } from './registry';
import type { Exercise, Strictness } from './types';

const FULL: EngineModel = { engine: 'mediapipe', model: 'full' };
const LIGHTER: readonly EngineModel[] = [
  { engine: 'mediapipe', model: 'lite' },
  { engine: 'movenet', model: 'lightning' },
  { engine: 'movenet', model: 'thunder' },
];
const STRICTNESSES: readonly Strictness[] = ['beginner', 'advanced'];

function threshold(exercise: Exercise, strictness: Strictness, field: string): number {
  const value = (exercise.thresholds[strictness] as Readonly<Record<string, unknown>>)[field];
  if (typeof value !== 'number') throw new Error(`${exercise.id} has no number ${field}`);
  return value;
}

describe('forEngine', () => {
  it('judges MediaPipe full and heavy with the limits in the code, which were chosen on full', () => {
    for (const exercise of EXERCISES) {
      expect(forEngine(exercise, FULL)).toBe(exercise);
      expect(forEngine(exercise, { engine: 'mediapipe', model: 'heavy' })).toBe(exercise);
    }
  });

  it("lists only a decision's limit or \"can't judge\" start, each more lenient than full's", () => {
    for (const [engine, byExercise] of Object.entries(LIGHTER_ENGINE_LIMITS)) {
      for (const [id, fields] of Object.entries(byExercise)) {
        const exercise = EXERCISES.find((candidate) => candidate.id === id);
        expect(exercise, `${engine} ${id}`).toBeDefined();
        if (!exercise) continue;
        for (const [field, value] of Object.entries(fields)) {
          const decision = exercise.decisions.find(
            (d) => d.limit === field || d.unsureFrom === field,
          );
          expect(decision, `${engine} ${id}.${field}`).toBeDefined();
          if (!decision) continue;
          const inCode = threshold(exercise, 'beginner', field);
          const moreLenient = decision.firesWhen === 'above' ? value > inCode : value < inCode;
          expect(moreLenient, `${engine} ${id}.${field}: ${value} against ${inCode}`).toBe(true);
        }
      }
    }
  });

  it('never judges more strictly than full on a lighter engine, and keeps "can\'t judge" before the cue', () => {
    for (const exercise of EXERCISES) {
      for (const engine of LIGHTER) {
        const judged = forEngine(exercise, engine);
        expect(forEngine(exercise, engine), 'the same copy every frame').toBe(judged);
        for (const strictness of STRICTNESSES) {
          for (const decision of exercise.decisions) {
            const sign = decision.firesWhen === 'above' ? 1 : -1;
            const name = `${engine.model} ${exercise.id} ${strictness} ${decision.metric}`;
            const limit = sign * threshold(judged, strictness, decision.limit);
            const unsure = sign * threshold(judged, strictness, decision.unsureFrom);
            expect(limit, name).toBeGreaterThanOrEqual(
              sign * threshold(exercise, strictness, decision.limit),
            );
            expect(unsure, name).toBeGreaterThanOrEqual(
              sign * threshold(exercise, strictness, decision.unsureFrom),
            );
            expect(unsure, name).toBeLessThanOrEqual(limit);
          }
        }
      }
    }
  });

  it('moves both strictnesses by the same amount, so advanced stays the stricter', () => {
    const deadlift = EXERCISES.find((exercise) => exercise.id === 'deadlift');
    if (!deadlift) throw new Error('no deadlift');
    const lite = forEngine(deadlift, { engine: 'mediapipe', model: 'lite' });
    for (const strictness of STRICTNESSES) {
      expect(threshold(lite, strictness, 'backRoundingDeg')).toBe(
        threshold(deadlift, strictness, 'backRoundingDeg') + 4,
      );
    }
  });
});
