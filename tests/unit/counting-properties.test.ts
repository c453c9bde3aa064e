/**
 * Property-based tests of the rep counter and the hold timer (fast-check): whatever the signal,
 * they never throw, counts only grow and every rep or second is finite.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { initialHoldTimerState, stepHoldTimer } from '../../src/pose/reps/hold-timer';
import { initialRepCounterState, repCounts, stepRepCounter } from '../../src/pose/reps/rep-counter';
import type { RepCounterConfig, RepSample } from '../../src/pose/reps/rep-counter';
import {
  anyNumber,
  finite,
  MAX_FRAMES,
  RUNS,
  timestamps,
  PROPERTY_TIMEOUT_MS,
} from './support/pose-arbitraries';

vi.setConfig({ testTimeout: PROPERTY_TIMEOUT_MS });

/** Valid hysteresis configs: exit below enter, non-negative dwell, positive gap. */
const repConfig: fc.Arbitrary<RepCounterConfig> = fc
  .tuple(finite(-10, 10), finite(0.001, 5), finite(0, 1000), finite(1, 5000))
  .map(([exitTopBelow, band, minDwellMs, maxGapMs]) => ({
    exitTopBelow,
    enterTopAbove: exitTopBelow + band,
    minDwellMs,
    maxGapMs,
  }));

describe('stepRepCounter', () => {
  it('never throws; counts only grow, and every rep is finite and in time order', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          repConfig,
          fc.record({
            enterTopAbove: anyNumber,
            exitTopBelow: anyNumber,
            minDwellMs: anyNumber,
            maxGapMs: anyNumber,
          }),
        ),
        fc.integer({ min: 1, max: MAX_FRAMES * 2 }).chain((length) =>
          fc.tuple(
            timestamps(length),
            fc.array(fc.option(anyNumber, { nil: null }), { minLength: length, maxLength: length }),
            fc.array(fc.constantFrom('left' as const, 'right' as const, null), {
              minLength: length,
              maxLength: length,
            }),
          ),
        ),
        (config, [times, signals, sides]) => {
          let state = initialRepCounterState();
          times.forEach((timestampMs, i) => {
            const sample: RepSample = {
              timestampMs,
              signal: signals[i] ?? null,
              side: sides[i] ?? null,
              faults: i % 3 === 0 ? ['plank.hips-sagging'] : [],
            };
            const before = state.reps.length;
            state = stepRepCounter(state, sample, config);
            expect(state.reps.length).toBeGreaterThanOrEqual(before);
            expect(['unknown', 'bottom', 'top']).toContain(state.phase);
          });
          for (const rep of state.reps) {
            expect(
              [rep.startMs, rep.endMs, rep.minSignal, rep.maxSignal].every(Number.isFinite),
            ).toBe(true);
            expect(rep.startMs).toBeLessThanOrEqual(rep.endMs);
            expect(rep.minSignal).toBeLessThanOrEqual(rep.maxSignal);
          }
          const counts = repCounts(state);
          expect(counts.clean).toBeLessThanOrEqual(counts.total);
          expect(counts.left + counts.right).toBeLessThanOrEqual(counts.total);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('counts nothing from a signal it never gets (garbage poses give a null signal)', () => {
    fc.assert(
      fc.property(repConfig, timestamps(MAX_FRAMES), (config, times) => {
        let state = initialRepCounterState();
        for (const timestampMs of times) {
          state = stepRepCounter(
            state,
            { timestampMs, signal: null, side: null, faults: [] },
            config,
          );
        }
        expect(state.reps).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('stepHoldTimer', () => {
  const holdSample = fc.record({
    status: fc.constantFrom(
      'ok' as const,
      'cannot-see' as const,
      'wrong-view' as const,
      'no-person' as const,
    ),
    inPosition: fc.boolean(),
    faults: fc.array(fc.constantFrom('plank.hips-sagging', 'plank.hips-piked'), { maxLength: 2 }),
  });

  it('never throws; good time is finite, never shrinks, grows only on good frames', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: MAX_FRAMES * 2 })
          .chain((length) =>
            fc.tuple(
              timestamps(length),
              fc.array(holdSample, { minLength: length, maxLength: length }),
            ),
          ),
        ([times, samples]) => {
          let state = initialHoldTimerState();
          samples.forEach((sample, i) => {
            const before = state;
            state = stepHoldTimer(state, { ...sample, timestampMs: times[i] ?? Number.NaN });
            expect(
              [state.goodMs, state.streakMs, state.longestStreakMs].every(Number.isFinite),
            ).toBe(true);
            expect(state.goodMs).toBeGreaterThanOrEqual(before.goodMs);
            expect(state.streakMs).toBeLessThanOrEqual(state.longestStreakMs);
            expect(state.longestStreakMs).toBeLessThanOrEqual(state.goodMs);
            const good = sample.status === 'ok' && sample.inPosition && sample.faults.length === 0;
            if (!good) expect(state.goodMs).toBe(before.goodMs);
          });
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });
});
