/**
 * Property-based tests of the geometry helpers (fast-check): any input, finite in-range answers or null.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  angleAt,
  angleAt3D,
  angleFromVertical,
  deviationBelowLine,
  deviationForwardOfLine,
  distance,
  elevationAngle,
  leanFromVertical,
  lineTiltFromHorizontal,
  midpoint,
  pairMidpoint,
} from '../../src/pose/geometry';
import type { Vec2 } from '../../src/pose/geometry';
import { anyNumber, PROPERTY_TIMEOUT_MS, RUNS } from './support/pose-arbitraries';

vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });
describe('geometry', () => {
  const vec2 = fc.option(fc.record({ x: anyNumber, y: anyNumber }), { nil: null });
  const vec3 = fc.option(fc.record({ x: anyNumber, y: anyNumber, z: anyNumber }), { nil: null });
  const within = (value: number | null, min: number, max: number): boolean =>
    value === null || (Number.isFinite(value) && value >= min && value <= max);
  const finiteVec = (point: Vec2 | null): boolean =>
    point === null || (Number.isFinite(point.x) && Number.isFinite(point.y));

  it('angles are null or finite and in their stated ranges, for any points', () => {
    fc.assert(
      fc.property(vec2, vec2, vec2, vec3, vec3, vec3, (a, b, c, a3, b3, c3) => {
        expect(within(angleAt(a, b, c), 0, 180)).toBe(true);
        expect(within(angleAt3D(a3, b3, c3), 0, 180)).toBe(true);
        expect(within(elevationAngle(a, b), -90, 90)).toBe(true);
        expect(within(angleFromVertical(a, b), 0, 180)).toBe(true);
        expect(within(leanFromVertical(a, b, 'left'), -180, 180)).toBe(true);
        expect(within(leanFromVertical(a, b, 'right'), -180, 180)).toBe(true);
        expect(within(lineTiltFromHorizontal(a, b), 0, 90)).toBe(true);
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('distances, midpoints and line deviations are null or finite, for any points', () => {
    fc.assert(
      fc.property(vec2, vec2, vec2, (p, a, b) => {
        const d = distance(a, b);
        expect(d === null || (Number.isFinite(d) && d >= 0)).toBe(true);
        expect(finiteVec(midpoint(a, b))).toBe(true);
        expect(finiteVec(pairMidpoint(a, b)?.point ?? null)).toBe(true);
        for (const deviation of [
          deviationBelowLine(p, a, b),
          deviationForwardOfLine(p, a, b, 'left'),
          deviationForwardOfLine(p, a, b, 'right'),
        ]) {
          if (deviation === null) continue;
          expect(Number.isFinite(deviation.distancePx)).toBe(true);
          expect(within(deviation.deviationDeg, -180, 180)).toBe(true);
        }
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
