import { describe, expect, it } from 'vitest';
import { fitDecision, frameNoise, marginWidening, sustainedPeak, unsureBetween } from './decision';
import type { FaultDecision, MeasureSeries } from './decision';
import { FAULT_SHOW_AFTER_MS } from './fault-persistence';
import type { FormResult } from './types';
import { EMPTY_RESULT } from './result-parts';

/** Values sampled at 15 fps from t = 0. */
function at15fps(values: readonly number[]): MeasureSeries {
  return values.map((value, i) => [(i * 1000) / 15, value] as const);
}

describe('sustainedPeak: the worst value held for the whole persistence window', () => {
  it('ignores a one-frame spike that the fault gate would never show', () => {
    const series = at15fps([1, 1, 1, 30, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(sustainedPeak(series)).toBe(1);
  });

  it('reads a level held for longer than the window', () => {
    const held = Math.ceil(FAULT_SHOW_AFTER_MS / (1000 / 15)) + 1;
    const series = at15fps([2, 2, ...Array<number>(held).fill(12), 2, 2]);
    expect(sustainedPeak(series)).toBe(12);
  });

  it('does not join runs across a gap the gate would not bridge', () => {
    // 12 for 300 ms, a 1 s gap, 12 for 300 ms again: never 400 ms without a break.
    const series: MeasureSeries = [
      [0, 2],
      [100, 12],
      [200, 12],
      [300, 12],
      [1300, 12],
      [1400, 12],
      [1500, 12],
      [1600, 2],
    ];
    expect(sustainedPeak(series)).toBeLessThan(12);
  });

  it('is the value itself for a still photo, and null for nothing read', () => {
    expect(sustainedPeak([[0, 7]])).toBe(7);
    expect(sustainedPeak([])).toBeNull();
  });
});

describe('frameNoise', () => {
  /** Deterministic normal jitter (Box-Muller on a small linear congruential generator). */
  function jitter(count: number, sd: number): number[] {
    let seed = 12345;
    const uniform = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed + 1) / 2147483649;
    };
    return Array.from(
      { length: count },
      () => sd * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()),
    );
  }

  it('is the standard deviation of independent frame jitter, robust to a few jumps', () => {
    const noise = jitter(200, 0.5);
    const still = at15fps(noise.map((value) => 10 + value));
    const moved = at15fps(noise.map((value, i) => 10 + value + (i > 150 ? 20 : 0)));
    expect(frameNoise(still, 100)).toBeGreaterThan(0.4);
    expect(frameNoise(still, 100)).toBeLessThan(0.6);
    expect(frameNoise(moved, 100)).toBeCloseTo(frameNoise(still, 100) ?? 0, 1);
  });

  it('reads nothing from frames too far apart or too few', () => {
    expect(frameNoise(at15fps([1, 2, 3]), 100)).toBeNull();
    const sparse: MeasureSeries = Array.from({ length: 10 }, (_, i) => [i * 300, i] as const);
    expect(frameNoise(sparse, 100)).toBeNull();
  });
});

describe('fitDecision: limits from good form, predicted for the next source', () => {
  it('is unsure from the worst good source, and cues past it by the margin widened for n sources', () => {
    // Three sources: t(2) = 1.886 times √(1 + 1/3), 2.18 margins of 6: 8.4 + 13.1 = 21.5.
    const fit = fitDecision(0, 6, 1, [3.2, 8.4, 5], [0.2]);
    expect(fit.unsureFrom).toBe(9);
    expect(fit.limit).toBe(22);
    expect(fit.sources).toBe(3);
  });

  it('widens less as sources accumulate, towards 1.28 margins (the 90% normal point)', () => {
    expect(marginWidening(2, true)).toBeCloseTo(3.77, 2);
    expect(marginWidening(4, true)).toBeCloseTo(1.83, 2);
    expect(marginWidening(6, true)).toBeCloseTo(1.59, 2);
    // Past the table: t(11) = 1.363 from the expansion.
    expect(marginWidening(12, true)).toBeCloseTo(1.363 * Math.sqrt(1 + 1 / 12), 3);
    expect(marginWidening(1000, true)).toBeCloseTo(1.28, 2);
    for (let n = 2; n < 40; n++) {
      expect(marginWidening(n + 1, true)).toBeLessThan(marginWidening(n, true));
    }
  });

  it('with one source setting the top, gives no limit: past the top is "can\'t judge"', () => {
    // One person's worst is not the next person's (the left-out check's false cues).
    expect(fitDecision(null, 6, 1, [-5.3], [])).toMatchObject({
      unsureFrom: -5,
      limit: Number.POSITIVE_INFINITY,
    });
    expect(fitDecision(0, 6, 1, [10], []).limit).toBe(Number.POSITIVE_INFINITY);
  });

  it('never goes stricter than the norm, and a norm no source passed stands one margin wide', () => {
    const checked = fitDecision(15, 6, 1, [2, 4], [0.1]);
    expect(checked.unsureFrom).toBe(15);
    expect(checked.limit).toBe(38); // 15 + 3.77 × 6: two sources
    expect(fitDecision(15, 6, 1, [4], [0.1]).limit).toBe(21);
    expect(fitDecision(15, 6, 1, [], [0.1]).limit).toBe(21);
  });

  it('widens the margin to 3 noise deviations when the measure jitters more than its error', () => {
    // 0.05 + 1.83 × max(0.02, 3 × 0.01) = 0.105, rounded up to 0.005.
    expect(fitDecision(0, 0.02, 0.005, [0.05, 0.01, 0.02, 0], [0.01]).limit).toBeCloseTo(0.105, 9);
  });

  it('with neither a norm nor a good file, never cues and cannot judge any value', () => {
    // A one-source exercise with its source left out (npm run eval's left-out check).
    const fit = fitDecision(null, 0.1, 0.05, [], [0.01]);
    expect(fit.limit).toBe(Number.POSITIVE_INFINITY);
    expect(fit.unsureFrom).toBe(Number.NEGATIVE_INFINITY);
  });

  it('moves with the good data: a worse good source raises the limit', () => {
    expect(fitDecision(0, 6, 1, [10, 20, 5], []).limit).toBeGreaterThan(
      fitDecision(0, 6, 1, [10, 15, 5], []).limit,
    );
  });
});

describe('unsureBetween: between good and faulty, "can\'t judge"', () => {
  const decision: FaultDecision<'plank.hips-sagging'> = {
    fault: 'plank.hips-sagging',
    metric: 'sagDeg',
    firesWhen: 'above',
    judgedIn: ['holding'],
    limit: 'sagDeg',
    unsureFrom: 'sagUnsureDeg',
    norm: { beginner: 0, advanced: 0 },
    error: 6,
    resolution: 1,
  };
  const thresholds = { sagDeg: 15, sagUnsureDeg: 9 };
  const result = (sagDeg: number, phase = 'holding'): FormResult<string, 'plank.hips-sagging'> => ({
    ...EMPTY_RESULT,
    status: 'ok',
    phase,
    view: 'side',
    metrics: { sagDeg },
  });

  it('is undecided inside the band, not below it', () => {
    expect(unsureBetween([decision], thresholds, result(12))).toEqual([
      { fault: 'plank.hips-sagging', reason: 'ambiguous' },
    ]);
    expect(unsureBetween([decision], thresholds, result(5))).toEqual([]);
  });

  it('leaves a cued fault cued, and phases where the fault is not judged alone', () => {
    expect(
      unsureBetween([decision], thresholds, { ...result(16), faults: ['plank.hips-sagging'] }),
    ).toEqual([]);
    expect(unsureBetween([decision], thresholds, result(12, 'setup'))).toEqual([]);
  });
});
