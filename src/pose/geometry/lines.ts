import type { Degrees } from './degrees';
import { degrees } from './degrees';
import type { ImageDirection } from './angles';
import { angleAt, lineTiltFromHorizontal } from './angles';
import type { Vec2 } from './vector';
import { cross, isFiniteVec2, length, sub } from './vector';

/**
 * Which side of a line a point is on is only stable when the line crosses the sign axis (gravity
 * for "below", the facing direction for "forward") at this angle or more; nearer parallel, a few
 * pixels of landmark noise flip the sign. Beyond it, use the other axis's function.
 */
export const MIN_LINE_TO_SIGN_AXIS_DEG = 30;

/** How far a point is from a line, and the bend it makes with the line's ends. */
export interface LineDeviation {
  /** Perpendicular distance from the line through `a` and `b`, in pixels, signed as named. */
  readonly distancePx: number;
  /**
   * 180° minus the angle a-point-b, signed like `distancePx`: 0 when the point is on the line.
   * This is the same quantity as the "shoulder-hip-ankle angle" in open-source plank checkers
   * (165-180° = |deviation| <= 15°), so their thresholds carry over.
   */
  readonly deviationDeg: Degrees;
}

/** Perpendicular distance, positive when the point is clockwise of `a -> b` on screen (y down). */
function clockwiseDistance(point: Vec2, a: Vec2, b: Vec2): number | null {
  const d = sub(b, a);
  const len = length(d);
  if (!(len > 0) || !Number.isFinite(len)) return null;
  const distance = cross(d, sub(point, a)) / len;
  return Number.isFinite(distance) ? distance : null;
}

function deviation(point: Vec2, a: Vec2, b: Vec2, sign: number): LineDeviation | null {
  const oriented = clockwiseDistance(point, a, b);
  const bend = angleAt(a, point, b);
  if (oriented === null || bend === null) return null;
  const distancePx = oriented * sign;
  const deviationDeg = degrees((180 - bend) * (distancePx < 0 ? -1 : 1));
  return deviationDeg === null ? null : { distancePx, deviationDeg };
}

/**
 * Deviation of `point` from the line through `a` and `b`, positive towards the floor: +y in the
 * image, i.e. the side gravity pulls to. A hip that sags in a plank is positive and a piked hip
 * negative whichever way the person faces, because the sign comes from gravity, not from the order
 * of `a` and `b` or the person's facing. Null when the line is within `MIN_LINE_TO_SIGN_AXIS_DEG`
 * of vertical (then "below" is ambiguous: see `deviationForwardOfLine`) or any input is unusable.
 */
export function deviationBelowLine(
  point: Vec2 | null,
  a: Vec2 | null,
  b: Vec2 | null,
): LineDeviation | null {
  if (!isFiniteVec2(point) || !isFiniteVec2(a) || !isFiniteVec2(b)) return null;
  const tilt = lineTiltFromHorizontal(a, b);
  if (tilt === null || tilt > 90 - MIN_LINE_TO_SIGN_AXIS_DEG) return null;
  // Orient the line left-to-right on screen: clockwise of it is then downwards (+y).
  const [start, end] = a.x <= b.x ? [a, b] : [b, a];
  return deviation(point, start, end, 1);
}

/**
 * Deviation of `point` from the line through `a` and `b`, positive on the `forward` side (the image
 * direction the person faces): for a standing person, an ear in front of the shoulder-ankle line is
 * positive. Null when the line is within `MIN_LINE_TO_SIGN_AXIS_DEG` of horizontal.
 */
export function deviationForwardOfLine(
  point: Vec2 | null,
  a: Vec2 | null,
  b: Vec2 | null,
  forward: ImageDirection,
): LineDeviation | null {
  if (!isFiniteVec2(point) || !isFiniteVec2(a) || !isFiniteVec2(b)) return null;
  const tilt = lineTiltFromHorizontal(a, b);
  if (tilt === null || tilt < MIN_LINE_TO_SIGN_AXIS_DEG) return null;
  // Orient the line bottom-to-top on screen: clockwise of it is then to the right.
  const [start, end] = a.y >= b.y ? [a, b] : [b, a];
  return deviation(point, start, end, forward === 'right' ? 1 : -1);
}
