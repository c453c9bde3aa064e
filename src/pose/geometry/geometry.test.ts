import { describe, expect, it } from 'vitest';
import { seededRandom, nastyNumber } from '../testing/random';
import {
  angleAt,
  angleAt3D,
  angleFromVertical,
  degrees,
  deviationBelowLine,
  deviationForwardOfLine,
  distance,
  elevationAngle,
  leanFromVertical,
  lineTiltFromHorizontal,
  pairMidpoint,
  radiansToDegrees,
} from './index';

describe('degrees', () => {
  it('brands finite numbers and rejects NaN and Infinity', () => {
    expect(degrees(12)).toBe(12);
    expect(degrees(Number.NaN)).toBeNull();
    expect(degrees(Number.POSITIVE_INFINITY)).toBeNull();
    expect(radiansToDegrees(Math.PI)).toBeCloseTo(180);
  });
});

describe('angleAt', () => {
  it('measures a right angle and a straight line', () => {
    expect(angleAt({ x: 1, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 1 })).toBeCloseTo(90);
    expect(angleAt({ x: -1, y: 0 }, { x: 0, y: 0 }, { x: 2, y: 0 })).toBeCloseTo(180);
  });

  it('is null when an arm has no length or a point is missing', () => {
    expect(angleAt({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 1 })).toBeNull();
    expect(angleAt(null, { x: 0, y: 0 }, { x: 1, y: 1 })).toBeNull();
    expect(angleAt({ x: Number.NaN, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 1 })).toBeNull();
  });

  it('works in 3D for world landmarks', () => {
    expect(angleAt3D({ x: 1, y: 0, z: 0 }, { x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 1 })).toBeCloseTo(
      90,
    );
    expect(angleAt3D({ x: 1, y: 0, z: 0 }, { x: 0, y: 0, z: 0 }, null)).toBeNull();
  });
});

describe('segment angles (image y down)', () => {
  it('elevation is positive when the end is higher on screen, whichever way it points', () => {
    expect(elevationAngle({ x: 0, y: 0 }, { x: 10, y: -10 })).toBeCloseTo(45);
    expect(elevationAngle({ x: 0, y: 0 }, { x: -10, y: -10 })).toBeCloseTo(45);
    expect(elevationAngle({ x: 0, y: 0 }, { x: 10, y: 10 })).toBeCloseTo(-45);
    expect(elevationAngle({ x: 0, y: 0 }, { x: 0, y: 0 })).toBeNull();
  });

  it('angle from vertical is 0 straight up and 180 straight down', () => {
    expect(angleFromVertical({ x: 0, y: 0 }, { x: 0, y: -5 })).toBeCloseTo(0);
    expect(angleFromVertical({ x: 0, y: 0 }, { x: 0, y: 5 })).toBeCloseTo(180);
    expect(angleFromVertical({ x: 0, y: 0 }, { x: -5, y: -5 })).toBeCloseTo(45);
  });

  it('lean is positive towards where the person faces', () => {
    const shoulder = { x: 100, y: 100 };
    const earAheadWhenFacingRight = { x: 110, y: 90 };
    expect(leanFromVertical(shoulder, earAheadWhenFacingRight, 'right')).toBeCloseTo(45);
    expect(leanFromVertical(shoulder, earAheadWhenFacingRight, 'left')).toBeCloseTo(-45);
  });

  it('line tilt ignores direction', () => {
    expect(lineTiltFromHorizontal({ x: 0, y: 0 }, { x: -10, y: 10 })).toBeCloseTo(45);
    expect(lineTiltFromHorizontal({ x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(0);
  });
});

describe('deviationBelowLine', () => {
  const shoulder = { x: 100, y: 200 };
  const ankle = { x: 500, y: 200 };

  it('is positive for a point below the line (towards the floor), negative above', () => {
    const sag = deviationBelowLine({ x: 300, y: 230 }, shoulder, ankle);
    const pike = deviationBelowLine({ x: 300, y: 170 }, shoulder, ankle);
    expect(sag?.distancePx).toBeCloseTo(30);
    expect(sag?.deviationDeg).toBeGreaterThan(0);
    expect(pike?.distancePx).toBeCloseTo(-30);
    expect(pike?.deviationDeg).toBeLessThan(0);
  });

  it('does not depend on the order of the line ends (which way the person faces)', () => {
    const hip = { x: 300, y: 230 };
    expect(deviationBelowLine(hip, shoulder, ankle)).toEqual(
      deviationBelowLine(hip, ankle, shoulder),
    );
  });

  it('equals 180 minus the shoulder-hip-ankle angle used by open-source plank checkers', () => {
    const hip = { x: 300, y: 230 };
    const bend = angleAt(shoulder, hip, ankle);
    expect(deviationBelowLine(hip, shoulder, ankle)?.deviationDeg).toBeCloseTo(180 - (bend ?? 0));
  });

  it('is null for a near-vertical line, where "below" is ambiguous', () => {
    expect(deviationBelowLine({ x: 10, y: 50 }, { x: 0, y: 0 }, { x: 5, y: 100 })).toBeNull();
  });
});

describe('deviationForwardOfLine', () => {
  const ankle = { x: 300, y: 400 };
  const shoulder = { x: 300, y: 150 };

  it('is positive for an ear in front of the plumb line, for either facing', () => {
    expect(
      deviationForwardOfLine({ x: 320, y: 100 }, ankle, shoulder, 'right')?.distancePx,
    ).toBeCloseTo(20);
    expect(
      deviationForwardOfLine({ x: 280, y: 100 }, ankle, shoulder, 'left')?.distancePx,
    ).toBeCloseTo(20);
    expect(
      deviationForwardOfLine({ x: 280, y: 100 }, shoulder, ankle, 'right')?.distancePx,
    ).toBeCloseTo(-20);
  });

  it('is null for a near-horizontal line', () => {
    expect(
      deviationForwardOfLine({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 100, y: 10 }, 'right'),
    ).toBeNull();
  });
});

describe('pairMidpoint', () => {
  it('averages both, or stands in with the one seen', () => {
    expect(pairMidpoint({ x: 0, y: 0 }, { x: 10, y: 20 })).toEqual({
      point: { x: 5, y: 10 },
      from: 'both',
    });
    expect(pairMidpoint(null, { x: 10, y: 20 })).toEqual({
      point: { x: 10, y: 20 },
      from: 'right',
    });
    expect(pairMidpoint({ x: Number.NaN, y: 0 }, null)).toBeNull();
  });
});

describe('every geometry function is total', () => {
  it('returns null or a finite number for random, NaN and infinite inputs, and never throws', () => {
    const random = seededRandom(7);
    const point = () =>
      random() < 0.1 ? null : { x: nastyNumber(random), y: nastyNumber(random) };
    const point3 = () =>
      random() < 0.1
        ? null
        : { x: nastyNumber(random), y: nastyNumber(random), z: nastyNumber(random) };
    const finiteOrNull = (value: number | null | undefined) =>
      value == null || Number.isFinite(value);
    for (let i = 0; i < 5000; i += 1) {
      const [a, b, c] = [point(), point(), point()];
      expect(finiteOrNull(angleAt(a, b, c))).toBe(true);
      expect(finiteOrNull(angleAt3D(point3(), point3(), point3()))).toBe(true);
      expect(finiteOrNull(elevationAngle(a, b))).toBe(true);
      expect(finiteOrNull(angleFromVertical(a, b))).toBe(true);
      expect(finiteOrNull(leanFromVertical(a, b, 'left'))).toBe(true);
      expect(finiteOrNull(distance(a, b))).toBe(true);
      const below = deviationBelowLine(a, b, c);
      expect(finiteOrNull(below?.distancePx) && finiteOrNull(below?.deviationDeg)).toBe(true);
      const forward = deviationForwardOfLine(a, b, c, 'right');
      expect(finiteOrNull(forward?.distancePx) && finiteOrNull(forward?.deviationDeg)).toBe(true);
      const mid = pairMidpoint(a, b);
      expect(mid === null || (Number.isFinite(mid.point.x) && Number.isFinite(mid.point.y))).toBe(
        true,
      );
    }
  });
});
