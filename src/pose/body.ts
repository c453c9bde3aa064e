import type { PairMidpoint } from './geometry/pair';
import { pairMidpoint } from './geometry/pair';
import { distance } from './geometry/vector';
import type { Pose } from './pose';
import type { VisibilityOptions } from './visibility';
import { seenLandmark } from './visibility';

/**
 * Torsos shorter than this in the image are too small to judge: a few pixels of landmark noise are
 * tens of degrees at the hip. Through a laptop's 70° webcam a 0.5 m torso is 20 px at 640 px wide
 * about 11 m away, at 1280 px about 23 m.
 */
export const MIN_TORSO_LENGTH_PX = 20;

export function shoulderMidpoint(pose: Pose, options: VisibilityOptions): PairMidpoint | null {
  return pairMidpoint(
    seenLandmark(pose, 'left_shoulder', options),
    seenLandmark(pose, 'right_shoulder', options),
  );
}

export function hipMidpoint(pose: Pose, options: VisibilityOptions): PairMidpoint | null {
  return pairMidpoint(
    seenLandmark(pose, 'left_hip', options),
    seenLandmark(pose, 'right_hip', options),
  );
}

/**
 * Distance from the shoulder midpoint to the hip midpoint, in pixels: the body's scale in the
 * image. It is the same whether the person stands or lies (a plank), unlike height or width, and
 * does not change when arms or legs move. Null when it cannot be measured or is too small.
 */
export function torsoLengthPx(pose: Pose, options: VisibilityOptions): number | null {
  const shoulders = shoulderMidpoint(pose, options);
  const hips = hipMidpoint(pose, options);
  const length = distance(shoulders?.point ?? null, hips?.point ?? null);
  return length !== null && length >= MIN_TORSO_LENGTH_PX ? length : null;
}
