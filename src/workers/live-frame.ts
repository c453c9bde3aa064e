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

/** False once this browser refused to copy a VideoFrame's pixels as RGBA: the bitmap path then. */
let rgbaCopyWorks = true;
/** The last frame's pixel buffer, reused by the next (a camera keeps its size); null while in use. */
let spareRgba: Uint8ClampedArray<ArrayBuffer> | null = null;

/**
 * A camera frame's pixels as RGBA, copied by the browser, or null where it cannot. Where Chromium
 * has no GPU compositing, each createImageBitmap or drawImage of a camera VideoFrame in the worker
 * has the page's main thread try (and fail) to make a GPU context twice; this copy asks once (issue
 * #15: about 0.3-0.7 ms of the page's thread each, measured in `npm run bench`). Same pixels:
 * checked equal, byte for byte, with the bitmap of the same frame.
 */
async function rgbaPixels(frame: VideoFrame): Promise<ImageData | null> {
  const { width, height } = frame.visibleRect ?? { width: 0, height: 0 };
  // A frame shown at another size than it is stored (non-square pixels) takes the bitmap path.
  if (!rgbaCopyWorks || width !== frame.displayWidth || height !== frame.displayHeight) return null;
  const options = { format: 'RGBA', colorSpace: 'srgb' } as const;
  try {
    const size = frame.allocationSize(options);
    const pixels = spareRgba?.length === size ? spareRgba : new Uint8ClampedArray(size);
    spareRgba = null;
    await frame.copyTo(pixels, options);
    return new ImageData(pixels, width, height);
  } catch {
    rgbaCopyWorks = false;
    return null;
  }
}

/**
 * The bitmap the model reads, at `scale` of the frame's size; closes `frame` when it made a new one
 * (a bitmap at full size is passed on as it is).
 */
export async function modelInput(frame: CameraFrame, scale: number): Promise<ImageBitmap> {
  if (scale === 1 && frame instanceof ImageBitmap) return frame;
  const { width, height } = cameraFrameSize(frame);
  const size =
    scale === 1
      ? {}
      : {
          resizeWidth: Math.max(1, Math.round(width * scale)),
          resizeHeight: Math.max(1, Math.round(height * scale)),
        };
  try {
    const pixels = frame instanceof ImageBitmap ? null : await rgbaPixels(frame);
    if (!pixels) return await createImageBitmap(frame, size);
    try {
      return await createImageBitmap(pixels, size);
    } finally {
      spareRgba = pixels.data;
    }
  } finally {
    frame.close();
  }
}
