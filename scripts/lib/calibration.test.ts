import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { thresholdValue, withThresholds } from '../../src/pose/exercises/decision';
import { forEngine } from '../../src/pose/exercises/engine-limits';
import { judgeRecording } from '../../src/pose/exercises/judge-recording';
import { EXERCISES } from '../../src/pose/exercises/registry';
import type { Exercise } from '../../src/pose/exercises/types';
import type { EngineModel } from '../../src/pose/pose';
import type { PoseRecording } from '../../src/pose/recording';
import { turnedRecording } from '../../src/pose/testing/reshape';
import { loadRecording, recordedFiles } from '../../tests/support/fixtures';
import type { FixtureEngine } from '../../tests/support/fixtures';
import { testDataDir } from '../../tests/support/testdata';
import { decisionFiles, decisionSeries, fitOver } from './calibration';
import type { JudgedFile } from './calibration';
import { readLabels } from './labels';
import { exerciseOfLabel } from './scoring';

/** The recorded fixtures of one exercise (folder named like its labels). */
function fixturesOf(exercise: Exercise): PoseRecording[] {
  const folder =
    exercise.id === 'wall-posture' ? 'standing_posture' : exercise.id.replaceAll('-', '_');
  return recordedFiles()
    .filter((file) => path.dirname(file) === folder)
    .map((file) => loadRecording(file));
}

/** A copy whose decided faults fire at any value: every limit moved to the good end. */
function alwaysFiring(exercise: Exercise): Exercise {
  return withThresholds(
    exercise,
    () =>
      new Map(
        exercise.decisions.flatMap((decision) => {
          const extreme = decision.firesWhen === 'above' ? -Infinity : Infinity;
          return [
            [decision.limit, extreme],
            [decision.unsureFrom, extreme],
          ];
        }),
      ),
  );
}

describe('fault decisions', () => {
  const decided = EXERCISES.filter((exercise) => exercise.decisions.length > 0);

  it('name thresholds that exist at both strictnesses and faults of their exercise', () => {
    for (const exercise of decided) {
      for (const decision of exercise.decisions) {
        expect(exercise.faults).toContain(decision.fault);
        for (const strictness of ['beginner', 'advanced'] as const) {
          const thresholds = exercise.thresholds[strictness] as Record<string, unknown>;
          expect(typeof thresholds[decision.limit], decision.limit).toBe('number');
          expect(typeof thresholds[decision.unsureFrom], decision.unsureFrom).toBe('number');
        }
      }
    }
  });

  it("are judged with the exercise copy's own thresholds (what the left-out check re-fits)", () => {
    for (const exercise of decided) {
      const judged = (recording: PoseRecording) => ({
        recording,
        frames: judgeRecording(exercise, recording).frames,
        shown: judgeRecording(alwaysFiring(exercise), recording).shownFaults,
      });
      const fixtures = fixturesOf(exercise);
      const direct = fixtures.map(judged);
      // A three-quarter reading (`sameMeasureAs`) of an exercise filmed only side-on is read on
      // its clips as a camera turned 45° about the person would see them (reshape.ts).
      const turned = exercise.decisions.some((decision) => decision.sameMeasureAs)
        ? fixtures.map((recording) => judged(turnedRecording(recording, 45)))
        : [];
      for (const decision of exercise.decisions) {
        const recordings = decision.sameMeasureAs ? [...direct, ...turned] : direct;
        // Files where the measure was read for longer than the fault gate waits.
        const read = recordings.filter(
          ({ recording, frames }) =>
            decisionSeries(decision, frames).length >= (recording.mode === 'image' ? 1 : 10),
        );
        const name = `${decision.fault} via ${decision.metric}`;
        expect(read.length, `${name}: no fixture reads it`).toBeGreaterThan(0);
        expect(
          read.some(({ shown }) => shown.includes(decision.fault)),
          name,
        ).toBe(true);
      }
    }
  }, 120_000);
});

const dataDir = testDataDir();

/** Every labelled file of each decided exercise, judged from one engine's recordings. */
function judgedByExercise(engine: FixtureEngine): Map<string, JudgedFile[]> {
  const rows = readLabels(dataDir ?? '');
  const judged = new Map<string, JudgedFile[]>();
  for (const exercise of EXERCISES.filter((candidate) => candidate.decisions.length > 0)) {
    const files: JudgedFile[] = [];
    for (const row of rows.filter((r) => exerciseOfLabel(r.exercise)?.id === exercise.id)) {
      const recording = loadRecording(row.file, engine);
      files.push({ row, frames: judgeRecording(exercise, recording).frames });
    }
    judged.set(exercise.id, files);
  }
  return judged;
}

describe.skipIf(!dataDir)('the limits in the code', () => {
  it('are the method of docs/judgement.md run on the development recordings', () => {
    const decided = EXERCISES.filter((candidate) => candidate.decisions.length > 0);
    const judged = judgedByExercise('mediapipe-full');
    for (const exercise of decided) {
      for (const decision of exercise.decisions) {
        const files = decisionFiles(exercise, decision, (id) => judged.get(id) ?? []);
        for (const strictness of ['beginner', 'advanced'] as const) {
          const fit = fitOver(decision, files, strictness);
          const sign = decision.firesWhen === 'above' ? 1 : -1;
          const name = `${exercise.id} ${decision.metric} (${strictness})`;
          expect({ name, limit: thresholdValue(exercise, strictness, decision.limit) }).toEqual({
            name,
            limit: sign * fit.limit,
          });
          expect({
            name,
            unsureFrom: thresholdValue(exercise, strictness, decision.unsureFrom),
          }).toEqual({ name, unsureFrom: sign * fit.unsureFrom });
        }
      }
    }
  }, 120_000);
});

describe.skipIf(!dataDir)('the limits a lighter engine judges with', () => {
  const ENGINES: readonly (readonly [FixtureEngine, EngineModel])[] = [
    ['mediapipe-lite', { engine: 'mediapipe', model: 'lite' }],
    ['movenet-lightning', { engine: 'movenet', model: 'lightning' }],
  ];
  for (const [fixtures, engine] of ENGINES) {
    it(`${fixtures}: the more lenient of full's and the method run on its own recordings`, () => {
      const judged = judgedByExercise(fixtures);
      for (const exercise of EXERCISES.filter((candidate) => candidate.decisions.length > 0)) {
        const onEngine = forEngine(exercise, engine);
        for (const decision of exercise.decisions) {
          const files = decisionFiles(exercise, decision, (id) => judged.get(id) ?? []);
          // A measure the engine never reads (MoveNet: no outline, no world landmarks) is never
          // judged there, whatever its limit.
          const read = files.some(({ frames }) =>
            frames.some((frame) => frame.metrics[decision.metric] !== undefined),
          );
          if (!read) continue;
          const fit = fitOver(decision, files, 'beginner');
          const sign = decision.firesWhen === 'above' ? 1 : -1;
          const lenient = (field: string, fitted: number): number =>
            sign * Math.max(sign * thresholdValue(exercise, 'beginner', field), fitted);
          const name = `${exercise.id} ${decision.metric}`;
          expect({ name, limit: thresholdValue(onEngine, 'beginner', decision.limit) }).toEqual({
            name,
            limit: lenient(decision.limit, fit.limit),
          });
          expect({
            name,
            unsureFrom: thresholdValue(onEngine, 'beginner', decision.unsureFrom),
          }).toEqual({ name, unsureFrom: lenient(decision.unsureFrom, fit.unsureFrom) });
        }
      }
    }, 120_000);
  }
});
