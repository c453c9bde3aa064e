import type { Vec2 } from '../geometry/vector';
import { distance, isFiniteVec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX } from '../landmarks';
import type { ImageLandmark } from '../pose';
import type { Side } from '../side';
import { sideLandmarkName } from '../side';

/** A capsule of mask pixels to leave out before tracing: a segment widened by a radius. */
export interface MaskCut {
  readonly from: Vec2;
  readonly to: Vec2;
  readonly radiusPx: number;
}

/**
 * The arm is cut from this far along the upper arm (0 = shoulder, 1 = elbow) to the hand: lying on
 * the floor beside the trunk (a glute bridge) the upper arm's first half lies against the shoulder
 * blade, and cutting it would bite into the back the cut is meant to reveal.
 */
export const ARM_CUT_FROM_UPPER_ARM = 0.5;
/**
 * Half the width of the cut, in torso lengths (shoulder-hip distance). An adult arm is 8-10 cm
 * thick against a 45-50 cm torso (0.09 each side of the bone's line would be the whole arm); 0.1
 * adds the mask's few pixels of edge blur at the photos' scale.
 */
export const ARM_CUT_RADIUS_TORSOS = 0.1;

const SIDES: readonly Side[] = ['left', 'right'];

function point(landmarks: readonly (ImageLandmark | null)[], name: LandmarkName): Vec2 | null {
  const found = landmarks[LANDMARK_INDEX[name]];
  return found && isFiniteVec2(found) ? { x: found.x, y: found.y } : null;
}

/**
 * Both arms as cuts for `outlineFromMask`, from the pose's landmarks in mask pixels: the outer
 * half of the upper arm, the forearm and the hand (wrist to index knuckle). The torso length is
 * the longer side's shoulder-hip distance. Empty when the shoulders and hips are not placed.
 */
export function armCuts(landmarks: readonly (ImageLandmark | null)[]): MaskCut[] {
  const torsos = SIDES.map((side) =>
    distance(
      point(landmarks, sideLandmarkName(side, 'shoulder')),
      point(landmarks, sideLandmarkName(side, 'hip')),
    ),
  ).filter((d): d is number => d !== null && d > 0);
  if (torsos.length === 0) return [];
  const radiusPx = ARM_CUT_RADIUS_TORSOS * Math.max(...torsos);
  const cuts: MaskCut[] = [];
  for (const side of SIDES) {
    const shoulder = point(landmarks, sideLandmarkName(side, 'shoulder'));
    const elbow = point(landmarks, sideLandmarkName(side, 'elbow'));
    const wrist = point(landmarks, sideLandmarkName(side, 'wrist'));
    const index = point(landmarks, side === 'left' ? 'left_index' : 'right_index');
    if (shoulder && elbow) {
      const from = {
        x: shoulder.x + ARM_CUT_FROM_UPPER_ARM * (elbow.x - shoulder.x),
        y: shoulder.y + ARM_CUT_FROM_UPPER_ARM * (elbow.y - shoulder.y),
      };
      cuts.push({ from, to: elbow, radiusPx });
    }
    if (elbow && wrist) cuts.push({ from: elbow, to: wrist, radiusPx });
    if (wrist && index) cuts.push({ from: wrist, to: index, radiusPx });
  }
  return cuts;
}
