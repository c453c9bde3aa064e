import type { ImageDirection } from '../geometry/angles';
import { angleFromVertical, leanFromVertical } from '../geometry/angles';
import { pairMidpoint } from '../geometry/pair';
import type { Vec2 } from '../geometry/vector';
import { distance, isFiniteVec2 } from '../geometry/vector';
import type { Pose } from '../pose';
import type { SideJoint } from '../side';
import { sideLandmarkName } from '../side';
import type { VisibilityOptions } from '../visibility';
import { seenLandmark } from '../visibility';
import { evidencePoint } from './result-parts';
import type { Evidence, EvidencePoint } from './types';
import type { WallPostureFault, WallPostureState, WallPostureThresholds } from './wall-posture';
import type { Judgement, Unseen } from './wall-posture-parts';
import {
  exceeds,
  finiteMetrics,
  meanVisibility,
  STANDING_NECK_MAX_FROM_VERTICAL_DEG,
  STANDING_TRUNK_MAX_FROM_VERTICAL_DEG,
} from './wall-posture-parts';

/**
 * Wall posture seen from the side: the plumb line (ankle -> hip and shoulder), forward head
 * (shoulder -> ear, absolute and against the person's own baseline) and rounded shoulders
 * (hip -> shoulder).
 */

/** A drift is cued only once the head leans at least this far forward: nobody is cued upright. */
export const FORWARD_HEAD_DRIFT_FLOOR_DEG = 15;
/**
 * Minimum x offset of the nose past the ear, as a fraction of the ear-shoulder distance, to tell
 * which way the face points in a side view. The nose sits about half a head length (0.3-0.5 of the
 * ear-shoulder distance) in front of the ear in profile; a front view puts it between the ears.
 */
export const FACING_MIN_NOSE_OFFSET_PER_NECK = 0.15;

/**
 * The image direction the face points in a profile, from the nose's offset past the ear, scaled by
 * the ear-shoulder distance so it works without the hips in view (the shared `facingDirection`
 * scales by torso length and so needs them). Null when the offset is too small to be sure.
 */
export function profileFacing(
  nose: Vec2 | null,
  ear: Vec2 | null,
  shoulder: Vec2 | null,
): ImageDirection | null {
  const neck = distance(ear, shoulder);
  if (!isFiniteVec2(nose) || !isFiniteVec2(ear) || neck === null || !(neck > 0)) return null;
  const offset = nose.x - ear.x;
  if (!(Math.abs(offset) >= FACING_MIN_NOSE_OFFSET_PER_NECK * neck)) return null;
  return offset > 0 ? 'right' : 'left';
}

/** A point straight above `from` at the height of `to`, for drawing a vertical reference. */
function verticalAbove(from: Vec2, to: Vec2): Vec2 {
  return { x: from.x, y: Math.min(to.y, from.y - 1) };
}

/** A pair's midpoint as a drawable point: named when only one member was seen. */
export interface MidlinePoint extends EvidencePoint {
  readonly visibility: number;
}

/**
 * The midpoint of a left/right pair (or the one seen). In a true side view the pair overlaps, so
 * this is the near joint; in a slightly oblique one it is the body's midline, which both engines
 * agree on far better than on the near joint (the side photo: near-side neck leans of 60° and 34°
 * from BlazePose and MoveNet, midline leans of 55° and 47°).
 */
export function midlinePoint(
  pose: Pose,
  joint: SideJoint,
  options: VisibilityOptions,
): MidlinePoint | null {
  const left = seenLandmark(pose, sideLandmarkName('left', joint), options);
  const right = seenLandmark(pose, sideLandmarkName('right', joint), options);
  const mid = pairMidpoint(left, right);
  if (mid === null) return null;
  const name = mid.from === 'both' ? null : sideLandmarkName(mid.from, joint);
  return { ...mid.point, name, visibility: meanVisibility([left, right]) };
}

export function judgeSideView(
  pose: Pose,
  state: WallPostureState,
  thresholds: WallPostureThresholds,
  options: VisibilityOptions,
): Judgement | Unseen {
  const ear = midlinePoint(pose, 'ear', options);
  const shoulder = midlinePoint(pose, 'shoulder', options);
  // The core requirements already found an ear and a shoulder; this only narrows the types.
  if (ear === null || shoulder === null) return { unseen: ['head', 'shoulders'] };
  const hip = midlinePoint(pose, 'hip', options);
  const knee = midlinePoint(pose, 'knee', options);
  const ankle = midlinePoint(pose, 'ankle', options);
  const facing = profileFacing(seenLandmark(pose, 'nose', options), ear, shoulder);

  const trunkFromVertical = hip ? angleFromVertical(hip, shoulder) : null;
  const neckFromVertical = angleFromVertical(shoulder, ear);
  const standing =
    trunkFromVertical !== null
      ? trunkFromVertical <= STANDING_TRUNK_MAX_FROM_VERTICAL_DEG
      : neckFromVertical !== null && neckFromVertical <= STANDING_NECK_MAX_FROM_VERTICAL_DEG;

  const headLean = facing === null ? null : leanFromVertical(shoulder, ear, facing);
  const shouldersForward =
    facing === null || hip === null ? null : leanFromVertical(hip, shoulder, facing);
  const kneeOffPlumb = ankle && knee ? angleFromVertical(ankle, knee) : null;
  const hipOffPlumb = ankle && hip ? angleFromVertical(ankle, hip) : null;
  const shoulderOffPlumb = ankle ? angleFromVertical(ankle, shoulder) : null;
  // The knee is drawn and reported but not cued: "soft knees" are advised over locked ones, and its
  // short lever below it doubles the angle of any landmark error.
  const worstPlumbLean = hipOffPlumb === null ? null : Math.max(hipOffPlumb, shoulderOffPlumb ?? 0);
  const baseline = state.baselineLeanDeg;
  const headDrift = headLean !== null && baseline !== null ? headLean - baseline : null;

  const faults: WallPostureFault[] = [];
  if (standing) {
    const driftedForward =
      exceeds(headDrift, thresholds.forwardHeadDriftDeg) &&
      exceeds(headLean, FORWARD_HEAD_DRIFT_FLOOR_DEG);
    if (exceeds(headLean, thresholds.forwardHeadLeanDeg) || driftedForward) {
      faults.push('posture.forward-head');
    }
    if (exceeds(shouldersForward, thresholds.shouldersForwardOfHipDeg)) {
      faults.push('posture.rounded-shoulders');
    }
    if (exceeds(worstPlumbLean, thresholds.offPlumbLineDeg)) faults.push('posture.off-plumb-line');
  }

  const evidence: Evidence[] = [];
  if (headLean !== null) {
    evidence.push({
      kind: 'angle',
      vertex: shoulder,
      a: evidencePoint(verticalAbove(shoulder, ear), null),
      b: ear,
      degrees: headLean,
      about: 'posture.forward-head',
    });
  }
  if (hip && shouldersForward !== null) {
    evidence.push({
      kind: 'angle',
      vertex: hip,
      a: evidencePoint(verticalAbove(hip, shoulder), null),
      b: shoulder,
      degrees: shouldersForward,
      about: 'posture.rounded-shoulders',
    });
  }
  if (ankle && worstPlumbLean !== null) {
    evidence.push({
      kind: 'line',
      from: ankle,
      to: evidencePoint(verticalAbove(ankle, ear), null),
      about: 'posture.off-plumb-line',
    });
    for (const point of [knee, hip, shoulder]) {
      if (point) evidence.push({ kind: 'point', at: point, about: 'posture.off-plumb-line' });
    }
  }

  return {
    phase: standing ? 'standing' : 'setup',
    faults,
    undecided: [],
    // No form feedback, drawn or spoken, until the person stands.
    evidence: standing ? evidence : [],
    metrics: finiteMetrics({
      forwardHeadLeanDeg: headLean,
      forwardHeadBaselineDeg: baseline,
      forwardHeadDriftDeg: headDrift,
      shouldersForwardOfHipDeg: shouldersForward,
      kneeOffPlumbDeg: kneeOffPlumb,
      hipOffPlumbDeg: hipOffPlumb,
      shoulderOffPlumbDeg: shoulderOffPlumb,
      earOffPlumbDeg: ankle ? angleFromVertical(ankle, ear) : null,
      // 1 when the check ran, 0 when it lacked what it needs (the UI says what to bring in view).
      forwardHeadJudged: headLean === null ? 0 : 1,
      roundedShouldersJudged: shouldersForward === null ? 0 : 1,
      plumbLineJudged: worstPlumbLean === null ? 0 : 1,
      frontChecksJudged: 0,
    }),
    // Hips or ankles out of frame: judged on the head alone, and asked to step back for the rest.
    viewAdvice: !standing
      ? 'setup.get-in-position'
      : hip === null || ankle === null
        ? 'setup.step-back'
        : null,
    confidence: meanVisibility([ear, shoulder, hip, ankle]),
    forwardHeadLeanDeg: standing ? headLean : null,
  };
}
