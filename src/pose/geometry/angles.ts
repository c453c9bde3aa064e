import type { Degrees } from './degrees';
import { radiansToDegrees } from './degrees';
import type { Vec2, Vec3 } from './vector';
import { dot, dot3, isFiniteVec2, isFiniteVec3, length, length3, sub, sub3 } from './vector';

/**
 * Segments shorter than this have no meaningful direction: landmarks that coincide (a folded or
 * hidden limb) would give an arbitrary angle.
 */
export const MIN_SEGMENT_LENGTH_PX = 1e-6;

/** A horizontal direction in the image, as seen on screen (not the person's own left/right). */
export type ImageDirection = 'left' | 'right';

function clampUnit(value: number): number {
  return Math.min(1, Math.max(-1, value));
}

/** Unsigned angle at `vertex` between the rays to `a` and `b`, 0-180°; null if undefined. */
export function angleAt(a: Vec2 | null, vertex: Vec2 | null, b: Vec2 | null): Degrees | null {
  if (!isFiniteVec2(a) || !isFiniteVec2(vertex) || !isFiniteVec2(b)) return null;
  const u = sub(a, vertex);
  const v = sub(b, vertex);
  const lengths = length(u) * length(v);
  if (!(lengths > MIN_SEGMENT_LENGTH_PX ** 2) || !Number.isFinite(lengths)) return null;
  return radiansToDegrees(Math.acos(clampUnit(dot(u, v) / lengths)));
}

/** As `angleAt`, in 3D (world landmarks). World angles err by 19-25° (docs/checkers.md): use sparingly. */
export function angleAt3D(a: Vec3 | null, vertex: Vec3 | null, b: Vec3 | null): Degrees | null {
  if (!isFiniteVec3(a) || !isFiniteVec3(vertex) || !isFiniteVec3(b)) return null;
  const u = sub3(a, vertex);
  const v = sub3(b, vertex);
  const lengths = length3(u) * length3(v);
  if (!(lengths > MIN_SEGMENT_LENGTH_PX ** 2) || !Number.isFinite(lengths)) return null;
  return radiansToDegrees(Math.acos(clampUnit(dot3(u, v) / lengths)));
}

function direction(from: Vec2 | null, to: Vec2 | null): Vec2 | null {
  if (!isFiniteVec2(from) || !isFiniteVec2(to)) return null;
  const d = sub(to, from);
  const len = length(d);
  return len > MIN_SEGMENT_LENGTH_PX && Number.isFinite(len) ? d : null;
}

/**
 * Elevation of `to` seen from `from`, -90..90°: positive when `to` is higher on screen (smaller
 * image y), 0 when level. It ignores which way the segment points horizontally, so a person facing
 * left or right gets the same value (e.g. shoulder -> ear for a head-posture proxy).
 */
export function elevationAngle(from: Vec2 | null, to: Vec2 | null): Degrees | null {
  const d = direction(from, to);
  return d ? radiansToDegrees(Math.atan2(-d.y, Math.abs(d.x))) : null;
}

/** Unsigned angle between `from -> to` and straight up on screen, 0-180° (0 = `to` directly above). */
export function angleFromVertical(from: Vec2 | null, to: Vec2 | null): Degrees | null {
  const d = direction(from, to);
  return d ? radiansToDegrees(Math.atan2(Math.abs(d.x), -d.y)) : null;
}

/**
 * Signed lean of `from -> to` away from straight up, -180..180°: positive when `to` is on the
 * `forward` side (the image direction the person faces), e.g. shoulder -> ear leaning forward.
 */
export function leanFromVertical(
  from: Vec2 | null,
  to: Vec2 | null,
  forward: ImageDirection,
): Degrees | null {
  const d = direction(from, to);
  if (!d) return null;
  const forwardX = forward === 'right' ? d.x : -d.x;
  return radiansToDegrees(Math.atan2(forwardX, -d.y));
}

/** Tilt of the line through two points from the image horizontal, 0-90°, direction-free. */
export function lineTiltFromHorizontal(a: Vec2 | null, b: Vec2 | null): Degrees | null {
  const d = direction(a, b);
  return d ? radiansToDegrees(Math.atan2(Math.abs(d.y), Math.abs(d.x))) : null;
}
