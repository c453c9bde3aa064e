/**
 * A rep's tempo (lowering, pause, lift) on shapes with known timing, then on the recorded
 * landmarks of real clips run through the pipeline the live app runs (`stepCoach`).
 */
import { describe, expect, it } from 'vitest';
import { repsOfClip } from '../../../tests/support/clip-reps';
import type { Rep, RepCounterConfig, RepSample } from './rep-counter';
import { MAX_REP_PATH_MS, initialRepCounterState, stepRepCounter } from './rep-counter';

const FRAME_MS = 50;
const CONFIG: RepCounterConfig = {
  enterTopAbove: 0.7,
  exitTopBelow: 0.3,
  minDwellMs: 100,
  maxGapMs: 1000,
};

/** Straight lines between (ms, signal) corners, sampled every frame. */
function corners(points: readonly (readonly [number, number])[]): RepSample[] {
  const samples: RepSample[] = [];
  const end = points.at(-1)?.[0] ?? 0;
  for (let t = 0; t <= end; t += FRAME_MS) {
    const i = points.findIndex(([at]) => at >= t);
    const [t1, s1] = points[i] ?? [0, 0];
    const [t0, s0] = points[i - 1] ?? [t1, s1];
    const signal = t1 === t0 ? s1 : s0 + ((s1 - s0) * (t - t0)) / (t1 - t0);
    samples.push({ timestampMs: t, signal, side: null, faults: [] });
  }
  return samples;
}

/** Within two frames: each end of a part is read at a frame. */
function expectNear(actualMs: number | null | undefined, expectedMs: number): void {
  expect(Math.abs((actualMs ?? Infinity) - expectedMs)).toBeLessThanOrEqual(2 * FRAME_MS);
}

function repsOf(samples: readonly RepSample[], config: RepCounterConfig): readonly Rep[] {
  return samples.reduce((state, s) => stepRepCounter(state, s, config), initialRepCounterState())
    .reps;
}

/** 1 s at rest, 1 s up, 1 s held at the top, 0.5 s down, 1 s at rest. */
const BRIDGE_LIKE = corners([
  [0, 0],
  [1000, 0],
  [2000, 1],
  [3000, 1],
  [3500, 0],
  [4500, 0],
]);

describe('a rep tempo on shapes with known timing', () => {
  it('times a bridge-like rep: 1 s up, 1 s held at the top, 0.5 s down', () => {
    const reps = repsOf(BRIDGE_LIKE, CONFIG);
    expect(reps).toHaveLength(1);
    const tempo = reps[0]?.tempo;
    // Up: from the last frame at rest (0.3 and below) to within a fifth of the top (0.8).
    expectNear(tempo?.liftMs, 550);
    expectNear(tempo?.pauseMs, 1300);
    expectNear(tempo?.lowerMs, 300);
  });

  it('swaps lowering and lift when the signal rises as the body is lowered (a dead bug)', () => {
    const plain = repsOf(BRIDGE_LIKE, CONFIG)[0]?.tempo;
    const swapped = repsOf(BRIDGE_LIKE, { ...CONFIG, lowering: 'rising' })[0]?.tempo;
    expect(swapped).toEqual({
      lowerMs: plain?.liftMs,
      pauseMs: plain?.pauseMs,
      liftMs: plain?.lowerMs,
    });
  });

  it('times a squat-like rep counted at the top: lowering before it, the pause at the bottom', () => {
    const reps = repsOf(
      corners([
        [0, 1],
        [1000, 1],
        [2000, 0],
        [2600, 0],
        [3100, 1],
        [4000, 1],
      ]),
      { ...CONFIG, countsAt: 'top' },
    );
    expect(reps).toHaveLength(1);
    const tempo = reps[0]?.tempo;
    // Down from the last frame in the top zone (0.7) to within a fifth of the bottom (0.2).
    expectNear(tempo?.lowerMs, 550);
    expectNear(tempo?.pauseMs, 900);
    // Up to the first frame in the top zone.
    expectNear(tempo?.liftMs, 300);
  });

  it('has no lowering or pause for a first rep from the floor, only its lift', () => {
    const reps = repsOf(
      corners([
        [0, 0],
        [1000, 0],
        [1500, 1],
        [3000, 1],
      ]),
      { ...CONFIG, countsAt: 'top' },
    );
    expect(reps[0]?.tempo.lowerMs).toBeNull();
    expect(reps[0]?.tempo.pauseMs).toBeNull();
    expect(reps[0]?.tempo.liftMs).toBeGreaterThan(0);
  });
});

describe('a rep path over a long wait', () => {
  it('stays bounded, and a rep after it times its lift only', () => {
    const waitMs = 3 * MAX_REP_PATH_MS;
    const samples = corners([
      [0, 1],
      [1000, 1],
      [2000, 0],
      [2000 + waitMs, 0],
      [2500 + waitMs, 1],
      [3500 + waitMs, 1],
    ]);
    const config: RepCounterConfig = { ...CONFIG, countsAt: 'top', maxGapMs: 1000 };
    let state = initialRepCounterState();
    let longest = 0;
    for (const sample of samples) {
      state = stepRepCounter(state, sample, config);
      longest = Math.max(longest, state.path.samples.length);
    }
    expect(longest).toBeLessThanOrEqual(MAX_REP_PATH_MS / FRAME_MS + 1);
    expect(state.reps).toHaveLength(1);
    expect(state.reps[0]?.tempo).toMatchObject({ lowerMs: null, pauseMs: null });
    expect(state.reps[0]?.tempo.liftMs).toBeGreaterThan(0);
  });
});

describe('a rep tempo on real clips', () => {
  it('times the 6 lifts of the good superman: a short pause at the top (labelled 0.3-0.5 s, not 2-3 s)', () => {
    const reps = repsOfClip('superman', 'superman/superman_good_video_01.mp4');
    expect(reps).toHaveLength(6);
    for (const { tempo, startMs, endMs } of reps) {
      expect(tempo.liftMs).toBeGreaterThan(200);
      expect(tempo.pauseMs).toBeGreaterThan(300);
      expect(tempo.pauseMs).toBeLessThan(1000);
      expect(tempo.lowerMs).toBeGreaterThan(0);
      // The three parts make the whole rep.
      const sum = (tempo.liftMs ?? 0) + (tempo.pauseMs ?? 0) + (tempo.lowerMs ?? 0);
      expect(sum).toBeCloseTo(endMs - startMs, 0);
    }
  });

  it('times the good dead bug with the leg lowered as the signal rises: each lowering 0.4 s or more', () => {
    const reps = repsOfClip('dead-bug', 'dead_bug/dead_bug_good_video_03.mp4');
    expect(reps).toHaveLength(6);
    for (const { tempo } of reps) {
      expect(tempo.lowerMs).toBeGreaterThanOrEqual(400);
      expect(tempo.pauseMs).toBeGreaterThan(600);
    }
  });

  it('gives the Romanian deadlift begun at the top its lowering and the pause at the bottom', () => {
    const reps = repsOfClip('rdl', 'rdl/rdl_good_threequarter_video_01.mp4');
    const timed = reps.filter((rep) => rep.tempo.lowerMs !== null);
    expect(timed.length).toBeGreaterThan(0);
    for (const { tempo } of timed) {
      expect(tempo.lowerMs).toBeGreaterThan(500);
      expect(tempo.pauseMs).toBeGreaterThan(0);
    }
  });

  it('times a good deadlift pulled from the floor by its lift alone', () => {
    const reps = repsOfClip('deadlift', 'deadlift/deadlift_good_side_video_01.mp4');
    expect(reps).toHaveLength(1);
    expect(reps[0]?.tempo).toMatchObject({ lowerMs: null, pauseMs: null });
    expect(reps[0]?.tempo.liftMs).toBeGreaterThan(300);
  });
});
