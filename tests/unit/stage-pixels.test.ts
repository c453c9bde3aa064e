import { describe, expect, it } from 'vitest';
import { classifyStagePixels, over, parseColour } from '../support/stage-pixels';
import type { Rgb } from '../support/stage-pixels';

const BACKGROUND: Rgb = [17, 22, 29];
const BONE: Rgb = [0, 229, 255];
const WIDTH = 64;
const HEIGHT = 48;

function image(colourAt: (x: number, y: number) => Rgb): Uint8Array {
  const data = new Uint8Array(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const [r, g, b] = colourAt(x, y);
      data.set([r, g, b, 255], (y * WIDTH + x) * 4);
    }
  }
  return data;
}

describe('classifyStagePixels', () => {
  it('finds nothing foreign in a drawn line with soft edges on the background', () => {
    // A 3 px line at y 20-22, with a 2 px blend into the background either side.
    const drawing = image((_, y) => {
      if (y >= 20 && y <= 22) return BONE;
      if (y === 18 || y === 24) return over(BONE, 0.3, BACKGROUND);
      if (y === 19 || y === 23) return over(BONE, 0.7, BACKGROUND);
      return BACKGROUND;
    });
    const pixels = classifyStagePixels(drawing, WIDTH, HEIGHT, BACKGROUND, { bone: BONE });
    expect(pixels.foreign).toBe(0);
    expect(pixels.counts.bone).toBe(3 * WIDTH);
  });

  it('calls most of a picture foreign, a dim grey room included, around a drawn line', () => {
    // A grey gradient with some texture, as a dim room, with the same line drawn over it.
    const picture = image((x, y) => {
      if (y >= 20 && y <= 22) return BONE;
      const level = 40 + ((x * 3 + y * 5) % 120);
      return [level, level + 4, level - 6];
    });
    const pixels = classifyStagePixels(picture, WIDTH, HEIGHT, BACKGROUND, { bone: BONE });
    expect(pixels.foreign / pixels.total).toBeGreaterThan(0.7);
  });

  it('reads the canvas and CSS colour forms', () => {
    expect(parseColour('rgb(0, 229, 255)')).toEqual([0, 229, 255]);
    expect(parseColour('#11161d')).toEqual([17, 22, 29]);
    expect(() => parseColour('rgba(1, 2, 3, 0.5)')).toThrow();
  });
});
