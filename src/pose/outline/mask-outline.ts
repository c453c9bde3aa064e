import type { BodyOutline } from '../pose';

/** A person mask as the engine gives it: one 0-1 value per pixel, row-major from the top-left. */
export interface PersonMask {
  readonly data: ArrayLike<number>;
  readonly width: number;
  readonly height: number;
}

/**
 * Pixels at or above this are the person. docs/models.md: any threshold in 0.3-0.7 moves the back-curve
 * measures by at most 0.02 torso lengths, so the middle is as good as any.
 */
export const MASK_THRESHOLD = 0.5;
/** The edges of the band docs/models.md found the measures insensitive to; `quality` is read from it. */
export const MASK_UNSURE_LOW = 0.3;
export const MASK_SURE_HIGH = 0.7;
/**
 * The traced boundary is simplified (Douglas-Peucker) to this many mask pixels: below the mask's
 * own edge accuracy ("within a few pixels", docs/models.md), and it cuts a body's outline from ~1500
 * boundary pixels to ~100-200 vertices, small enough to send every frame and to record.
 */
export const OUTLINE_SIMPLIFY_PX = 1;

/** The 8 neighbours, clockwise on screen (y down) from east. */
const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];
const WEST = 4;

function neighbourIndex(dx: number, dy: number): number {
  return NEIGHBOURS.findIndex(([x, y]) => x === dx && y === dy);
}

/**
 * Labels 4-connected components of `inside` (4, not 8: the flood fill is the tracing's main cost
 * and a blob joined only at a corner is not part of the body) and returns the largest as 0/1.
 */
function largestComponent(inside: Uint8Array, width: number, height: number): Uint8Array | null {
  const labels = new Int32Array(inside.length);
  const stack = new Int32Array(inside.length);
  let bestLabel = 0;
  let bestSize = 0;
  let label = 0;
  for (let start = 0; start < inside.length; start++) {
    if (!inside[start] || labels[start]) continue;
    label += 1;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const index = stack[--top] ?? 0;
      size += 1;
      const x = index % width;
      const candidates = [
        x > 0 ? index - 1 : -1,
        x < width - 1 ? index + 1 : -1,
        index >= width ? index - width : -1,
        index < (height - 1) * width ? index + width : -1,
      ];
      for (const next of candidates) {
        if (next >= 0 && inside[next] && !labels[next]) {
          labels[next] = label;
          stack[top++] = next;
        }
      }
    }
    if (size > bestSize) {
      bestSize = size;
      bestLabel = label;
    }
  }
  if (bestLabel === 0) return null;
  const region = new Uint8Array(inside.length);
  for (let i = 0; i < labels.length; i++) if (labels[i] === bestLabel) region[i] = 1;
  return region;
}

/**
 * Moore-neighbour tracing of the outer boundary of the one component in `region`, clockwise on
 * screen from its top-left pixel, as pixel centres. It stops when it would leave the start pixel
 * the way it first did (Jacob's criterion), so a one-pixel neck through the start is not a stop.
 */
function traceBoundary(region: Uint8Array, width: number, height: number): number[] {
  const start = region.indexOf(1);
  if (start < 0) return [];
  const startX = start % width;
  const startY = (start - startX) / width;
  const isInside = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < width && y < height && region[y * width + x] === 1;
  const points: number[] = [];
  // Every boundary pixel is left at most once towards each of its 8 neighbours.
  const maxSteps = NEIGHBOURS.length * region.length;
  let x = startX;
  let y = startY;
  // Raster order: the start's west neighbour is outside.
  let backtrack = WEST;
  let firstMove = -1;
  for (let step = 0; step < maxSteps; step++) {
    let move = -1;
    for (let turn = 1; turn <= NEIGHBOURS.length; turn++) {
      const direction = (backtrack + turn) % NEIGHBOURS.length;
      const [dx, dy] = NEIGHBOURS[direction] ?? [0, 0];
      if (isInside(x + dx, y + dy)) {
        move = direction;
        break;
      }
    }
    if (step === 0) firstMove = move;
    else if (x === startX && y === startY && move === firstMove) break;
    points.push(x + 0.5, y + 0.5);
    // A single pixel has no inside neighbour.
    if (move < 0) break;
    const [dx, dy] = NEIGHBOURS[move] ?? [0, 0];
    const [bx, by] = NEIGHBOURS[(move + NEIGHBOURS.length - 1) % NEIGHBOURS.length] ?? [0, 0];
    // The last outside neighbour checked, seen from the pixel stepped to.
    backtrack = neighbourIndex(bx - dx, by - dy);
    x += dx;
    y += dy;
  }
  return points;
}

/** Douglas-Peucker over the open run `from..to` (inclusive) of flat xy points; marks kept ones. */
function markKept(
  xy: readonly number[],
  from: number,
  to: number,
  tolerance: number,
  keep: Uint8Array,
): void {
  const stack: [number, number][] = [[from, to]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() ?? [0, 0];
    const ax = xy[2 * a] ?? 0;
    const ay = xy[2 * a + 1] ?? 0;
    const dx = (xy[2 * b] ?? 0) - ax;
    const dy = (xy[2 * b + 1] ?? 0) - ay;
    const chord = Math.hypot(dx, dy);
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const px = (xy[2 * i] ?? 0) - ax;
      const py = (xy[2 * i + 1] ?? 0) - ay;
      const d = chord > 0 ? Math.abs(dx * py - dy * px) / chord : Math.hypot(px, py);
      if (d > farthestDistance) {
        farthestDistance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([a, farthest], [farthest, b]);
    }
  }
}

/** A closed polygon simplified to `tolerance`: split at the vertex farthest from the first. */
export function simplifyClosed(xy: readonly number[], tolerance: number): number[] {
  const count = xy.length / 2;
  if (count <= 3) return [...xy];
  const x0 = xy[0] ?? 0;
  const y0 = xy[1] ?? 0;
  let far = 0;
  let farDistance = -1;
  for (let i = 1; i < count; i++) {
    const d = Math.hypot((xy[2 * i] ?? 0) - x0, (xy[2 * i + 1] ?? 0) - y0);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  const closed = [...xy, x0, y0];
  const keep = new Uint8Array(count + 1);
  keep[0] = 1;
  keep[far] = 1;
  markKept(closed, 0, far, tolerance, keep);
  markKept(closed, far, count, tolerance, keep);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (keep[i]) out.push(xy[2 * i] ?? 0, xy[2 * i + 1] ?? 0);
  }
  return out;
}

/**
 * The silhouette's outer boundary (largest blob above `MASK_THRESHOLD`), simplified, in the
 * mask's pixels times `scale` (the input-to-image ratio when the mask came from a downscaled
 * frame), and the mask's quality. Null when the mask holds no person.
 */
export function outlineFromMask(mask: PersonMask, scale = 1): BodyOutline | null {
  const { data, width, height } = mask;
  if (width <= 0 || height <= 0 || data.length < width * height) return null;
  const inside = new Uint8Array(width * height);
  let unsure = 0;
  let sure = 0;
  for (let i = 0; i < inside.length; i++) {
    const value = data[i] ?? 0;
    if (value >= MASK_THRESHOLD) inside[i] = 1;
    if (value >= MASK_UNSURE_LOW) unsure += 1;
    if (value >= MASK_SURE_HIGH) sure += 1;
  }
  const region = largestComponent(inside, width, height);
  if (!region) return null;
  const boundary = simplifyClosed(traceBoundary(region, width, height), OUTLINE_SIMPLIFY_PX);
  return {
    xy: boundary.map((value) => value * scale),
    quality: unsure > 0 ? sure / unsure : 0,
  };
}
