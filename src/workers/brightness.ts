import {
  BRIGHTNESS_SAMPLE_HEIGHT_PX,
  BRIGHTNESS_SAMPLE_WIDTH_PX,
  meanLuma,
} from '../pose/lighting';

/** One small canvas for every frame: the copy is drawn over the last. */
let sampleContext: OffscreenCanvasRenderingContext2D | null = null;

/**
 * The frame's mean luma (0-1), measured on a 32 x 18 copy (a fraction of a millisecond beside the
 * model); null when this browser cannot draw the frame off screen.
 */
export function frameBrightness(frame: ImageBitmap): number | null {
  sampleContext ??= new OffscreenCanvas(
    BRIGHTNESS_SAMPLE_WIDTH_PX,
    BRIGHTNESS_SAMPLE_HEIGHT_PX,
  ).getContext('2d', { willReadFrequently: true });
  if (!sampleContext || frame.width === 0 || frame.height === 0) return null;
  sampleContext.drawImage(frame, 0, 0, BRIGHTNESS_SAMPLE_WIDTH_PX, BRIGHTNESS_SAMPLE_HEIGHT_PX);
  const pixels = sampleContext.getImageData(
    0,
    0,
    BRIGHTNESS_SAMPLE_WIDTH_PX,
    BRIGHTNESS_SAMPLE_HEIGHT_PX,
  ).data;
  return meanLuma(pixels);
}
