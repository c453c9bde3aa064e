/**
 * How far the landmarks found on a smaller frame are from those found on the full frame (issue
 * #15, "send the model only what it needs"): in pixels of the full frame, and in degrees on the
 * joint angles the checkers read (hip, knee, shoulder; docs/checkers.md). Pure, for
 * scripts/bench-scale.ts.
 */
import { angleAt } from '../../src/pose/geometry';
import { LANDMARK_INDEX } from '../../src/pose/landmarks';
import type { LandmarkName } from '../../src/pose/landmarks';
import type { EngineId, ImageLandmark, Pose, PoseFrame } from '../../src/pose/pose';
import { MIN_SCORE_MOVENET, MIN_VISIBILITY_BLAZEPOSE } from '../../src/pose/visibility';

/** The angles the checkers read, each side: [end, vertex, end]. */
export const CHECKED_ANGLES: readonly (readonly [
  string,
  LandmarkName,
  LandmarkName,
  LandmarkName,
])[] = [
  ['left hip', 'left_shoulder', 'left_hip', 'left_knee'],
  ['right hip', 'right_shoulder', 'right_hip', 'right_knee'],
  ['left knee', 'left_hip', 'left_knee', 'left_ankle'],
  ['right knee', 'right_hip', 'right_knee', 'right_ankle'],
  ['left shoulder', 'left_elbow', 'left_shoulder', 'left_hip'],
  ['right shoulder', 'right_elbow', 'right_shoulder', 'right_hip'],
];

export interface ScaleErrors {
  /** Per landmark seen on both frames, full-frame pixels. */
  readonly landmarkPx: number[];
  /** Per checked angle seen on both frames, degrees. */
  readonly angleDeg: number[];
  /** Frames with a person at full size and nobody at the smaller size. */
  lostPeople: number;
  /** Frames with a person at full size. */
  framesWithPerson: number;
}

export const emptyScaleErrors = (): ScaleErrors => ({
  landmarkPx: [],
  angleDeg: [],
  lostPeople: 0,
  framesWithPerson: 0,
});

/** The threshold the checkers count a landmark as seen at, per engine (src/pose/visibility.ts). */
function seenThreshold(engine: EngineId): number {
  return engine === 'movenet' ? MIN_SCORE_MOVENET : MIN_VISIBILITY_BLAZEPOSE;
}

/** The most confident person: the one the frame is about on these single-person clips. */
function mainPose(frame: PoseFrame): Pose | null {
  return [...frame.poses].sort((a, b) => b.score - a.score)[0] ?? null;
}

/** Landmark `name` in full-frame pixels, or null when not seen. */
function seenAt(
  pose: Pose,
  name: LandmarkName,
  toFull: number,
  threshold: number,
): ImageLandmark | null {
  const point = pose.landmarks[LANDMARK_INDEX[name]];
  if (!point || point.visibility < threshold) return null;
  return { ...point, x: point.x * toFull, y: point.y * toFull };
}

/** Adds one frame pair (the same clip frame at full size and at a smaller size) to `into`. */
export function addFramePair(into: ScaleErrors, full: PoseFrame, scaled: PoseFrame): void {
  const fullPose = mainPose(full);
  if (!fullPose) return;
  into.framesWithPerson++;
  const scaledPose = mainPose(scaled);
  if (!scaledPose) {
    into.lostPeople++;
    return;
  }
  const threshold = seenThreshold(full.engine);
  const toFull = full.imageSize.width / scaled.imageSize.width;
  for (const name of Object.keys(LANDMARK_INDEX) as LandmarkName[]) {
    const a = seenAt(fullPose, name, 1, threshold);
    const b = seenAt(scaledPose, name, toFull, threshold);
    if (a && b) into.landmarkPx.push(Math.hypot(a.x - b.x, a.y - b.y));
  }
  for (const [, end, vertex, otherEnd] of CHECKED_ANGLES) {
    const angle = (pose: Pose, scale: number): number | null =>
      angleAt(
        seenAt(pose, end, scale, threshold),
        seenAt(pose, vertex, scale, threshold),
        seenAt(pose, otherEnd, scale, threshold),
      );
    const a = angle(fullPose, 1);
    const b = angle(scaledPose, toFull);
    if (a !== null && b !== null) into.angleDeg.push(Math.abs(a - b));
  }
}
