/// <reference lib="webworker" />
/**
 * A camera frame on its way to the model. The page hands over a VideoFrame, which holds the
 * camera's picture without a copy on the page's thread (issue #15: createImageBitmap on the video
 * cost the page about 7 ms a frame), or an ImageBitmap where WebCodecs is missing; the bitmap the
 * model reads is made here, off the page's thread, at the size each engine is given.
 */
import type { EngineModel, ImageSize } from '../pose/pose';

export type CameraFrame = ImageBitmap | VideoFrame;

/**
 * The share of the camera frame's width and height MoveNet is given live. `npm run bench-scale`
 * on real clips (docs/models.md, "Frame size"): at 3/4 size its landmarks move under 1 px and
 * 0.3° median (p90 under 2°) on the checkers' angles with nobody lost; half size doubles that for
 * little time, as it letterboxes every frame into a 192 or 256 px square anyway.
 */
export const MOVENET_LIVE_FRAME_SCALE = 0.75;

/**
 * MediaPipe gets the full frame: at 3/4 or 1/2 size its landmarks swapped sides (p90 22-56° on the
 * checkers' angles) and lost people on the same clips (docs/models.md, "Frame size").
 */
export function liveFrameScale(config: EngineModel): number {
  return config.engine === 'movenet' ? MOVENET_LIVE_FRAME_SCALE : 1;
}

export function cameraFrameSize(frame: CameraFrame): ImageSize {
  return 'displayWidth' in frame
    ? { width: frame.displayWidth, height: frame.displayHeight }
    : { width: frame.width, height: frame.height };
}

/**
 * The bitmap the model reads, at `scale` of the frame's size; closes `frame` when it made a new one
 * (a bitmap at full size is passed on as it is).
 */
export async function modelInput(frame: CameraFrame, scale: number): Promise<ImageBitmap> {
  if (scale === 1 && frame instanceof ImageBitmap) return frame;
  const { width, height } = cameraFrameSize(frame);
  try {
    return await createImageBitmap(
      frame,
      scale === 1
        ? {}
        : {
            resizeWidth: Math.max(1, Math.round(width * scale)),
            resizeHeight: Math.max(1, Math.round(height * scale)),
          },
    );
  } finally {
    frame.close();
  }
}
