import { describe, expect, it } from 'vitest';
import { outlineFromMask, simplifyClosed } from './mask-outline';

const WIDTH = 40;
const HEIGHT = 24;

/** A mask with the given rectangles (inclusive pixel ranges) set to `value`. */
function mask(
  rectangles: readonly (readonly [number, number, number, number])[],
  value = 1,
): Float32Array {
  const data = new Float32Array(WIDTH * HEIGHT);
  for (const [x0, y0, x1, y1] of rectangles) {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[y * WIDTH + x] = value;
  }
  return data;
}

function points(xy: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < xy.length; i += 2) out.push([xy[i] ?? NaN, xy[i + 1] ?? NaN]);
  return out;
}

describe('outlineFromMask', () => {
  it('traces a rectangle as its four corner pixels, clockwise on screen', () => {
    const outline = outlineFromMask({ data: mask([[5, 4, 20, 10]]), width: WIDTH, height: HEIGHT });
    expect(outline).not.toBeNull();
    expect(points(outline?.xy ?? [])).toEqual([
      [5.5, 4.5],
      [20.5, 4.5],
      [20.5, 10.5],
      [5.5, 10.5],
    ]);
    expect(outline?.quality).toBe(1);
  });

  it('keeps the largest blob: a stray patch of background is not the person', () => {
    const outline = outlineFromMask({
      data: mask([
        [1, 1, 3, 3],
        [10, 5, 30, 20],
      ]),
      width: WIDTH,
      height: HEIGHT,
    });
    const xs = points(outline?.xy ?? []).map(([x]) => x);
    expect(Math.min(...xs)).toBe(10.5);
  });

  it('follows a notch in the top edge (a sagging back)', () => {
    const data = mask([[4, 6, 34, 18]]);
    for (let y = 6; y <= 9; y++) for (let x = 15; x <= 22; x++) data[y * WIDTH + x] = 0;
    const ys = points(outlineFromMask({ data, width: WIDTH, height: HEIGHT })?.xy ?? []).map(
      ([, y]) => y,
    );
    expect(ys).toContain(10.5);
  });

  it('scales to image pixels when the mask came from a smaller frame', () => {
    const outline = outlineFromMask(
      { data: mask([[5, 4, 20, 10]]), width: WIDTH, height: HEIGHT },
      2,
    );
    expect(points(outline?.xy ?? [])[0]).toEqual([11, 9]);
  });

  it('reports a blurred mask as lower quality', () => {
    const data = mask([[5, 4, 20, 10]]);
    const blurred = mask([[3, 2, 22, 12]], 0.5);
    const both = data.map((value, i) => Math.max(value, blurred[i] ?? 0));
    const outline = outlineFromMask({ data: both, width: WIDTH, height: HEIGHT });
    expect(outline?.quality).toBeCloseTo((16 * 7) / (20 * 11), 5);
  });

  it('returns null for an empty or malformed mask', () => {
    expect(outlineFromMask({ data: mask([]), width: WIDTH, height: HEIGHT })).toBeNull();
    expect(outlineFromMask({ data: new Float32Array(3), width: WIDTH, height: HEIGHT })).toBeNull();
  });

  it('traces a single pixel and a one-pixel neck without looping', () => {
    const single = outlineFromMask({ data: mask([[7, 7, 7, 7]]), width: WIDTH, height: HEIGHT });
    expect(single?.xy).toEqual([7.5, 7.5]);
    const neck = outlineFromMask({
      data: mask([
        [0, 0, 3, 3],
        [4, 1, 6, 1],
        [7, 0, 10, 3],
      ]),
      width: WIDTH,
      height: HEIGHT,
    });
    const xs = points(neck?.xy ?? []).map(([x]) => x);
    expect([Math.min(...xs), Math.max(...xs)]).toEqual([0.5, 10.5]);
    expect(xs.length).toBeLessThan(20);
  });
});

describe('simplifyClosed', () => {
  it('drops points within the tolerance of a straight run', () => {
    expect(simplifyClosed([0, 0, 5, 0.4, 10, 0, 10, 10, 0, 10], 1)).toEqual([
      0, 0, 10, 0, 10, 10, 0, 10,
    ]);
  });
});
