import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { LEANING_BACK_SPAN } from '../exercises/back-outline';
import { BACK_BEND_SAG_DEG, BACK_BEND_UNSURE_DEG, BACK_SAG_TORSOS } from '../exercises/plank';
import type { BodyOutline } from '../pose';
import { landmark } from '../pose';
import { nearSide, sideLandmarkName } from '../side';
import type { BackCurve } from './back-curve';
import { INITIAL_BACK_CURVE_SMOOTHER, measureBackCurve, smoothBackCurve } from './back-curve';

/** A plank-like trunk seen side-on: a box from x 100 to 400, top at y 100, bottom at y 200. */
const SHOULDER = { x: 100, y: 150 };
const HIP = { x: 300, y: 150 };
const TORSO_PX = 200;

function box(topNotch: number): BodyOutline {
  // Clockwise on screen; the top edge dips by `topNotch` px between x 180 and 260.
  return {
    xy: [
      60,
      100,
      180,
      100,
      200,
      100 + topNotch,
      240,
      100 + topNotch,
      260,
      100,
      400,
      100,
      400,
      200,
      60,
      200,
    ],
    quality: 0.9,
  };
}

describe('measureBackCurve on drawn outlines', () => {
  it('reads a straight back as no dip and the notch depth as the dip, in torso lengths', () => {
    expect(measureBackCurve(box(0), SHOULDER, HIP)?.upper.dipTorsos).toBeCloseTo(0, 5);
    const curve = measureBackCurve(box(20), SHOULDER, HIP);
    expect(curve?.upper.dipTorsos).toBeCloseTo(20 / TORSO_PX, 5);
    expect(curve?.upper.dipAt.y).toBeCloseTo(120, 5);
    expect(curve?.lower.dipTorsos).toBeCloseTo(0, 5);
    expect(curve?.confidence).toBeCloseTo(0.9, 5);
  });

  it('gives the same dip whichever way the person faces', () => {
    const mirrored = (outline: BodyOutline): BodyOutline => ({
      ...outline,
      xy: outline.xy.map((value, i) => (i % 2 === 0 ? 500 - value : value)),
    });
    const curve = measureBackCurve(mirrored(box(20)), { x: 400, y: 150 }, { x: 200, y: 150 });
    expect(curve?.upper.dipTorsos).toBeCloseTo(20 / TORSO_PX, 5);
  });

  it('does not read a standing trunk, a missing outline or one that misses the chord', () => {
    expect(measureBackCurve(box(20), { x: 200, y: 0 }, { x: 210, y: 200 })).toBeNull();
    expect(measureBackCurve({ xy: [], quality: 1 }, SHOULDER, HIP)).toBeNull();
    const elsewhere = measureBackCurve(box(0), { x: 100, y: 400 }, { x: 300, y: 400 });
    expect(elsewhere?.confidence ?? 0).toBe(0);
  });

  it('reads the back of a trunk hinged over its thighs, where the belly side drops down a thigh', () => {
    // The chord 24° from horizontal; the back a straight edge 40 px above it, the belly 40 px
    // below it until 0.6 of the way to the hip, then down the front of a thigh: at the hip the
    // belly side lies 200 px down the thigh, and its ends' line is 67° from horizontal.
    const hinged: BodyOutline = {
      xy: [76.4, 45.5, 356.4, 171.5, 330, 450, 215, 450, 203.6, 190.5, 43.6, 118.5],
      quality: 0.9,
    };
    const shoulder = { x: 100, y: 100 };
    const curve = measureBackCurve(hinged, shoulder, { x: 300, y: 190 }, LEANING_BACK_SPAN);
    expect(curve?.upper.dipTorsos).toBeCloseTo(0, 3);
    expect(curve?.upper.humpTorsos).toBeCloseTo(0, 3);
    expect(curve?.upper.lumbarBendDeg).toBeCloseTo(0, 3);
  });
});

describe('lumbar bend and floor gap on drawn outlines', () => {
  it('reads a straight side as no bend and a sag between the ends as a positive bend', () => {
    expect(measureBackCurve(box(0), SHOULDER, HIP)?.upper.bendDeg).toBeCloseTo(0, 5);
    // A V-shaped back: down 40 px to the middle of the trunk and up again.
    const sag: BodyOutline = {
      xy: [60, 100, 220, 140, 400, 100, 400, 200, 60, 200],
      quality: 0.9,
    };
    const bend = measureBackCurve(sag, SHOULDER, HIP)?.upper.bendDeg ?? 0;
    expect(bend).toBeGreaterThan(20);
    // The same V upside down (a hump) bends the other way.
    const hump: BodyOutline = {
      xy: [60, 100, 220, 60, 400, 100, 400, 200, 60, 200],
      quality: 0.9,
    };
    expect(measureBackCurve(hump, SHOULDER, HIP)?.upper.bendDeg ?? 0).toBeLessThan(-20);
  });

  // The chord runs x 100-300: the upper back is x 130-180, the mid back 180-240, the lumbar spine
  // and pelvis 240-300. A back flat to x 240 that then falls 20 px humps at the lumbar spine; one
  // that rises 20 px over the shoulder blades and is flat from x 180 humps at the upper back.
  it.each([
    ['lumbar', [60, 100, 240, 100, 300, 120, 400, 120], 'lumbarBendDeg', 'thoracicBendDeg'],
    ['upper-back', [60, 130, 130, 120, 180, 100, 400, 100], 'thoracicBendDeg', 'lumbarBendDeg'],
  ] as const)('reads a %s hump there alone', (_, back, humped, straight) => {
    const outline: BodyOutline = { xy: [...back, 400, 200, 60, 200], quality: 0.9 };
    const side = measureBackCurve(outline, SHOULDER, HIP, { start: 0.15, end: 1 })?.upper;
    expect(side?.[humped]).toBeLessThan(-15);
    expect(side?.[straight]).toBeCloseTo(0, 0);
  });

  it('finds the floor under a lying trunk and the lumbar gap above it, in torso lengths', () => {
    // Lying on the back: the floor side is the bottom edge (y 200), lifted 16 px between x 180-260.
    const lifted: BodyOutline = {
      xy: [60, 100, 400, 100, 400, 200, 260, 200, 240, 184, 200, 184, 180, 200, 60, 200],
      quality: 0.9,
    };
    const curve = measureBackCurve(lifted, SHOULDER, HIP);
    expect(curve?.floorGap?.gapTorsos).toBeCloseTo(16 / TORSO_PX, 5);
    expect(curve?.floorGap?.floor.from.y).toBeCloseTo(200, 5);
    expect(curve?.floorGap?.floor.to.y).toBeCloseTo(200, 5);
    expect(measureBackCurve(box(0), SHOULDER, HIP)?.floorGap?.gapTorsos).toBeCloseTo(0, 5);
  });
});

describe('measureBackCurve on recorded outlines (BlazePose full mask)', () => {
  function curveOf(file: string): BackCurve | null {
    const frame = loadRecording(file).frames[0];
    const pose = frame?.poses[0];
    if (!frame || !pose?.outline) return null;
    const side = nearSide(pose, { imageSize: frame.imageSize });
    if (!side) return null;
    const shoulder = landmark(pose, sideLandmarkName(side.side, 'shoulder'));
    const hip = landmark(pose, sideLandmarkName(side.side, 'hip'));
    if (!shoulder || !hip) return null;
    return measureBackCurve(pose.outline, shoulder, hip);
  }

  it.each([
    ['plank/plank_good_forearm_01.jpg', -0.2],
    ['plank/plank_good_forearm_02.jpg', 5.5],
    ['plank/plank_good_forearm_03.jpg', -3.3],
    ['plank/plank_good_high_01.jpg', -14.0],
    ['plank/plank_sagging_01.jpg', 14.4],
    ['plank/plank_sagging_high_01.jpg', 20.6],
  ])('%s: lumbar bend %f°', (file, expected) => {
    expect(curveOf(file)?.upper.bendDeg).toBeCloseTo(expected, 0);
  });

  it('puts every good plank photo under the bend threshold, the clear sag over, the mild in the band', () => {
    for (const name of ['good_forearm_01', 'good_forearm_02', 'good_forearm_03', 'good_high_01']) {
      expect(curveOf(`plank/plank_${name}.jpg`)?.upper.bendDeg).toBeLessThan(BACK_BEND_UNSURE_DEG);
    }
    const bendOf = (name: string): number | null | undefined =>
      curveOf(`plank/plank_${name}.jpg`)?.upper.bendDeg;
    expect(bendOf('sagging_high_01')).toBeGreaterThan(BACK_BEND_SAG_DEG);
    // "Can't judge": past good form's top, short of the next source's prediction (plank.ts).
    expect(bendOf('sagging_01')).toBeGreaterThan(BACK_BEND_UNSURE_DEG);
    expect(bendOf('sagging_01')).toBeLessThan(BACK_BEND_SAG_DEG);
  });

  const upperDip = (file: string): number | null => curveOf(file)?.upper.dipTorsos ?? null;

  it.each([
    ['plank/plank_good_forearm_01.jpg', 0.025],
    ['plank/plank_good_forearm_02.jpg', 0.052],
    ['plank/plank_good_forearm_03.jpg', 0.019],
    ['plank/plank_sagging_01.jpg', 0.089],
    ['plank/plank_sagging_high_01.jpg', 0.138],
  ])('%s: back dip %f torso lengths', (file, expected) => {
    expect(upperDip(file)).toBeCloseTo(expected, 2);
  });

  it('puts the good plank photos below the beginner threshold and the clear sag above', () => {
    const good = ['plank_good_forearm_01', 'plank_good_forearm_02', 'plank_good_forearm_03'];
    const sagging = ['plank_sagging_high_01'];
    for (const name of good) {
      expect(upperDip(`plank/${name}.jpg`)).toBeLessThan(BACK_SAG_TORSOS);
    }
    for (const name of sagging) {
      expect(upperDip(`plank/${name}.jpg`)).toBeGreaterThan(BACK_SAG_TORSOS);
    }
  });
});

describe('smoothBackCurve', () => {
  const curve = (dip: number): BackCurve => {
    const side = {
      points: [],
      dipTorsos: dip,
      dipAt: HIP,
      humpTorsos: 0,
      humpAt: HIP,
      bendDeg: 0,
      lumbarBendDeg: 0,
      thoracicBendDeg: 0,
    };
    return { upper: side, lower: side, floorGap: null, confidence: 1 };
  };

  it('follows a step gradually, restarts after a gap and on a missing curve', () => {
    let state = smoothBackCurve(INITIAL_BACK_CURVE_SMOOTHER, curve(0), 0).state;
    const step = smoothBackCurve(state, curve(0.1), 66);
    expect(step.curve?.upper.dipTorsos).toBeGreaterThan(0);
    expect(step.curve?.upper.dipTorsos).toBeLessThan(0.1);
    state = step.state;
    expect(smoothBackCurve(state, curve(0.2), 5000).curve?.upper.dipTorsos).toBe(0.2);
    expect(smoothBackCurve(state, null, 132).state).toEqual(INITIAL_BACK_CURVE_SMOOTHER);
    expect(smoothBackCurve(state, curve(0.3), 10).curve?.upper.dipTorsos).toBe(0.3);
  });
});
