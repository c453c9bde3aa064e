import type { Vec2 } from './geometry/vector';
import { isFiniteVec3 } from './geometry/vector';
import type { LandmarkName } from './landmarks';
import { LANDMARK_INDEX } from './landmarks';
import type { Pose } from './pose';

/**
 * A landmark as a level camera beside the body would see it, in metres (y down like the image).
 */
export type WorldSideView = (name: LandmarkName) => Vec2 | null;

/**
 * Body lines whose horizontal run is shorter than this, in metres, give no direction to look
 * across: the line stands upright, and "beside the body" is any way round.
 */
const MIN_HORIZONTAL_RUN_M = 0.05;

/**
 * BlazePose's world landmarks (metres, origin between the hips, axes along the camera's) projected
 * onto the upright plane through the body line `from` -> `to`: the side view of a body filmed from
 * any angle, as far as the model's depth is right. A plank or a bridge filmed at three-quarter has
 * its length foreshortened in the image, not in the world landmarks; the camera's own tilt stays in
 * (y is the camera's down), which moves a line's elevation but barely the bends along it.
 * Null without world landmarks (MoveNet) or for an upright body line.
 */
export function worldSideView(
  pose: Pose,
  from: LandmarkName,
  to: LandmarkName,
): WorldSideView | null {
  const world = pose.worldLandmarks;
  if (!world) return null;
  const start = world[LANDMARK_INDEX[from]];
  const end = world[LANDMARK_INDEX[to]];
  if (!isFiniteVec3(start) || !isFiniteVec3(end)) return null;
  const run = Math.hypot(end.x - start.x, end.z - start.z);
  if (!(run >= MIN_HORIZONTAL_RUN_M)) return null;
  const across = { x: (end.x - start.x) / run, z: (end.z - start.z) / run };
  return (name) => {
    const point = world[LANDMARK_INDEX[name]];
    if (!isFiniteVec3(point)) return null;
    return { x: point.x * across.x + point.z * across.z, y: point.y };
  };
}
