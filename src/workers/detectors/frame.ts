import type { ImageSize } from '../../pose/pose';
import { PoseEngineError } from '../errors';

/** Throws BAD_INPUT for a closed or empty bitmap, which would otherwise abort the wasm module. */
export function frameSize(image: ImageBitmap): ImageSize {
  if (image.width === 0 || image.height === 0) {
    throw new PoseEngineError(
      'BAD_INPUT',
      'The frame is empty: the camera or the file gave no picture.',
    );
  }
  return { width: image.width, height: image.height };
}

/**
 * tasks-vision 1.1.0 aborts on inputs whose width is not a multiple of 4 (docs/models.md); padding the
 * right edge leaves every pixel coordinate unchanged.
 */
export const MEDIAPIPE_WIDTH_MULTIPLE_PX = 4;

export function padWidthToMultiple(
  image: ImageBitmap,
  multiple: number,
): ImageBitmap | OffscreenCanvas {
  const paddedWidth = Math.ceil(image.width / multiple) * multiple;
  if (paddedWidth === image.width) return image;
  const canvas = new OffscreenCanvas(paddedWidth, image.height);
  const context = canvas.getContext('2d');
  if (!context) throw new PoseEngineError('BAD_INPUT', 'This browser cannot prepare the frame.');
  context.drawImage(image, 0, 0);
  return canvas;
}
