import { describe, expect, it } from 'vitest';
import type { Degrees } from '../../pose/geometry/degrees';
import type { Evidence, EvidencePoint } from '../../pose/exercises/types';
import { labelledEvidence } from './overlay';

const point = (x: number, y: number): EvidencePoint => ({ x, y, name: null });

describe('labelledEvidence', () => {
  // A sagging plank as the checker draws it: the body line, the back's outline, its dip and the
  // hip angle, the last three about the sag.
  const bodyLine: Evidence = { kind: 'line', from: point(0, 0), to: point(10, 0), about: null };
  const outline: Evidence = {
    kind: 'line',
    from: point(0, 0),
    via: [point(5, 2)],
    to: point(10, 0),
    about: 'plank.hips-sagging',
  };
  const dip: Evidence = { kind: 'point', at: point(5, 2), about: 'plank.hips-sagging' };
  const hipAngle: Evidence = {
    kind: 'angle',
    vertex: point(5, 1),
    a: point(0, 0),
    b: point(10, 0),
    degrees: 160 as Degrees,
    about: 'plank.hips-sagging',
  };
  const headLine: Evidence = {
    kind: 'line',
    from: point(10, 0),
    to: point(12, 1),
    about: 'plank.head-dropping',
  };

  it('labels each cued fault once, on its angle when it has one', () => {
    const labelled = labelledEvidence(
      [bodyLine, outline, dip, hipAngle, headLine],
      ['plank.hips-sagging', 'plank.head-dropping'],
    );
    expect([...labelled]).toEqual([hipAngle, headLine]);
  });

  it('labels the first item of a fault without an angle, and nothing that is not cued', () => {
    expect([...labelledEvidence([bodyLine, outline, dip], ['plank.hips-sagging'])]).toEqual([
      outline,
    ]);
    expect(labelledEvidence([outline, dip, hipAngle], []).size).toBe(0);
  });
});
