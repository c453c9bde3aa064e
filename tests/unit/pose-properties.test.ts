/**
 * Property-based tests of the pure pose core (fast-check): whatever the engines send, the coach
 * never throws, never shows NaN, and never cues a fault from a pose it cannot see.
 *
 * "Garbage" here is a pose none of whose landmarks could be judged, each one absent (null, missing
 * from a short array, NaN or infinite coordinates or visibility), unseen (visibility 0 or below),
 * or well outside the image. For sequences each landmark keeps one kind of garbage for the whole
 * sequence (it may also be absent in any frame): smoothing blends a point with its past, so a point
 * that jumps from hidden-inside-the-image to off-image-but-visible can pass through the image with
 * a rising visibility, which is a real, judgeable point. A random but finite, visible pose inside
 * the image may legitimately show faults: for those only consistency is checked.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { stepCoach, initialCoachState } from '../../src/pose/exercises/coach';
import type { Coaching } from '../../src/pose/exercises/coach';
import { EXERCISES } from '../../src/pose/exercises/registry';
import type { Evidence, EvidencePoint, Exercise, Strictness } from '../../src/pose/exercises/types';
import {
  angleAt,
  angleAt3D,
  angleFromVertical,
  deviationBelowLine,
  deviationForwardOfLine,
  distance,
  elevationAngle,
  leanFromVertical,
  lineTiltFromHorizontal,
  midpoint,
  pairMidpoint,
} from '../../src/pose/geometry';
import type { Vec2 } from '../../src/pose/geometry';
import { LANDMARK_COUNT } from '../../src/pose/landmarks';
import type { ImageLandmark, ImageSize, Pose, PoseFrame, WorldLandmark } from '../../src/pose/pose';
import { initialHoldTimerState, stepHoldTimer } from '../../src/pose/reps/hold-timer';
import { initialRepCounterState, repCounts, stepRepCounter } from '../../src/pose/reps/rep-counter';
import type { RepCounterConfig, RepSample } from '../../src/pose/reps/rep-counter';
import { initialSmootherState, smoothPose } from '../../src/pose/smoothing';
import { selectSubject } from '../../src/pose/subject';
import { OFF_IMAGE_MARGIN_FRACTION } from '../../src/pose/visibility';

/** Runs per property: fast-check's default; each stepCoach run is a whole frame sequence. */
const RUNS = 100;
/** Whole frame sequences take seconds on two shared cores; vitest's default limit is 5 s. */
const PROPERTY_TIMEOUT_MS = 120_000;
vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });
/** Up to this many frames per sequence: two seconds at 30 fps, past every dwell and gap. */
const MAX_FRAMES = 60;
/** Extra junk entries a random pose array may carry past the 33 BlazePose landmarks. */
const MAX_EXTRA_LANDMARKS = 7;
/** Up to this many people per frame (MediaPipe is asked for two; more tests the merge). */
const MAX_POSES_PER_FRAME = 3;
/**
 * Off-image garbage lies at least this share of the image outside it: five times the margin the
 * checkers tolerate at the edge (`OFF_IMAGE_MARGIN_FRACTION`), so it is unambiguously outside.
 */
const OFF_IMAGE_MIN_FRACTION = 5 * OFF_IMAGE_MARGIN_FRACTION;
/** ...and at most this many image sizes out (far enough; no overflow games, those are elsewhere). */
const OFF_IMAGE_MAX_FRACTION = 5;
/** A typical camera frame interval, in ms (30 fps). */
const FRAME_INTERVAL_MS = 33;
/** Camera frame sizes: from a tiny stream to 4K, in pixels. */
const MIN_IMAGE_SIDE_PX = 32;
const MAX_IMAGE_SIDE_PX = 3840;

// ---------------------------------------------------------------- arbitraries

/** Any double: fast-check's own include NaN, both infinities, -0, and the extremes. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 0, -0, Number.MIN_VALUE),
  fc.double({ min: -2000, max: 2000, noNaN: true }),
);
const badNumber = fc.constantFrom(Number.NaN, Infinity, -Infinity);
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const anyImageLandmark: fc.Arbitrary<ImageLandmark | null> = fc.option(
  fc.record({
    x: anyNumber,
    y: anyNumber,
    z: fc.option(anyNumber, { nil: null }),
    visibility: anyNumber,
  }),
  { nil: null },
);
const anyWorldLandmark: fc.Arbitrary<WorldLandmark | null> = fc.option(
  fc.record({ x: anyNumber, y: anyNumber, z: anyNumber, visibility: anyNumber }),
  { nil: null },
);

/** Any pose at all: short or long arrays, any numbers, with or without world landmarks. */
const anyPose: fc.Arbitrary<Pose> = fc.record({
  landmarks: fc.array(anyImageLandmark, { maxLength: LANDMARK_COUNT + MAX_EXTRA_LANDMARKS }),
  worldLandmarks: fc.option(
    fc.array(anyWorldLandmark, { maxLength: LANDMARK_COUNT + MAX_EXTRA_LANDMARKS }),
    {
      nil: null,
    },
  ),
  score: anyNumber,
});

const anyImageSize: fc.Arbitrary<ImageSize> = fc.record({ width: anyNumber, height: anyNumber });
const validImageSize: fc.Arbitrary<ImageSize> = fc.record({
  width: fc.integer({ min: MIN_IMAGE_SIDE_PX, max: MAX_IMAGE_SIDE_PX }),
  height: fc.integer({ min: MIN_IMAGE_SIDE_PX, max: MAX_IMAGE_SIDE_PX }),
});

/** Timestamps as a stream gives them (increasing) with stalls, repeats, jumps back and garbage. */
const timestamps = (length: number): fc.Arbitrary<number[]> =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(FRAME_INTERVAL_MS) },
        { weight: 2, arbitrary: finite(0, 2000) },
        { weight: 1, arbitrary: finite(-5000, 0) },
        { weight: 1, arbitrary: anyNumber },
      ),
      { minLength: length, maxLength: length },
    )
    .map((steps) => {
      let t = 0;
      return steps.map((step) => {
        // A non-finite step is a garbage timestamp for this frame only.
        if (!Number.isFinite(step)) return step;
        t += step;
        return t;
      });
    });

const strictness: fc.Arbitrary<Strictness> = fc.constantFrom('beginner', 'advanced');

function frameOf(poses: readonly Pose[], timestampMs: number, imageSize: ImageSize): PoseFrame {
  return { engine: 'mediapipe', model: 'full', timestampMs, imageSize, poses, inferenceMs: 1 };
}

/** A whole sequence of frames of anything. */
const anySequence = fc.integer({ min: 1, max: MAX_FRAMES }).chain((length) =>
  fc.record({
    poses: fc.array(fc.array(anyPose, { maxLength: MAX_POSES_PER_FRAME }), {
      minLength: length,
      maxLength: length,
    }),
    times: timestamps(length),
    imageSize: fc.oneof(validImageSize, anyImageSize),
    strictness,
    isStill: fc.boolean(),
  }),
);

type GarbageKind = 'absent' | 'unseen' | 'off-left' | 'off-right' | 'off-top' | 'off-bottom';
const GARBAGE_KINDS: readonly GarbageKind[] = [
  'absent',
  'unseen',
  'off-left',
  'off-right',
  'off-top',
  'off-bottom',
];

/** An absent landmark, in each form an engine or a bug could give it. */
const absentLandmark: fc.Arbitrary<ImageLandmark | null> = fc.oneof(
  fc.constant(null),
  fc.record({ x: badNumber, y: anyNumber, z: fc.constant(null), visibility: anyNumber }),
  fc.record({ x: anyNumber, y: badNumber, z: fc.constant(null), visibility: anyNumber }),
  fc.record({ x: anyNumber, y: anyNumber, z: fc.constant(null), visibility: badNumber }),
);

/** One landmark of the given kind of garbage, for an image of `size`. */
function garbageLandmark(kind: GarbageKind, size: ImageSize): fc.Arbitrary<ImageLandmark | null> {
  const { width: w, height: h } = size;
  const near = (side: number) => finite(-side, 2 * side);
  const before = (side: number) =>
    finite(-OFF_IMAGE_MAX_FRACTION * side, -OFF_IMAGE_MIN_FRACTION * side);
  const after = (side: number) =>
    finite((1 + OFF_IMAGE_MIN_FRACTION) * side, (1 + OFF_IMAGE_MAX_FRACTION) * side);
  const point = (
    x: fc.Arbitrary<number>,
    y: fc.Arbitrary<number>,
    visibility: fc.Arbitrary<number>,
  ) => fc.record({ x, y, z: fc.option(finite(-w, w), { nil: null }), visibility });
  const anyVisibility = finite(0, 1);
  switch (kind) {
    case 'absent':
      return absentLandmark;
    case 'unseen':
      // Anywhere, inside the image too, but with no visibility at all (or a nonsense negative one).
      return point(near(w), near(h), fc.oneof(fc.constant(0), finite(-1, 0)));
    case 'off-left':
      return point(before(w), near(h), anyVisibility);
    case 'off-right':
      return point(after(w), near(h), anyVisibility);
    case 'off-top':
      return point(near(w), before(h), anyVisibility);
    case 'off-bottom':
      return point(near(w), after(h), anyVisibility);
  }
}

/** World landmarks to go with garbage image landmarks: absent, or sharing their visibility. */
function worldFor(points: readonly (ImageLandmark | null)[]): fc.Arbitrary<Pose['worldLandmarks']> {
  return fc.option(
    fc.tuple(
      ...points.map((point) =>
        point && Number.isFinite(point.visibility)
          ? fc.record({
              x: finite(-1, 1),
              y: finite(-1, 1),
              z: finite(-1, 1),
              visibility: fc.constant(point.visibility),
            })
          : fc.constant(null),
      ),
    ),
    { nil: null },
  );
}

/**
 * A sequence of garbage frames: each person slot and each landmark keeps one kind of garbage (see
 * the file comment), in any frame possibly absent instead; poses may have short arrays.
 */
const garbageSequence = fc
  .record({
    length: fc.integer({ min: 1, max: MAX_FRAMES }),
    imageSize: validImageSize,
    people: fc.integer({ min: 0, max: MAX_POSES_PER_FRAME }),
    strictness,
    isStill: fc.boolean(),
  })
  .chain(({ length, imageSize, people, strictness: level, isStill }) =>
    fc
      .array(
        fc.array(fc.constantFrom(...GARBAGE_KINDS), {
          minLength: LANDMARK_COUNT,
          maxLength: LANDMARK_COUNT,
        }),
        { minLength: people, maxLength: people },
      )
      .chain((plans) => {
        const poseFor = (plan: readonly GarbageKind[]): fc.Arbitrary<Pose> =>
          fc
            .tuple(
              fc.integer({ min: 0, max: LANDMARK_COUNT }),
              fc.tuple(
                ...plan.map((kind) =>
                  fc.oneof(
                    { weight: 4, arbitrary: garbageLandmark(kind, imageSize) },
                    { weight: 1, arbitrary: absentLandmark },
                  ),
                ),
              ),
              anyNumber,
            )
            .chain(([count, points, score]) => {
              const landmarks =
                count < LANDMARK_COUNT && count % 2 === 0 ? points.slice(0, count) : points;
              return worldFor(landmarks).map((worldLandmarks) => ({
                landmarks,
                worldLandmarks,
                score,
              }));
            });
        const frame = fc.tuple(...plans.map(poseFor));
        return fc.record({
          poses: fc.array(frame, { minLength: length, maxLength: length }),
          times: timestamps(length),
          imageSize: fc.constant(imageSize),
          strictness: fc.constant(level),
          isStill: fc.constant(isStill),
        });
      }),
  );

/** A finite pose of a person seen clearly inside the image, in random (possibly absurd) posture. */
const visiblePoseSequence = fc
  .record({
    length: fc.integer({ min: 1, max: MAX_FRAMES }),
    imageSize: validImageSize,
    strictness,
    isStill: fc.boolean(),
    withWorld: fc.boolean(),
  })
  .chain(({ length, imageSize, strictness: level, isStill, withWorld }) => {
    const landmark = fc.record({
      x: finite(0, imageSize.width),
      y: finite(0, imageSize.height),
      z: fc.option(finite(-imageSize.width, imageSize.width), { nil: null }),
      visibility: finite(0.5, 1),
    });
    const world = fc.record({
      x: finite(-1, 1),
      y: finite(-1, 1),
      z: finite(-1, 1),
      visibility: finite(0.5, 1),
    });
    const pose: fc.Arbitrary<Pose> = fc.record({
      landmarks: fc.array(landmark, { minLength: LANDMARK_COUNT, maxLength: LANDMARK_COUNT }),
      worldLandmarks: withWorld
        ? fc.array(world, { minLength: LANDMARK_COUNT, maxLength: LANDMARK_COUNT })
        : fc.constant(null),
      score: finite(0.5, 1),
    });
    return fc.record({
      poses: fc.array(fc.array(pose, { minLength: 1, maxLength: 1 }), {
        minLength: length,
        maxLength: length,
      }),
      times: timestamps(length),
      imageSize: fc.constant(imageSize),
      strictness: fc.constant(level),
      isStill: fc.constant(isStill),
    });
  });

interface Sequence {
  readonly poses: readonly (readonly Pose[])[];
  readonly times: readonly number[];
  readonly imageSize: ImageSize;
  readonly strictness: Strictness;
  readonly isStill: boolean;
}

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
  problems.push(...nonFinite(coaching.holdSeconds, 'holdSeconds'));
  if (coaching.holdSeconds !== null && coaching.holdSeconds < 0) problems.push('negative hold');
  if (coaching.reps) {
    const { total, clean, left, right } = coaching.reps;
    problems.push(
      ...nonFinite(total, 'reps.total'),
      ...nonFinite(clean, 'reps.clean'),
      ...nonFinite(left, 'reps.left'),
      ...nonFinite(right, 'reps.right'),
    );
  }
  if (coaching.lastRep) {
    const { startMs, endMs, minSignal, maxSignal } = coaching.lastRep;
    problems.push(
      ...nonFinite(startMs, 'lastRep.startMs'),
      ...nonFinite(endMs, 'lastRep.endMs'),
      ...nonFinite(minSignal, 'lastRep.minSignal'),
      ...nonFinite(maxSignal, 'lastRep.maxSignal'),
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
              reps: coaching.reps?.total ?? 0,
              holdSeconds: coaching.holdSeconds ?? 0,
              problems: coachingProblems(exercise, coaching),
            }));
            for (const frame of seen) {
              expect(frame).toEqual({
                status: 'not judged',
                faults: [],
                shown: [],
                reps: 0,
                holdSeconds: 0,
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

  it('never throws, and picks one of the given poses or nobody, whatever they hold', () => {
    fc.assert(
      fc.property(
        fc.array(anyPose, { maxLength: MAX_POSES_PER_FRAME + 1 }),
        fc.option(anyPose, { nil: null }),
        (poses, previous) => {
          const choice = selectSubject(poses, previous);
          expect(Number.isInteger(choice.peopleInView)).toBe(true);
          expect(choice.peopleInView).toBeGreaterThanOrEqual(0);
          expect(choice.peopleInView).toBeLessThanOrEqual(poses.length);
          if (choice.subject !== null) expect(poses).toContain(choice.subject);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('picks someone whenever people are in view (coordinates of real frames)', () => {
    fc.assert(
      fc.property(
        fc.array(sanePose, { maxLength: MAX_POSES_PER_FRAME + 1 }),
        fc.option(sanePose, { nil: null }),
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
    const choice = selectSubject([far(0, -1e308)], far(0, -1e308));
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

/** Valid hysteresis configs: exit below enter, non-negative dwell, positive gap. */
const repConfig: fc.Arbitrary<RepCounterConfig> = fc
  .tuple(finite(-10, 10), finite(0.001, 5), finite(0, 1000), finite(1, 5000))
  .map(([exitTopBelow, band, minDwellMs, maxGapMs]) => ({
    exitTopBelow,
    enterTopAbove: exitTopBelow + band,
    minDwellMs,
    maxGapMs,
  }));

describe('stepRepCounter', () => {
  it('never throws; counts only grow, and every rep is finite and in time order', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          repConfig,
          fc.record({
            enterTopAbove: anyNumber,
            exitTopBelow: anyNumber,
            minDwellMs: anyNumber,
            maxGapMs: anyNumber,
          }),
        ),
        fc.integer({ min: 1, max: MAX_FRAMES * 2 }).chain((length) =>
          fc.tuple(
            timestamps(length),
            fc.array(fc.option(anyNumber, { nil: null }), { minLength: length, maxLength: length }),
            fc.array(fc.constantFrom('left' as const, 'right' as const, null), {
              minLength: length,
              maxLength: length,
            }),
          ),
        ),
        (config, [times, signals, sides]) => {
          let state = initialRepCounterState();
          times.forEach((timestampMs, i) => {
            const sample: RepSample = {
              timestampMs,
              signal: signals[i] ?? null,
              side: sides[i] ?? null,
              faults: i % 3 === 0 ? ['plank.hips-sagging'] : [],
            };
            const before = state.reps.length;
            state = stepRepCounter(state, sample, config);
            expect(state.reps.length).toBeGreaterThanOrEqual(before);
            expect(['unknown', 'bottom', 'top']).toContain(state.phase);
          });
          for (const rep of state.reps) {
            expect(
              [rep.startMs, rep.endMs, rep.minSignal, rep.maxSignal].every(Number.isFinite),
            ).toBe(true);
            expect(rep.startMs).toBeLessThanOrEqual(rep.endMs);
            expect(rep.minSignal).toBeLessThanOrEqual(rep.maxSignal);
          }
          const counts = repCounts(state);
          expect(counts.clean).toBeLessThanOrEqual(counts.total);
          expect(counts.left + counts.right).toBeLessThanOrEqual(counts.total);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('counts nothing from a signal it never gets (garbage poses give a null signal)', () => {
    fc.assert(
      fc.property(repConfig, timestamps(MAX_FRAMES), (config, times) => {
        let state = initialRepCounterState();
        for (const timestampMs of times) {
          state = stepRepCounter(
            state,
            { timestampMs, signal: null, side: null, faults: [] },
            config,
          );
        }
        expect(state.reps).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('stepHoldTimer', () => {
  const holdSample = fc.record({
    status: fc.constantFrom(
      'ok' as const,
      'cannot-see' as const,
      'wrong-view' as const,
      'no-person' as const,
    ),
    inPosition: fc.boolean(),
    faults: fc.array(fc.constantFrom('plank.hips-sagging', 'plank.hips-piked'), { maxLength: 2 }),
  });

  it('never throws; good time is finite, never shrinks, grows only on good frames', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: MAX_FRAMES * 2 })
          .chain((length) =>
            fc.tuple(
              timestamps(length),
              fc.array(holdSample, { minLength: length, maxLength: length }),
            ),
          ),
        ([times, samples]) => {
          let state = initialHoldTimerState();
          samples.forEach((sample, i) => {
            const before = state;
            state = stepHoldTimer(state, { ...sample, timestampMs: times[i] ?? Number.NaN });
            expect(
              [state.goodMs, state.streakMs, state.longestStreakMs].every(Number.isFinite),
            ).toBe(true);
            expect(state.goodMs).toBeGreaterThanOrEqual(before.goodMs);
            expect(state.streakMs).toBeLessThanOrEqual(state.longestStreakMs);
            expect(state.longestStreakMs).toBeLessThanOrEqual(state.goodMs);
            const good = sample.status === 'ok' && sample.inPosition && sample.faults.length === 0;
            if (!good) expect(state.goodMs).toBe(before.goodMs);
          });
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('geometry', () => {
  const vec2 = fc.option(fc.record({ x: anyNumber, y: anyNumber }), { nil: null });
  const vec3 = fc.option(fc.record({ x: anyNumber, y: anyNumber, z: anyNumber }), { nil: null });
  const within = (value: number | null, min: number, max: number): boolean =>
    value === null || (Number.isFinite(value) && value >= min && value <= max);
  const finiteVec = (point: Vec2 | null): boolean =>
    point === null || (Number.isFinite(point.x) && Number.isFinite(point.y));

  it('angles are null or finite and in their stated ranges, for any points', () => {
    fc.assert(
      fc.property(vec2, vec2, vec2, vec3, vec3, vec3, (a, b, c, a3, b3, c3) => {
        expect(within(angleAt(a, b, c), 0, 180)).toBe(true);
        expect(within(angleAt3D(a3, b3, c3), 0, 180)).toBe(true);
        expect(within(elevationAngle(a, b), -90, 90)).toBe(true);
        expect(within(angleFromVertical(a, b), 0, 180)).toBe(true);
        expect(within(leanFromVertical(a, b, 'left'), -180, 180)).toBe(true);
        expect(within(leanFromVertical(a, b, 'right'), -180, 180)).toBe(true);
        expect(within(lineTiltFromHorizontal(a, b), 0, 90)).toBe(true);
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('distances, midpoints and line deviations are null or finite, for any points', () => {
    fc.assert(
      fc.property(vec2, vec2, vec2, (p, a, b) => {
        const d = distance(a, b);
        expect(d === null || (Number.isFinite(d) && d >= 0)).toBe(true);
        expect(finiteVec(midpoint(a, b))).toBe(true);
        expect(finiteVec(pairMidpoint(a, b)?.point ?? null)).toBe(true);
        for (const deviation of [
          deviationBelowLine(p, a, b),
          deviationForwardOfLine(p, a, b, 'left'),
          deviationForwardOfLine(p, a, b, 'right'),
        ]) {
          if (deviation === null) continue;
          expect(Number.isFinite(deviation.distancePx)).toBe(true);
          expect(within(deviation.deviationDeg, -180, 180)).toBe(true);
        }
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
