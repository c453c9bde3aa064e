import { torsoLengthPx } from './body';
import type { Degrees } from './geometry/degrees';
import { degrees, radiansToDegrees } from './geometry/degrees';
import type { Vec2, Vec3 } from './geometry/vector';
import { isFiniteVec3 } from './geometry/vector';
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

/**
 * How high above a body on the floor the camera may be and the view still be read from how far
 * apart its left and right joints stand across the picture: the 35° off the left-right axis that
 * `SIDE_VIEW_MIN_YAW_DEG` allows the body turned. From there a vertical deviation reads at
 * cos 35° = 82 % of its size, so a floor fault at its limit still reads inside its "can't judge"
 * band, never as good form; from 45° a plank's back dip would not (docs/judgement.md, A camera
 * higher or lower). A laptop on a chair films the floor from about 10° above, on a table from
 * about 20°.
 */
export const LEVEL_AXIS_MAX_ELEVATION_DEG = 90 - SIDE_VIEW_MIN_YAW_DEG;

/** A left-right pair's spread: across the picture, up or down it, in depth (world landmarks). */
interface PairSpread {
  readonly across: number;
  readonly rise: number;
  readonly depth: number;
}

function spreadOf(left: Vec2, right: Vec2, depth: number): PairSpread {
  return { across: Math.abs(left.x - right.x), rise: Math.abs(left.y - right.y), depth };
}

function seenPairSpread(
  pose: Pose,
  left: LandmarkName,
  right: LandmarkName,
  options: VisibilityOptions,
): PairSpread | null {
  const leftPoint = seenLandmark(pose, left, options);
  const rightPoint = seenLandmark(pose, right, options);
  // Image depth is not read: the engines' image z is relative and often absent.
  return leftPoint && rightPoint ? spreadOf(leftPoint, rightPoint, 0) : null;
}

/** The angle whose sine is `fraction` (clamped to 0-1), degrees. */
function asinDeg(fraction: number): Degrees | null {
  return radiansToDegrees(Math.asin(Math.min(1, Math.max(0, fraction))));
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Angle of the left-right axis out of the image plane, 0-90°. Level (the camera above or below
 * the body, within `LEVEL_AXIS_MAX_ELEVATION_DEG`): the axis rising in the picture is the camera's
 * height, so only its spread across the picture is turned out of view, and its rise counts as
 * depth.
 */
function axisYaw(spread: PairSpread, level: boolean): number | null {
  const inPlane = level ? spread.across : Math.hypot(spread.across, spread.rise);
  const depth = level ? Math.hypot(spread.rise, spread.depth) : spread.depth;
  if (!(inPlane + depth > 0)) return null;
  return radiansToDegrees(Math.atan2(depth, inPlane));
}

/** The pairs' spreads in the world landmarks (metres), null without them. */
function worldSpreads(pose: Pose): PairSpread[] | null {
  const world = pose.worldLandmarks;
  if (!world) return null;
  const at = (name: LandmarkName): Vec3 | null => world[LANDMARK_INDEX[name]] ?? null;
  const spread = (left: Vec3 | null, right: Vec3 | null): PairSpread[] =>
    isFiniteVec3(left) && isFiniteVec3(right)
      ? [spreadOf(left, right, Math.abs(left.z - right.z))]
      : [];
  return [
    ...spread(at('left_shoulder'), at('right_shoulder')),
    ...spread(at('left_hip'), at('right_hip')),
  ];
}

/** The camera's height above or below the body, from the pairs' rise over their full length. */
function worldElevationDeg(spreads: readonly PairSpread[]): number | null {
  const rises = spreads.flatMap((spread) => {
    const length = Math.hypot(spread.across, spread.rise, spread.depth);
    return length > 0 ? [spread.rise / length] : [];
  });
  const rise = mean(rises);
  return rise === null ? null : asinDeg(rise);
}

function worldYaw(spreads: readonly PairSpread[] | null, level: boolean): Degrees | null {
  if (!spreads) return null;
  const yaw = mean(
    spreads.map((spread) => axisYaw(spread, level)).filter((y): y is number => y !== null),
  );
  return yaw === null ? null : degrees(yaw);
}

function classify(yaw: number): JudgeableView {
  if (yaw >= SIDE_VIEW_MIN_YAW_DEG) return 'side';
  if (yaw <= FRONT_VIEW_MAX_YAW_DEG) return 'front';
  return 'three-quarter';
}

/** What the view estimate may assume of the body it reads. */
export interface BodyPlacement {
  /**
   * Lying, on all fours or sitting on the floor, the left-right axis level in the room: a camera
   * on a chair or a table above the body raises its far shoulder and hip in the picture, which is
   * then read as the camera's height, not as the body turned (`LEVEL_AXIS_MAX_ELEVATION_DEG`).
   * Not a side plank, whose left-right axis stands upright.
   */
  readonly onFloor?: boolean;
}

/**
 * Which way the camera sees the body. Shoulder and hip widths are compared with torso length, all
 * in image pixels, so the estimate works for a standing or a lying person alike: widths shrink as
 * the body turns side-on (width = facing width x cos(yaw)). A camera above a body on the floor
 * moves its far joints up the picture, where the body turning moves them across it: for a body
 * on the floor (`BodyPlacement`) within `LEVEL_AXIS_MAX_ELEVATION_DEG`, the view is read across
 * the picture alone (docs/judgement.md, A camera higher or lower). BlazePose's world depth, when
 * present, is averaged in as a second opinion; its angles err by tens of degrees
 * (docs/checkers.md), so it decides alone only when the image cannot (hips out of frame).
 */
export function estimateView(
  pose: Pose | null,
  imageSize: ImageSize | null,
  placement: BodyPlacement = {},
): ViewEstimate {
  if (pose === null) return UNKNOWN_VIEW;
  const options: VisibilityOptions = { imageSize, minVisibility: VIEW_MIN_VISIBILITY };
  const torso = torsoLengthPx(pose, options);
  const spreads = worldSpreads(pose);
  const levelBelow = (elevationDeg: number | null): boolean =>
    placement.onFloor === true &&
    elevationDeg !== null &&
    elevationDeg <= LEVEL_AXIS_MAX_ELEVATION_DEG;
  // Upper-body framing (hips out of frame) leaves no image scale: world depth then decides alone.
  if (torso === null) {
    const worldYawDeg = worldYaw(spreads, levelBelow(spreads && worldElevationDeg(spreads)));
    return worldYawDeg === null
      ? UNKNOWN_VIEW
      : { ...UNKNOWN_VIEW, view: classify(worldYawDeg), yawDeg: worldYawDeg, worldYawDeg };
  }
  const shoulders = seenPairSpread(pose, 'left_shoulder', 'right_shoulder', options);
  const hips = seenPairSpread(pose, 'left_hip', 'right_hip', options);
  const widthPerTorso = (spread: PairSpread | null): number | null =>
    spread === null ? null : Math.hypot(spread.across, spread.rise) / torso;
  const shoulderWidthPerTorso = widthPerTorso(shoulders);
  const hipWidthPerTorso = widthPerTorso(hips);
  // Each pair's spread as a share of its width facing the camera.
  const shares = [
    { spread: shoulders, facingPx: torso * SHOULDER_WIDTH_PER_TORSO_FACING },
    { spread: hips, facingPx: torso * HIP_WIDTH_PER_TORSO_FACING },
  ]
    .flatMap(({ spread, facingPx }) =>
      spread === null ? [] : [{ across: spread.across / facingPx, rise: spread.rise / facingPx }],
    )
    .filter((share) => Number.isFinite(share.across) && Number.isFinite(share.rise));
  const rise = mean(shares.map((share) => share.rise));
  if (rise === null) return { ...UNKNOWN_VIEW, worldYawDeg: worldYaw(spreads, false) };
  const level = levelBelow(asinDeg(rise));
  const worldYawDeg = worldYaw(spreads, level);
  const facing =
    mean(shares.map((share) => (level ? share.across : Math.hypot(share.across, share.rise)))) ?? 0;
  const imageYaw = radiansToDegrees(Math.acos(Math.min(1, Math.max(0, facing))));
  if (imageYaw === null) return { ...UNKNOWN_VIEW, worldYawDeg };
  const yawDeg = worldYawDeg === null ? imageYaw : degrees((imageYaw + worldYawDeg) / 2);
  if (yawDeg === null) return { ...UNKNOWN_VIEW, worldYawDeg };
  return { view: classify(yawDeg), yawDeg, shoulderWidthPerTorso, hipWidthPerTorso, worldYawDeg };
}
