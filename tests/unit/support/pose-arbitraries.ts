/**
 * What the property tests of the pure pose core (tests/unit/*-properties.test.ts) feed it: random
 * poses, frame sequences and garbage, built with fast-check.
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
import type { Strictness } from '../../../src/pose/exercises/types';
import { LANDMARK_COUNT } from '../../../src/pose/landmarks';
import type {
  ImageLandmark,
  ImageSize,
  Pose,
  PoseFrame,
  WorldLandmark,
} from '../../../src/pose/pose';
import { OFF_IMAGE_MARGIN_FRACTION } from '../../../src/pose/visibility';

/**
 * Runs per property: fast-check's default; each stepCoach run is a whole frame sequence. A deeper
 * search for rare cases: PLUMBLINE_PROPERTY_RUNS=2000 npx vitest run tests/unit/coach-properties.
 */
export const RUNS = Number(process.env.PLUMBLINE_PROPERTY_RUNS ?? 100);
/** Whole frame sequences take seconds on two shared cores; vitest's default limit is 5 s. */
export const PROPERTY_TIMEOUT_MS = 120_000 * (RUNS / 100);
/** Up to this many frames per sequence: two seconds at 30 fps, past every dwell and gap. */
export const MAX_FRAMES = 60;
/** Extra junk entries a random pose array may carry past the 33 BlazePose landmarks. */
const MAX_EXTRA_LANDMARKS = 7;
/** Up to this many people per frame (MediaPipe is asked for two; more tests the merge). */
export const MAX_POSES_PER_FRAME = 3;
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
export const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 0, -0, Number.MIN_VALUE),
  fc.double({ min: -2000, max: 2000, noNaN: true }),
);
const badNumber = fc.constantFrom(Number.NaN, Infinity, -Infinity);
export const finite = (min: number, max: number) =>
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
export const anyPose: fc.Arbitrary<Pose> = fc.record({
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
export const timestamps = (length: number): fc.Arbitrary<number[]> =>
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

export function frameOf(
  poses: readonly Pose[],
  timestampMs: number,
  imageSize: ImageSize,
): PoseFrame {
  return { engine: 'mediapipe', model: 'full', timestampMs, imageSize, poses, inferenceMs: 1 };
}

/** A whole sequence of frames of anything. */
export const anySequence = fc.integer({ min: 1, max: MAX_FRAMES }).chain((length) =>
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
export const garbageSequence = fc
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
export const visiblePoseSequence = fc
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

export interface Sequence {
  readonly poses: readonly (readonly Pose[])[];
  readonly times: readonly number[];
  readonly imageSize: ImageSize;
  readonly strictness: Strictness;
  readonly isStill: boolean;
}
