import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX, LANDMARK_NAMES } from '../landmarks';
import type { ImageLandmark, Pose, WorldLandmark } from '../pose';

/** `[x, y]` or `[x, y, z]` in image pixels, or a full landmark with its own visibility. */
export type PointSpec =
  | readonly [number, number]
  | readonly [number, number, number]
  | { readonly x: number; readonly y: number; readonly z?: number; readonly visibility?: number };

export type PoseSpec = Partial<Record<LandmarkName, PointSpec | null>>;

export interface MakePoseOptions {
  /** Visibility of points given without one. */
  readonly visibility?: number;
  /** World landmarks in metres; given (even empty) the pose looks like BlazePose, else MoveNet. */
  readonly world?: Partial<Record<LandmarkName, readonly [number, number, number]>>;
}

/** The visibility fixtures get by default: clearly seen by either engine's threshold. */
export const FIXTURE_VISIBILITY = 0.99;

function toLandmark(spec: PointSpec, visibility: number): ImageLandmark {
  if ('x' in spec) {
    return { x: spec.x, y: spec.y, z: spec.z ?? null, visibility: spec.visibility ?? visibility };
  }
  return { x: spec[0], y: spec[1], z: spec[2] ?? null, visibility };
}

/** A pose with only the given landmarks present, e.g. `makePose({ left_hip: [300, 240] })`. */
export function makePose(spec: PoseSpec, options: MakePoseOptions = {}): Pose {
  const visibility = options.visibility ?? FIXTURE_VISIBILITY;
  const landmarks = LANDMARK_NAMES.map((name) => {
    const point = spec[name];
    return point ? toLandmark(point, visibility) : null;
  });
  const world = options.world;
  const worldLandmarks = world
    ? LANDMARK_NAMES.map((name): WorldLandmark | null => {
        const point = world[name];
        return point ? { x: point[0], y: point[1], z: point[2], visibility } : null;
      })
    : null;
  return { landmarks, worldLandmarks, score: visibility };
}

/** A copy of `pose` with one landmark replaced (or removed with null). */
export function withLandmark(pose: Pose, name: LandmarkName, point: ImageLandmark | null): Pose {
  const landmarks = pose.landmarks.map((existing, i) =>
    i === LANDMARK_INDEX[name] ? point : existing,
  );
  return { ...pose, landmarks };
}

/** A copy of `pose` moved by (dx, dy) pixels. */
export function translatePose(pose: Pose, dx: number, dy: number): Pose {
  return {
    ...pose,
    landmarks: pose.landmarks.map((p) => (p ? { ...p, x: p.x + dx, y: p.y + dy } : null)),
  };
}

/** A copy of `pose` mirrored left-right about x = `axisX` (names unchanged: the body turned). */
export function mirrorPose(pose: Pose, axisX: number): Pose {
  return {
    ...pose,
    landmarks: pose.landmarks.map((p) => (p ? { ...p, x: 2 * axisX - p.x } : null)),
  };
}
