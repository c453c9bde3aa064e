import { describe, expect, it } from 'vitest';
import type { Rep } from '../../pose/reps/rep-counter';
import { makeRep } from './testing';
import type { FaultId } from '../../pose/exercises/types';
import { INITIAL_TALLY, faultsByCount, stepTally } from './tally';
import type { CounterSample } from './tally';

const NOTHING: CounterSample = { repDone: null, heldMs: 0, shownFaults: [] };

function repDone(side: Rep['side'] = null, faults: readonly FaultId[] = []): CounterSample {
  return { ...NOTHING, repDone: makeRep(side, faults) };
}

describe('stepTally', () => {
  it('counts only the reps completed while counting', () => {
    let state = stepTally(INITIAL_TALLY, repDone(), false);
    state = stepTally(state, repDone(), false);
    state = stepTally(state, NOTHING, true);
    state = stepTally(state, repDone(null, ['glute-bridge.over-arched']), true);
    expect(state.counts.reps).toBe(1);
    expect(state.counts.cleanReps).toBe(0);
  });
  it('keeps the last counted rep, for the log to save', () => {
    const first = repDone('left');
    let state = stepTally(INITIAL_TALLY, first, true);
    state = stepTally(state, NOTHING, true);
    expect(state.lastRep).toBe(first.repDone);
    state = stepTally(state, repDone('right'), false);
    expect(state.lastRep).toBe(first.repDone);
  });
  it('adds good-form time only while counting', () => {
    const held = (ms: number): CounterSample => ({ ...NOTHING, heldMs: ms });
    let state = stepTally(INITIAL_TALLY, held(1000), true);
    state = stepTally(state, held(3000), true);
    state = stepTally(state, held(16_000), false);
    state = stepTally(state, held(500), true);
    expect(state.counts.holdSeconds).toBe(4.5);
  });
  it('counts each appearance of a cued fault once', () => {
    const f = (...shownFaults: FaultId[]): CounterSample => ({ ...NOTHING, shownFaults });
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
  it('does not count a fault cued since placement as new when the set starts counting', () => {
    let state = stepTally(INITIAL_TALLY, { ...NOTHING, shownFaults: ['plank.hips-piked'] }, false);
    state = stepTally(state, { ...NOTHING, shownFaults: ['plank.hips-piked'] }, true);
    expect(state.counts.faults).toEqual({});
  });
  it('names the faults of finished reps', () => {
    let state = stepTally(INITIAL_TALLY, repDone(null, ['glute-bridge.over-arched']), true);
    state = stepTally(state, NOTHING, true);
    expect(state.counts.repFaults).toEqual({ 'glute-bridge.over-arched': 1 });
  });
  it('keeps per-side reps', () => {
    let state = stepTally(INITIAL_TALLY, repDone('left'), true);
    state = stepTally(state, repDone('right'), true);
    state = stepTally(state, repDone(null), true);
    expect(state.counts).toMatchObject({ reps: 3, left: 1, right: 1 });
  });
});
