import type { Vec2 } from '../geometry/vector';
import { cross, dot, length, sub } from '../geometry/vector';

/**
 * Where the lying trunk meets the floor, read on the floor side of its outline: the upper back's
 * contact is looked for in the first `FLOOR_CONTACT_SHARE` of the stations (shoulder end) and the
 * pelvis's in the last (buttocks). The lumbar spine lies between, where a lifted low back opens a
 * gap. A third of the stations each is about 0.4 torso lengths: the shoulder blades and the sacrum.
 */
export const FLOOR_CONTACT_SHARE = 0.33;

/** The floor under a lying trunk: the line through its two ground contacts. */
export interface FloorLine {
  /** The contact at the shoulder end (upper back), image pixels. */
  readonly from: Vec2;
  /** The contact at the hip end (pelvis), image pixels. */
  readonly to: Vec2;
}

/** The floor line and how far the trunk's floor side rises above it between the contacts. */
export interface FloorGap {
  readonly floor: FloorLine;
  /**
   * Largest height of the floor side above the floor line between the two contacts, in torso
   * lengths (shoulder-hip distance); positive = off the floor (a lifted lower back), negative
   * when the outline runs below the line (it never rests above both contacts).
   */
  readonly gapTorsos: number;
  /** The outline point where the gap is largest. */
  readonly gapAt: Vec2;
}

/** The point of `points` farthest along `direction` (the lowest when it points to the floor). */
function farthestAlong(points: readonly Vec2[], direction: Vec2): Vec2 | null {
  let best: Vec2 | null = null;
  for (const point of points) {
    if (best === null || dot(point, direction) > dot(best, direction)) best = point;
  }
  return best;
}

/**
 * The floor under a lying trunk from its floor-side outline (`points`, shoulder end first, as
 * `measureBackCurve` reads them) and `up`, the unit normal pointing away from the floor: the
 * lowest point of each end stands for a ground contact, and the gap is the floor side's largest
 * height above the line joining them. Null with too few points or coincident contacts.
 */
export function floorGap(points: readonly Vec2[], up: Vec2, torsoPx: number): FloorGap | null {
  const count = points.length;
  const endCount = Math.max(1, Math.round(count * FLOOR_CONTACT_SHARE));
  if (count < 3 || !(torsoPx > 0)) return null;
  const down = { x: -up.x, y: -up.y };
  const from = farthestAlong(points.slice(0, endCount), down);
  const to = farthestAlong(points.slice(count - endCount), down);
  if (!from || !to) return null;
  const along = sub(to, from);
  const span = length(along);
  if (!(span > 0)) return null;
  // Positive cross means clockwise of from -> to; flip it so positive is towards `up`.
  const upSign = cross(along, up) >= 0 ? 1 : -1;
  const fromIndex = points.indexOf(from);
  const toIndex = points.indexOf(to);
  let gapPx = -Infinity;
  let gapAt = from;
  for (let i = fromIndex + 1; i < toIndex; i++) {
    const point = points[i];
    if (!point) continue;
    const height = (upSign * cross(along, sub(point, from))) / span;
    if (height > gapPx) {
      gapPx = height;
      gapAt = point;
    }
  }
  // Adjacent contacts: nothing between them lifts.
  if (gapPx === -Infinity) gapPx = 0;
  return { floor: { from, to }, gapTorsos: gapPx / torsoPx, gapAt };
}
