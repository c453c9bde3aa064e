import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX } from '../landmarks';
import type { ImageLandmark, Pose } from '../pose';
import type { PoseRecording } from '../recording';

/**
 * Helpers that derive bad form from a real recorded skeleton by a physically plausible change
 * (a limb turned about a joint), for the exercise tests.
 */

/** Turns `point` about `pivot` by `degrees`, clockwise on screen (image y points down). */
export function rotateAbout<P extends Vec2>(point: P, pivot: Vec2, degrees: number): P {
  const radians = (degrees * Math.PI) / 180;
  const dx = point.x - pivot.x;
  const dy = point.y - pivot.y;
  return {
    ...point,
    x: pivot.x + dx * Math.cos(radians) - dy * Math.sin(radians),
    y: pivot.y + dx * Math.sin(radians) + dy * Math.cos(radians),
  };
}

/** The pose with the named landmarks (those present) moved by `move`; the others untouched. */
export function transformLandmarks(
  pose: Pose,
  names: readonly LandmarkName[],
  move: (point: ImageLandmark) => ImageLandmark,
): Pose {
  const moved = new Set(names.map((name) => LANDMARK_INDEX[name]));
  return {
    ...pose,
    landmarks: pose.landmarks.map((point, i) => (point && moved.has(i) ? move(point) : point)),
  };
}

/** The first person in the first frame of a recording (a photo's only pose). */
export function firstPose(recording: PoseRecording): Pose {
  const pose = recording.frames[0]?.poses[0];
  if (!pose) throw new Error(`${recording.source} has no pose`);
  return pose;
}

/** The recording's first frame with `pose` as its only person, saying how it was derived. */
export function withFirstPose(
  recording: PoseRecording,
  pose: Pose,
  derivation?: string,
): PoseRecording {
  const frame = recording.frames[0];
  if (!frame) throw new Error(`${recording.source} has no frame`);
  return {
    ...recording,
    frames: [{ ...frame, poses: [pose] }],
    ...(derivation === undefined ? {} : { derivation }),
  };
}
