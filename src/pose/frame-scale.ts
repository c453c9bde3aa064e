/**
 * Poses found on a scaled-down copy of a frame, put back in the full frame's pixels: the worker
 * gives some engines a smaller frame (src/workers/live-frame.ts, docs/models.md "Frame size"), and
 * everything after the model (smoothing, checkers, the drawing) reads full-frame pixels. Pure.
 */
import type { ImageLandmark, ImageSize, Pose, PoseFrame } from './pose';

/** `frame`, found on an image of `frame.imageSize`, in the pixels of the `full` image it shrank. */
export function toFullFrame(frame: PoseFrame, full: ImageSize): PoseFrame {
  const sx = full.width / frame.imageSize.width;
  const sy = full.height / frame.imageSize.height;
  if (sx === 1 && sy === 1) return frame;
  const point = (landmark: ImageLandmark | null): ImageLandmark | null =>
    landmark && {
      ...landmark,
      x: landmark.x * sx,
      y: landmark.y * sy,
      // MediaPipe's depth is on the x scale (its landmarks' z is normalised by the image width).
      z: landmark.z === null ? null : landmark.z * sx,
    };
  const pose = (found: Pose): Pose => ({
    ...found,
    landmarks: found.landmarks.map(point),
    ...(found.outline
      ? {
          outline: {
            ...found.outline,
            xy: found.outline.xy.map((value, i) => value * (i % 2 === 0 ? sx : sy)),
          },
        }
      : {}),
  });
  return { ...frame, imageSize: full, poses: frame.poses.map(pose) };
}
