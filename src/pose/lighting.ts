/**
 * How bright a frame is, from its pixels: the worker measures a small copy of each frame so the
 * app can say "too dark" instead of "step back" when the room, not the person, is the problem.
 * Pure: RGBA bytes in, a number out.
 */

/** Rec. 601 luma weights (ITU-R BT.601), the usual measure of perceived brightness. */
const LUMA_WEIGHTS = { r: 0.299, g: 0.587, b: 0.114 } as const;
const BYTE_MAX = 255;

/**
 * The side of the copy measured, in pixels: 32 x 18 keeps a 16:9 frame's layout, and the mean of
 * 576 pixels is steady while costing nothing beside the model.
 */
export const BRIGHTNESS_SAMPLE_WIDTH_PX = 32;
export const BRIGHTNESS_SAMPLE_HEIGHT_PX = 18;

/** Mean luma of RGBA pixels, 0 (black) to 1 (white); null for no pixels. Alpha is ignored. */
export function meanLuma(rgba: ArrayLike<number>): number | null {
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return null;
  let sum = 0;
  for (let i = 0; i < pixels * 4; i += 4) {
    sum +=
      LUMA_WEIGHTS.r * (rgba[i] ?? 0) +
      LUMA_WEIGHTS.g * (rgba[i + 1] ?? 0) +
      LUMA_WEIGHTS.b * (rgba[i + 2] ?? 0);
  }
  return sum / pixels / BYTE_MAX;
}
