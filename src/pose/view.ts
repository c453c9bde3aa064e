import { torsoLengthPx } from './body';
import type { Degrees } from './geometry/degrees';
import { degrees, radiansToDegrees } from './geometry/degrees';
import type { Vec3 } from './geometry/vector';
import { distance, isFiniteVec3 } from './geometry/vector';
import type { LandmarkName } from './landmarks';
import { LANDMARK_INDEX } from './landmarks';
import type { ImageSize, Pose } from './pose';
import type { VisibilityOptions } from './visibility';
import { seenLandmark } from './visibility';

/**
 * Where the camera is relative to the person's body (not the room): 'front' means it sees the
 * chest or back, 'side' that it looks along the shoulder line. A side plank filmed from in front of
 * the person is 'front'; a plank or bridge filmed from beside the person is 'side'.
 */
export type View = 'side' | 'front' | 'three-quarter' | 'unknown';
export type JudgeableView = Exclude<View, 'unknown'>;

/**
 * Shoulder width over torso length when the shoulders face the camera: median of 7 front-view
 * stills from the test data (0.60-0.73 with BlazePose full and MoveNet thunder alike).
 */
export const SHOULDER_WIDTH_PER_TORSO_FACING = 0.68;
/** Hip width over torso length facing the camera: same stills, 0.34-0.42. */
export const HIP_WIDTH_PER_TORSO_FACING = 0.38;
/**
 * Yaw (rotation of the shoulder and hip lines out of the image plane) at or above which the view is
 * 'side'. Side-view stills measured 62-89° (MoveNet's lowest 62°), so 55° keeps a margin; a
 * three-quarter view is about 45°.
 */
export const SIDE_VIEW_MIN_YAW_DEG = 55;
/** Yaw at or below which the view is 'front'. Front-view stills measured 0-26°. */
export const FRONT_VIEW_MAX_YAW_DEG = 30;
/**
 * Visibility needed for a joint to count in the view estimate, lower than for judging form: in a
 * side view the far shoulder and hip are hidden behind the body and get low confidence, yet the
 * engines still place them roughly behind the near ones, which is all the width needs.
 */
export const VIEW_MIN_VISIBILITY = 0.1;

export interface ViewEstimate {
  readonly view: View;
  /** 0° = shoulders square to the camera, 90° = exactly side-on; null when unknown. */
  readonly yawDeg: Degrees | null;
  /** Width over torso length in the image, null when the pair is not seen. */
  readonly shoulderWidthPerTorso: number | null;
  readonly hipWidthPerTorso: number | null;
  /** Yaw from BlazePose world landmarks (depth of the pairs), null without them. */
  readonly worldYawDeg: Degrees | null;
}

const UNKNOWN_VIEW: ViewEstimate = {
  view: 'unknown',
  yawDeg: null,
  shoulderWidthPerTorso: null,
  hipWidthPerTorso: null,
  worldYawDeg: null,
};

function pairWidthPx(
  pose: Pose,
  left: LandmarkName,
  right: LandmarkName,
  options: VisibilityOptions,
): number | null {
  return distance(seenLandmark(pose, left, options), seenLandmark(pose, right, options));
}

/** Angle of the left-right axis out of the image plane, 0-90°. */
function axisYaw(left: Vec3 | null | undefined, right: Vec3 | null | undefined): number | null {
  if (!isFiniteVec3(left) || !isFiniteVec3(right)) return null;
  const inPlane = Math.hypot(left.x - right.x, left.y - right.y);
  const depth = Math.abs(left.z - right.z);
  if (!(inPlane + depth > 0)) return null;
  return radiansToDegrees(Math.atan2(depth, inPlane));
}

function worldYaw(pose: Pose): Degrees | null {
  const world = pose.worldLandmarks;
  if (!world) return null;
  const at = (name: LandmarkName): Vec3 | null => world[LANDMARK_INDEX[name]] ?? null;
  const yaws = [
    axisYaw(at('left_shoulder'), at('right_shoulder')),
    axisYaw(at('left_hip'), at('right_hip')),
  ].filter((yaw): yaw is number => yaw !== null);
  if (yaws.length === 0) return null;
  return degrees(yaws.reduce((sum, yaw) => sum + yaw, 0) / yaws.length);
}

function classify(yaw: number): JudgeableView {
  if (yaw >= SIDE_VIEW_MIN_YAW_DEG) return 'side';
  if (yaw <= FRONT_VIEW_MAX_YAW_DEG) return 'front';
  return 'three-quarter';
}

/**
 * Which way the camera sees the body. Shoulder and hip widths are compared with torso length, all
 * in image pixels, so the estimate works for a standing or a lying person alike: widths shrink as
 * the body turns side-on (width = facing width x cos(yaw)). BlazePose's world depth, when present,
 * is averaged in as a second opinion; its angles err by tens of degrees (docs/checkers.md), so it
 * decides alone only when the image cannot (hips out of frame).
 */
export function estimateView(pose: Pose | null, imageSize: ImageSize | null): ViewEstimate {
  if (pose === null) return UNKNOWN_VIEW;
  const options: VisibilityOptions = { imageSize, minVisibility: VIEW_MIN_VISIBILITY };
  const torso = torsoLengthPx(pose, options);
  const worldYawDeg = worldYaw(pose);
  // Upper-body framing (hips out of frame) leaves no image scale: world depth then decides alone.
  if (torso === null) {
    return worldYawDeg === null
      ? UNKNOWN_VIEW
      : { ...UNKNOWN_VIEW, view: classify(worldYawDeg), yawDeg: worldYawDeg, worldYawDeg };
  }
  const shoulderWidth = pairWidthPx(pose, 'left_shoulder', 'right_shoulder', options);
  const hipWidth = pairWidthPx(pose, 'left_hip', 'right_hip', options);
  const shoulderWidthPerTorso = shoulderWidth === null ? null : shoulderWidth / torso;
  const hipWidthPerTorso = hipWidth === null ? null : hipWidth / torso;
  const facingFractions = [
    shoulderWidthPerTorso === null ? null : shoulderWidthPerTorso / SHOULDER_WIDTH_PER_TORSO_FACING,
    hipWidthPerTorso === null ? null : hipWidthPerTorso / HIP_WIDTH_PER_TORSO_FACING,
  ].filter((fraction): fraction is number => fraction !== null && Number.isFinite(fraction));
  if (facingFractions.length === 0) return { ...UNKNOWN_VIEW, worldYawDeg };
  const facing = facingFractions.reduce((sum, f) => sum + f, 0) / facingFractions.length;
  const imageYaw = radiansToDegrees(Math.acos(Math.min(1, Math.max(0, facing))));
  if (imageYaw === null) return { ...UNKNOWN_VIEW, worldYawDeg };
  const yawDeg = worldYawDeg === null ? imageYaw : degrees((imageYaw + worldYawDeg) / 2);
  if (yawDeg === null) return { ...UNKNOWN_VIEW, worldYawDeg };
  return { view: classify(yawDeg), yawDeg, shoulderWidthPerTorso, hipWidthPerTorso, worldYawDeg };
}
