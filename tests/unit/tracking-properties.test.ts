/**
 * Property-based tests of subject selection and smoothing (fast-check): whatever the engines send,
 * they never throw and never invent a person or a NaN.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LANDMARK_COUNT } from '../../src/pose/landmarks';
import type { Pose } from '../../src/pose/pose';
import { initialSmootherState, smoothPose } from '../../src/pose/smoothing';
import { SUBJECT_REACQUIRE_MS, selectSubject } from '../../src/pose/subject';
import {
  anyNumber,
  anyPose,
  finite,
  MAX_FRAMES,
  MAX_POSES_PER_FRAME,
  RUNS,
  timestamps,
  PROPERTY_TIMEOUT_MS,
} from './support/pose-arbitraries';

vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

describe('selectSubject', () => {
  /** Coordinates of real frames, with room to spare: up to a million pixels either way. */
  const SANE_COORDINATE_PX = 1e6;
  const saneLandmark = fc.option(
    fc.record({
      x: finite(-SANE_COORDINATE_PX, SANE_COORDINATE_PX),
      y: finite(-SANE_COORDINATE_PX, SANE_COORDINATE_PX),
      z: fc.constant(null),
      visibility: anyNumber,
    }),
    { nil: null },
  );
  const sanePose: fc.Arbitrary<Pose> = fc.record({
    landmarks: fc.array(saneLandmark, { maxLength: LANDMARK_COUNT }),
    worldLandmarks: fc.constant(null),
    score: anyNumber,
  });

  const unseenForMs = fc.oneof(finite(0, 10 * SUBJECT_REACQUIRE_MS), anyNumber);

  it('never throws, and picks one of the given poses or nobody, whatever they hold', () => {
    fc.assert(
      fc.property(
        fc.array(anyPose, { maxLength: MAX_POSES_PER_FRAME + 1 }),
        fc.option(
          fc.record({
            pose: anyPose,
            unseenForMs,
            others: fc.array(anyPose, { maxLength: MAX_POSES_PER_FRAME }),
          }),
          { nil: null },
        ),
        (poses, previous) => {
          const choice = selectSubject(poses, previous);
          expect(Number.isInteger(choice.peopleInView)).toBe(true);
          expect(choice.peopleInView).toBeGreaterThanOrEqual(0);
          expect(choice.peopleInView).toBeLessThanOrEqual(poses.length);
          if (choice.subject !== null) expect(poses).toContain(choice.subject);
          for (const other of choice.others) expect(poses).toContain(other);
          expect(choice.others).not.toContain(choice.subject);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('picks someone whenever people are in view, nobody seen a moment ago is missed and nobody else is known (coordinates of real frames)', () => {
    fc.assert(
      fc.property(
        fc.array(sanePose, { maxLength: MAX_POSES_PER_FRAME + 1 }),
        fc.option(
          fc.record({
            pose: sanePose,
            unseenForMs: finite(SUBJECT_REACQUIRE_MS, 1e9),
            others: fc.constant([]),
          }),
          { nil: null },
        ),
        (poses, previous) => {
          const choice = selectSubject(poses, previous);
          expect(choice.subject !== null).toBe(choice.peopleInView > 0);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  // Found by the property above before it was limited to real coordinates: a box centre of
  // (min + max) / 2 overflowed at 1e308 px and nobody was coached though one person was in view.
  it('picks someone whenever people are in view, even at 1e308 px', () => {
    const far = (x: number, y: number): Pose => ({
      landmarks: [{ x, y, z: null, visibility: 1 }],
      worldLandmarks: null,
      score: 1,
    });
    const choice = selectSubject([far(0, -1e308)], {
      pose: far(0, -1e308),
      unseenForMs: 0,
      others: [],
    });
    expect(choice.subject !== null).toBe(choice.peopleInView > 0);
  });
});

describe('smoothPose', () => {
  it('never throws and never returns NaN or Infinity, over any poses and timestamps', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: MAX_FRAMES })
          .chain((length) =>
            fc.tuple(
              fc.array(fc.option(anyPose, { nil: null }), { minLength: length, maxLength: length }),
              timestamps(length),
            ),
          ),
        ([poses, times]) => {
          let state = initialSmootherState();
          poses.forEach((pose, i) => {
            const step = smoothPose(state, pose, times[i] ?? Number.NaN);
            state = step.state;
            expect(step.pose === null).toBe(pose === null);
            for (const point of step.pose?.landmarks ?? []) {
              if (!point) continue;
              expect([point.x, point.y, point.visibility].every(Number.isFinite)).toBe(true);
              expect(point.z === null || Number.isFinite(point.z)).toBe(true);
            }
            for (const point of step.pose?.worldLandmarks ?? []) {
              if (point) {
                expect([point.x, point.y, point.z, point.visibility].every(Number.isFinite)).toBe(
                  true,
                );
              }
            }
            expect(Number.isFinite(step.pose?.score ?? 0)).toBe(true);
          });
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});
