import { describe, expect, it } from 'vitest';
import { INITIAL_TALLY, faultsByCount, forgetPrevious, stepTally } from './tally';
import type { CounterSample } from './tally';

function reps(total: number, clean = total, left = 0, right = 0): CounterSample {
  return { reps: { total, clean, left, right }, holdSeconds: null, shownFaults: [] };
}

describe('stepTally', () => {
  it('counts only what changes while counting', () => {
    let state = stepTally(INITIAL_TALLY, reps(2), false);
    state = stepTally(state, reps(3), false);
    state = stepTally(state, reps(3), true);
    state = stepTally(state, reps(4, 3), true);
    expect(state.counts.reps).toBe(1);
    expect(state.counts.cleanReps).toBe(0);
  });
  it('ignores a worker that started afresh (counts going down)', () => {
    let state = stepTally(INITIAL_TALLY, reps(5), true);
    state = stepTally(state, reps(6), true);
    state = stepTally(state, reps(0), true);
    state = stepTally(state, reps(1), true);
    expect(state.counts.reps).toBe(2);
  });
  it('adds good-form seconds, never the time of a pause', () => {
    const hold = (s: number): CounterSample => ({ reps: null, holdSeconds: s, shownFaults: [] });
    let state = stepTally(INITIAL_TALLY, hold(1), true);
    state = stepTally(state, hold(4), true);
    state = forgetPrevious(state);
    state = stepTally(state, hold(20), true);
    state = stepTally(state, hold(21.5), true);
    expect(state.counts.holdSeconds).toBeCloseTo(4.5);
  });
  it('counts each appearance of a cued fault once', () => {
    const f = (...shownFaults: CounterSample['shownFaults']): CounterSample => ({
      reps: null,
      holdSeconds: 0,
      shownFaults,
    });
    let state = stepTally(INITIAL_TALLY, f(), true);
    for (const sample of [
      f('plank.hips-piked'),
      f('plank.hips-piked'),
      f(),
      f('plank.hips-piked', 'plank.head-dropping'),
    ]) {
      state = stepTally(state, sample, true);
    }
    expect(faultsByCount(state.counts)).toEqual([
      { fault: 'plank.hips-piked', times: 2 },
      { fault: 'plank.head-dropping', times: 1 },
    ]);
  });
  it('names the faults of finished reps', () => {
    const rep = (total: number, faults: CounterSample['shownFaults']): CounterSample => ({
      ...reps(total, 0),
      lastRep: { side: null, startMs: 0, endMs: 1, minSignal: 0, maxSignal: 1, faults },
    });
    let state = stepTally(INITIAL_TALLY, reps(0), true);
    state = stepTally(state, rep(1, ['glute-bridge.over-arched']), true);
    state = stepTally(state, rep(1, ['glute-bridge.over-arched']), true);
    expect(state.counts.repFaults).toEqual({ 'glute-bridge.over-arched': 1 });
  });
  it('keeps per-side reps', () => {
    let state = stepTally(INITIAL_TALLY, reps(0), true);
    state = stepTally(state, reps(1, 1, 1, 0), true);
    state = stepTally(state, reps(2, 2, 1, 1), true);
    expect(state.counts).toMatchObject({ reps: 2, left: 1, right: 1 });
  });
});
