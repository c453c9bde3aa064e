/**
 * Property-based tests of every exercise through stepCoach (fast-check): whatever the engines
 * send, the coach never throws, never shows NaN, and never cues a fault from a pose it cannot see.
 * The poses, garbage and sequences are in support/pose-arbitraries.ts.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { stepCoach, initialCoachState } from '../../src/pose/exercises/coach';
import type { Coaching } from '../../src/pose/exercises/coach';
import { EXERCISES } from '../../src/pose/exercises/registry';
import type { Evidence, EvidencePoint, Exercise } from '../../src/pose/exercises/types';
import type { Sequence } from './support/pose-arbitraries';
import {
  anySequence,
  frameOf,
  garbageSequence,
  RUNS,
  visiblePoseSequence,
  PROPERTY_TIMEOUT_MS,
} from './support/pose-arbitraries';

vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

// ---------------------------------------------------------------- what the UI may be shown

function nonFinite(value: number | null | undefined, name: string): string[] {
  return value === null || value === undefined || Number.isFinite(value)
    ? []
    : [`${name} = ${value}`];
}

function pointProblems(point: EvidencePoint, name: string): string[] {
  return [...nonFinite(point.x, `${name}.x`), ...nonFinite(point.y, `${name}.y`)];
}

function evidenceProblems(evidence: Evidence, i: number): string[] {
  switch (evidence.kind) {
    case 'line':
      return [
        ...pointProblems(evidence.from, `evidence ${i} from`),
        ...pointProblems(evidence.to, `evidence ${i} to`),
      ];
    case 'angle':
      return [
        ...pointProblems(evidence.vertex, `evidence ${i} vertex`),
        ...pointProblems(evidence.a, `evidence ${i} a`),
        ...pointProblems(evidence.b, `evidence ${i} b`),
        ...nonFinite(evidence.degrees, `evidence ${i} degrees`),
      ];
    case 'point':
      return pointProblems(evidence.at, `evidence ${i} at`);
  }
}

/**
 * Everything wrong with one frame's coaching as the UI would show it: NaN or infinite numbers,
 * confidence outside 0-1, faults without a verdict, shown faults that were not seen, unknown ids.
 */
function coachingProblems(exercise: Exercise, coaching: Coaching): string[] {
  const { result } = coaching;
  const problems: string[] = [];
  if (result.status !== 'ok' && result.faults.length > 0) {
    problems.push(`faults [${result.faults.join(',')}] with status ${result.status}`);
  }
  if (result.status !== 'ok' && coaching.shownFaults.length > 0) {
    problems.push(`shown faults [${coaching.shownFaults.join(',')}] with status ${result.status}`);
  }
  for (const fault of coaching.shownFaults) {
    if (!result.faults.includes(fault)) problems.push(`shown fault ${fault} not seen this frame`);
  }
  for (const fault of result.faults) {
    if (!exercise.faults.includes(fault)) problems.push(`fault ${fault} is not ${exercise.id}'s`);
  }
  if (!(result.confidence >= 0 && result.confidence <= 1)) {
    problems.push(`confidence ${result.confidence}`);
  }
  for (const [name, value] of Object.entries(result.metrics)) {
    problems.push(...nonFinite(value, `metric ${name}`));
  }
  problems.push(...nonFinite(result.repSignal, 'repSignal'));
  result.evidence.forEach((evidence, i) => problems.push(...evidenceProblems(evidence, i)));
  coaching.pose?.landmarks.forEach((point, i) => {
    if (point) {
      problems.push(...nonFinite(point.x, `pose ${i}.x`), ...nonFinite(point.y, `pose ${i}.y`));
      problems.push(...nonFinite(point.visibility, `pose ${i}.visibility`));
    }
  });
  problems.push(...nonFinite(coaching.peopleInView, 'peopleInView'));
  problems.push(...nonFinite(coaching.heldMs, 'heldMs'));
  if (coaching.heldMs < 0) problems.push('negative hold');
  if (coaching.repDone) {
    const { startMs, endMs, minSignal, maxSignal } = coaching.repDone;
    problems.push(
      ...nonFinite(startMs, 'repDone.startMs'),
      ...nonFinite(endMs, 'repDone.endMs'),
      ...nonFinite(minSignal, 'repDone.minSignal'),
      ...nonFinite(maxSignal, 'repDone.maxSignal'),
    );
  }
  return problems;
}

/** Runs a sequence through stepCoach; returns each frame's coaching (throws if the coach does). */
function coach(exercise: Exercise, sequence: Sequence): Coaching[] {
  let state = initialCoachState(exercise);
  return sequence.poses.map((poses, i) => {
    const frame = frameOf(poses, sequence.times[i] ?? Number.NaN, sequence.imageSize);
    const step = stepCoach(exercise, state, frame, sequence.strictness, sequence.isStill);
    state = step.state;
    return step.coaching;
  });
}

// ---------------------------------------------------------------- the properties

describe('every registered exercise through stepCoach', () => {
  it('has exercises to test', () => {
    expect(EXERCISES.length).toBeGreaterThan(0);
  });

  for (const exercise of EXERCISES) {
    describe(exercise.id, () => {
      it('never throws and never shows NaN, whatever the frames hold', () => {
        fc.assert(
          fc.property(anySequence, (sequence) => {
            const problems = coach(exercise, sequence).flatMap((coaching, frame) =>
              coachingProblems(exercise, coaching).map((problem) => `frame ${frame}: ${problem}`),
            );
            expect(problems).toEqual([]);
          }),
          { numRuns: RUNS },
        );
      });

      it('never cues a fault, counts a rep or times a hold from garbage poses', () => {
        fc.assert(
          fc.property(garbageSequence, (sequence) => {
            const seen = coach(exercise, sequence).map((coaching) => ({
              status: coaching.result.status === 'ok' ? 'ok (judged garbage)' : 'not judged',
              faults: coaching.result.faults,
              shown: coaching.shownFaults,
              repDone: coaching.repDone,
              heldMs: coaching.heldMs,
              problems: coachingProblems(exercise, coaching),
            }));
            for (const frame of seen) {
              expect(frame).toEqual({
                status: 'not judged',
                faults: [],
                shown: [],
                repDone: null,
                heldMs: 0,
                problems: [],
              });
            }
          }),
          { numRuns: RUNS },
        );
      });

      it('on visible random poses, faults come only with a verdict and nothing is NaN', () => {
        fc.assert(
          fc.property(visiblePoseSequence, (sequence) => {
            const problems = coach(exercise, sequence).flatMap((coaching, frame) =>
              coachingProblems(exercise, coaching).map((problem) => `frame ${frame}: ${problem}`),
            );
            expect(problems).toEqual([]);
          }),
          { numRuns: RUNS },
        );
      });
    });
  }
});
