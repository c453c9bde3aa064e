import type { Vec2 } from './vector';
import { isFiniteVec2, midpoint } from './vector';

/** Which members of a left/right pair a midpoint was taken from. */
export type PairSource = 'both' | 'left' | 'right';

export interface PairMidpoint {
  readonly point: Vec2;
  readonly from: PairSource;
}

/**
 * Midpoint of a left/right pair (shoulders, hips) whose members were already gated by visibility
 * (null = not seen). With one member seen, that member stands in: in a side view the pair overlaps
 * in the image, so the near one is the better estimate. The midpoint is not weighted by
 * visibility, because weighting pulls it towards one joint and biases widths and lengths.
 */
export function pairMidpoint(left: Vec2 | null, right: Vec2 | null): PairMidpoint | null {
  const leftOk = isFiniteVec2(left);
  const rightOk = isFiniteVec2(right);
  if (leftOk && rightOk) {
    const point = midpoint(left, right);
    return point ? { point, from: 'both' } : null;
  }
  if (leftOk) return { point: { x: left.x, y: left.y }, from: 'left' };
  if (rightOk) return { point: { x: right.x, y: right.y }, from: 'right' };
  return null;
}
