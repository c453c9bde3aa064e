import { describe, expect, it } from 'vitest';
import type { EngineModel } from '../pose';
import { thresholdValue } from './decision';
import { LIGHTER_ENGINE_LIMITS, forEngine } from './engine-limits';
import { EXERCISES } from './registry';
import type { Strictness } from './types';

const FULL: EngineModel = { engine: 'mediapipe', model: 'full' };
const LIGHTER: readonly EngineModel[] = [
  { engine: 'mediapipe', model: 'lite' },
  { engine: 'movenet', model: 'lightning' },
  { engine: 'movenet', model: 'thunder' },
];
const STRICTNESSES: readonly Strictness[] = ['beginner', 'advanced'];

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
          const inCode = thresholdValue(exercise, 'beginner', field);
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
            const limit = sign * thresholdValue(judged, strictness, decision.limit);
            const unsure = sign * thresholdValue(judged, strictness, decision.unsureFrom);
            expect(limit, name).toBeGreaterThanOrEqual(
              sign * thresholdValue(exercise, strictness, decision.limit),
            );
            expect(unsure, name).toBeGreaterThanOrEqual(
              sign * thresholdValue(exercise, strictness, decision.unsureFrom),
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
      expect(thresholdValue(lite, strictness, 'backRoundingDeg')).toBe(
        thresholdValue(deadlift, strictness, 'backRoundingDeg') + 4,
      );
    }
  });
});
