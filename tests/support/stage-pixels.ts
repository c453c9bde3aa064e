/**
 * What a screenshot of the stage shows, pixel by pixel: the colours the overlay draws (and the
 * stage's plain background), the soft edges around them, or anything else. A camera picture is
 * anything else almost everywhere; a stage showing only the drawing has next to none of it. Pure,
 * on raw RGBA, so the privacy view's check (tests/e2e/privacy-view.spec.ts) is tested in Node too.
 */

export type Rgb = readonly [number, number, number];

/** A colour counts as a drawn one within this many levels (0-255) on every channel. */
const COLOUR_TOLERANCE = 10;
/**
 * Anti-aliased edges (and the canvas's scaling to its box) blend a drawn colour into what is under
 * it within a couple of pixels; pixels this close to a drawn one are edges, not a picture.
 */
const EDGE_PX = 3;

export interface StagePixels {
  readonly total: number;
  /** Neither the background, a drawn colour, nor within EDGE_PX of a drawn colour. */
  readonly foreign: number;
  /** Pixels of each named colour of the palette. */
  readonly counts: Readonly<Record<string, number>>;
}

/** `rgb(r, g, b)` as drawn on the canvas, or `#rrggbb`, to numbers. */
export function parseColour(css: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex)
    return [parseInt(hex[1] ?? '', 16), parseInt(hex[2] ?? '', 16), parseInt(hex[3] ?? '', 16)];
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Not a plain colour: ${css}`);
}

/** `colour` drawn with opacity `alpha` over `under`. */
export function over(colour: Rgb, alpha: number, under: Rgb): Rgb {
  return [0, 1, 2].map((i) =>
    Math.round((colour[i] ?? 0) * alpha + (under[i] ?? 0) * (1 - alpha)),
  ) as unknown as Rgb;
}

/**
 * Classifies every pixel of an RGBA image (`data` row-major, 4 bytes a pixel) against the
 * background and the palette of drawn colours.
 */
export function classifyStagePixels(
  data: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  background: Rgb,
  palette: Readonly<Record<string, Rgb>>,
): StagePixels {
  const total = width * height;
  const names = Object.keys(palette);
  const counts: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  const isBackground = new Uint8Array(total);
  const drawn = new Uint8Array(total);
  const near = (i: number, colour: Rgb): boolean =>
    Math.abs((data[i * 4] ?? 0) - colour[0]) <= COLOUR_TOLERANCE &&
    Math.abs((data[i * 4 + 1] ?? 0) - colour[1]) <= COLOUR_TOLERANCE &&
    Math.abs((data[i * 4 + 2] ?? 0) - colour[2]) <= COLOUR_TOLERANCE;
  for (let i = 0; i < total; i++) {
    if (near(i, background)) {
      isBackground[i] = 1;
      continue;
    }
    const name = names.find((candidate) => near(i, palette[candidate] ?? background));
    if (name === undefined) continue;
    drawn[i] = 1;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  const nearDrawn = dilate(dilate(drawn, width, height, 1, 0), width, height, 0, 1);
  let foreign = 0;
  for (let i = 0; i < total; i++) if (!isBackground[i] && !nearDrawn[i]) foreign++;
  return { total, foreign, counts };
}

/** Marks every pixel within EDGE_PX of a marked one along (dx, dy). */
function dilate(marks: Uint8Array, width: number, height: number, dx: number, dy: number) {
  const out = new Uint8Array(marks.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!marks[y * width + x]) continue;
      for (let step = -EDGE_PX; step <= EDGE_PX; step++) {
        const nx = x + step * dx;
        const ny = y + step * dy;
        if (nx >= 0 && nx < width && ny >= 0 && ny < height) out[ny * width + nx] = 1;
      }
    }
  }
  return out;
}
