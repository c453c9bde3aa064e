import { torsoLengthPx } from './body';
import type { ImageDirection } from './geometry/angles';
import type { LandmarkName } from './landmarks';
import { LANDMARK_INDEX } from './landmarks';
import type { ImageLandmark, Pose } from './pose';
import type { VisibilityOptions } from './visibility';
import { seenLandmark } from './visibility';

/** The person's own left or right (BlazePose names), not the side of the image. */
export type Side = 'left' | 'right';

/** Joints that come in left/right pairs along one side of the body, head to toe. */
export const SIDE_JOINTS = [
  'ear',
  'shoulder',
  'elbow',
  'wrist',
  'hip',
  'knee',
  'ankle',
  'heel',
  'foot_index',
] as const;
export type SideJoint = (typeof SIDE_JOINTS)[number];

/** Joints whose depth and visibility decide the near side: the trunk and legs, not the hands. */
const NEAR_SIDE_EVIDENCE_JOINTS: readonly SideJoint[] = ['shoulder', 'hip', 'knee', 'ankle'];

/**
 * BlazePose's z (pixels, smaller = nearer the camera) must differ between the sides by this many
 * torso lengths to decide the near side. On 27 side-view stills (BlazePose full) shoulders and hips
 * differed by 1.1-2.5 torso lengths; on 7 front views by 0.0-0.35.
 */
export const NEAR_SIDE_MIN_DEPTH_GAP_TORSOS = 0.4;

/**
 * Minimum x offset of the nose past the ears, in torso lengths, to tell which way the face points.
 * Standing side views gave 0.08-0.16 (BlazePose full and MoveNet thunder); faces turned to the floor
 * or ceiling (planks, bird-dog, bridges) gave 0.00-0.13 and front views 0.00.
 */
export const FACING_MIN_OFFSET_TORSOS = 0.04;

export function sideLandmarkName(side: Side, joint: SideJoint): LandmarkName {
  return `${side}_${joint}`;
}

export interface NearSide {
  readonly side: Side;
  /** What decided it: BlazePose depth when decisive, else which side the engine sees better. */
  readonly evidence: 'depth' | 'visibility';
}

/** Mean BlazePose z of the side's shoulder and hip; null unless both are reported. */
function meanDepth(pose: Pose, side: Side): number | null {
  const shoulder = pose.landmarks[LANDMARK_INDEX[sideLandmarkName(side, 'shoulder')]]?.z ?? null;
  const hip = pose.landmarks[LANDMARK_INDEX[sideLandmarkName(side, 'hip')]]?.z ?? null;
  if (shoulder === null || hip === null) return null;
  const mean = (shoulder + hip) / 2;
  return Number.isFinite(mean) ? mean : null;
}

function visibilityScore(pose: Pose, side: Side, options: VisibilityOptions): number {
  return NEAR_SIDE_EVIDENCE_JOINTS.reduce((sum, joint) => {
    const point = seenLandmark(pose, sideLandmarkName(side, joint), options);
    return sum + (point ? point.visibility : 0);
  }, 0);
}

/**
 * The side of the body nearer the camera, so a side-view checker reads one consistent chain
 * (ear-shoulder-hip-knee-ankle) instead of mixing near and hidden far joints. Depth (BlazePose z of
 * shoulders and hips) decides when the gap is clear, since the far side is often still reported
 * with high visibility; otherwise the side with more confidently seen joints wins. Null when
 * neither side has a seen trunk or leg joint.
 */
export function nearSide(pose: Pose, options: VisibilityOptions): NearSide | null {
  const leftScore = visibilityScore(pose, 'left', options);
  const rightScore = visibilityScore(pose, 'right', options);
  if (leftScore === 0 && rightScore === 0) return null;
  const leftDepth = meanDepth(pose, 'left');
  const rightDepth = meanDepth(pose, 'right');
  // Only a scale for the depth gap, so joints just out of frame may set it.
  const torso = torsoLengthPx(pose, { ...options, imageSize: null });
  if (leftDepth !== null && rightDepth !== null && torso !== null) {
    const gapTorsos = (rightDepth - leftDepth) / torso;
    if (Math.abs(gapTorsos) >= NEAR_SIDE_MIN_DEPTH_GAP_TORSOS) {
      return { side: gapTorsos > 0 ? 'left' : 'right', evidence: 'depth' };
    }
  }
  return { side: leftScore >= rightScore ? 'left' : 'right', evidence: 'visibility' };
}

/** One side's joints, each null when not seen. */
export type SideChain = { readonly [J in SideJoint]: ImageLandmark | null };

export function sideChain(pose: Pose, side: Side, options: VisibilityOptions): SideChain {
  const entries = SIDE_JOINTS.map((joint) => [
    joint,
    seenLandmark(pose, sideLandmarkName(side, joint), options),
  ]);
  return Object.fromEntries(entries) as SideChain;
}

/**
 * The image direction the face points in a side view, from the nose's offset past the ears. Null in
 * front views, when the face points at the floor or ceiling, or when the head is not seen; lying
 * and kneeling exercises should use the head-to-feet direction instead.
 */
export function facingDirection(pose: Pose, options: VisibilityOptions): ImageDirection | null {
  const nose = seenLandmark(pose, 'nose', options);
  const ears = [seenLandmark(pose, 'left_ear', options), seenLandmark(pose, 'right_ear', options)];
  const seenEars = ears.filter((ear): ear is ImageLandmark => ear !== null);
  const torso = torsoLengthPx(pose, options);
  if (!nose || seenEars.length === 0 || torso === null) return null;
  const earXs = seenEars.map((ear) => ear.x);
  const earX = earXs.reduce((sum, x) => sum + x, 0) / earXs.length;
  const earSpread = Math.max(...earXs) - Math.min(...earXs);
  const offset = nose.x - earX;
  // In a front view the ears straddle the nose; in a side view they overlap behind it.
  if (!(Math.abs(offset) >= FACING_MIN_OFFSET_TORSOS * torso) || Math.abs(offset) <= earSpread) {
    return null;
  }
  return offset > 0 ? 'right' : 'left';
}
