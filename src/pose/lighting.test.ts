import { describe, expect, it } from 'vitest';
import { meanLuma } from './lighting';

describe('meanLuma', () => {
  it('is 0 for black, 1 for white and null for no pixels', () => {
    expect(meanLuma([0, 0, 0, 255, 0, 0, 0, 255])).toBe(0);
    expect(meanLuma([255, 255, 255, 0])).toBeCloseTo(1, 10);
    expect(meanLuma([])).toBeNull();
  });

  it('weighs green most and blue least, as the eye does', () => {
    const green = meanLuma([0, 255, 0, 255]) ?? 0;
    const red = meanLuma([255, 0, 0, 255]) ?? 0;
    const blue = meanLuma([0, 0, 255, 255]) ?? 0;
    expect(green).toBeGreaterThan(red);
    expect(red).toBeGreaterThan(blue);
  });
});
