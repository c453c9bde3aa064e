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

describe('outlineFromMask with cuts', () => {
  // A lying trunk (x 5-30, y 4-10) with an arm along the floor (y 14-16) joined to it at both
  // ends (x 5-7 and x 28-30): the gap under the trunk (y 11-13) is closed off, as when a bridge's
  // arms reach the heels.
  const bridge = mask([
    [5, 4, 30, 10],
    [5, 11, 7, 16],
    [28, 11, 30, 16],
    [5, 14, 30, 16],
  ]);
  /** The outline's lowest crossing of the vertical line at `x`: the underside there. */
  const lowest = (xy: readonly number[], x: number): number => {
    const ring = points(xy);
    const ys = ring.flatMap(([ax, ay], i) => {
      const [bx, by] = ring[(i + 1) % ring.length] ?? [ax, ay];
      return (ax - x) * (bx - x) < 0 ? [ay + ((x - ax) / (bx - ax)) * (by - ay)] : [];
    });
    return Math.max(...ys);
  };

  it('traces the arm, not the trunk, as the underside while the arm is in the mask', () => {
    const outline = outlineFromMask({ data: bridge, width: WIDTH, height: HEIGHT });
    expect(lowest(outline?.xy ?? [], 17.7)).toBeCloseTo(16.5);
  });

  it('traces the trunk underside once the arm is cut out', () => {
    const cut = { from: { x: 5, y: 15.5 }, to: { x: 31, y: 15.5 }, radiusPx: 2.5 };
    const outline = outlineFromMask({ data: bridge, width: WIDTH, height: HEIGHT }, 1, [cut]);
    expect(lowest(outline?.xy ?? [], 17.7)).toBeCloseTo(10.5);
    // The quality is the mask's, read before the cut.
    expect(outline?.quality).toBe(1);
  });

  it('ignores cuts that are not finite or have no radius', () => {
    const nan = { from: { x: Number.NaN, y: 0 }, to: { x: 10, y: 10 }, radiusPx: 3 };
    const flat = { from: { x: 5, y: 15 }, to: { x: 30, y: 15 }, radiusPx: 0 };
    const plain = outlineFromMask({ data: bridge, width: WIDTH, height: HEIGHT });
    expect(outlineFromMask({ data: bridge, width: WIDTH, height: HEIGHT }, 1, [nan, flat])).toEqual(
      plain,
    );
  });
});

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
