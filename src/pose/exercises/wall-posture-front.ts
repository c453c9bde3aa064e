import { angleFromVertical, lineTiltFromHorizontal } from '../geometry/angles';
import { pairMidpoint } from '../geometry/pair';
import type { LandmarkName } from '../landmarks';
import type { Pose } from '../pose';
import type { LandmarkRequirements, SeenPoint } from '../requirements';
import { gatherLandmarks } from '../requirements';
import type { VisibilityOptions } from '../visibility';
import { seenLandmark } from '../visibility';
import { evidencePoint } from './result-parts';
import type { Evidence } from './types';
import type { WallPostureFault, WallPostureThresholds } from './wall-posture';
import type { Judgement, Unseen } from './wall-posture-parts';
import {
  exceeds,
  finiteMetrics,
  meanVisibility,
  STANDING_NECK_MAX_FROM_VERTICAL_DEG,
  STANDING_TRUNK_MAX_FROM_VERTICAL_DEG,
} from './wall-posture-parts';

/**
 * Wall posture seen from the front: level shoulders, level hips and head tilt. The side-view
 * checks stay undecided here, so a front-on hold still counts on what it can judge.
 */

/** A front view needs both shoulders, for the level-shoulders check and the body's midline. */
const FRONT_VIEW_LANDMARKS = {
  leftShoulder: 'left_shoulder',
  rightShoulder: 'right_shoulder',
} as const satisfies LandmarkRequirements;

/**
 * The checks only a side view can make. Facing the camera, a hold still counts on the front
 * checks (level shoulders and hips, head tilt), and these are reported undecided so the UI can say
 * that a side view would check them too, rather than refuse the front view outright.
 */
const SIDE_VIEW_FAULTS: readonly WallPostureFault[] = [
  'posture.forward-head',
  'posture.rounded-shoulders',
  'posture.off-plumb-line',
];

function seenPoint(pose: Pose, name: LandmarkName, options: VisibilityOptions): SeenPoint | null {
  const point = seenLandmark(pose, name, options);
  return point ? { ...point, name } : null;
}

function tiltEvidence(a: SeenPoint, b: SeenPoint, about: WallPostureFault): Evidence {
  return { kind: 'line', from: evidencePoint(a, a.name), to: evidencePoint(b, b.name), about };
}

export function judgeFrontView(
  pose: Pose,
  thresholds: WallPostureThresholds,
  options: VisibilityOptions,
): Judgement | Unseen {
  const shoulders = gatherLandmarks(pose, FRONT_VIEW_LANDMARKS, options);
  if (!shoulders.ok) return { unseen: shoulders.unseen };
  const { leftShoulder, rightShoulder } = shoulders.points;
  const leftHip = seenPoint(pose, 'left_hip', options);
  const rightHip = seenPoint(pose, 'right_hip', options);
  // Ears give the widest baseline for head tilt; the eyes stand in when hair hides an ear.
  const ears = [seenPoint(pose, 'left_ear', options), seenPoint(pose, 'right_ear', options)];
  const eyes = [seenPoint(pose, 'left_eye', options), seenPoint(pose, 'right_eye', options)];
  const headPair = ears[0] && ears[1] ? ears : eyes;
  const [leftHead, rightHead] = headPair;

  const shoulderMid = pairMidpoint(leftShoulder, rightShoulder)?.point ?? null;
  const hipMid = pairMidpoint(leftHip, rightHip)?.point ?? null;
  const headMid = pairMidpoint(ears[0] ?? null, ears[1] ?? null)?.point ?? null;
  const trunkFromVertical = hipMid ? angleFromVertical(hipMid, shoulderMid) : null;
  const neckFromVertical = angleFromVertical(shoulderMid, headMid);
  const standing =
    trunkFromVertical !== null
      ? trunkFromVertical <= STANDING_TRUNK_MAX_FROM_VERTICAL_DEG
      : neckFromVertical !== null && neckFromVertical <= STANDING_NECK_MAX_FROM_VERTICAL_DEG;

  const shoulderTilt = lineTiltFromHorizontal(leftShoulder, rightShoulder);
  const hipTilt = leftHip && rightHip ? lineTiltFromHorizontal(leftHip, rightHip) : null;
  const headTilt = leftHead && rightHead ? lineTiltFromHorizontal(leftHead, rightHead) : null;

  const faults: WallPostureFault[] = [];
  if (standing) {
    if (exceeds(shoulderTilt, thresholds.shoulderTiltDeg)) faults.push('posture.shoulders-uneven');
    if (exceeds(hipTilt, thresholds.hipTiltDeg)) faults.push('posture.hips-uneven');
    if (exceeds(headTilt, thresholds.headTiltDeg)) faults.push('posture.head-tilt');
  }
  const evidence: Evidence[] = [
    tiltEvidence(leftShoulder, rightShoulder, 'posture.shoulders-uneven'),
  ];
  if (leftHip && rightHip) evidence.push(tiltEvidence(leftHip, rightHip, 'posture.hips-uneven'));
  if (leftHead && rightHead) evidence.push(tiltEvidence(leftHead, rightHead, 'posture.head-tilt'));

  return {
    phase: standing ? 'standing' : 'setup',
    faults,
    // Judged from the front, the hold counts on these checks alone; the side-on ones stay open.
    undecided: standing
      ? SIDE_VIEW_FAULTS.map((fault) => ({ fault, reason: 'needs-side-view' as const }))
      : [],
    evidence: standing ? evidence : [],
    metrics: finiteMetrics({
      shoulderTiltDeg: shoulderTilt,
      hipTiltDeg: hipTilt,
      headTiltDeg: headTilt,
      hipsLevelJudged: hipTilt === null ? 0 : 1,
      headTiltJudged: headTilt === null ? 0 : 1,
      frontChecksJudged: 1,
      // The plumb line, forward head and rounded shoulders need a side view.
      forwardHeadJudged: 0,
      roundedShouldersJudged: 0,
      plumbLineJudged: 0,
    }),
    viewAdvice: standing ? null : 'setup.get-in-position',
    confidence: meanVisibility([leftShoulder, rightShoulder, leftHip, rightHip, leftHead ?? null]),
    forwardHeadLeanDeg: null,
  };
}
