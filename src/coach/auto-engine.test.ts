import { describe, expect, it } from 'vitest';
import type { EngineModel } from '../pose/pose';
import {
  AUTO_MAX_FRAME_MS,
  AUTO_SAMPLE_FRAMES,
  AUTO_WARMUP_FRAMES,
  INITIAL_AUTO,
  autoModel,
  autoNextModel,
  autoPhase,
  stepAuto,
  switchAuto,
} from './auto-engine';
import type { AutoState } from './auto-engine';
import { autoOptionText } from '../content/robustness';

/** Per-model frame times of a pretend machine, in ms. */
type Machine = Partial<Record<EngineModel['model'], number>>;

/** Runs Auto on a machine until it settles (or gives up after many frames). */
function settle(
  machine: Machine,
  from: AutoState = INITIAL_AUTO,
): { state: AutoState; tried: string[] } {
  let state = from;
  const tried: string[] = [autoModel(state).model];
  for (let i = 0; i < 1000 && autoPhase(state) !== 'settled'; i++) {
    const model = autoModel(state);
    // Out of a set: a switch Auto decides on is made at once.
    state = switchAuto(stepAuto(state, model, machine[model.model] ?? 1000));
    const now = autoModel(state).model;
    if (now !== tried.at(-1)) tried.push(now);
  }
  return { state, tried };
}

/** Fast enough that even the next, heavier model should keep up. */
const FAST = AUTO_MAX_FRAME_MS / 4;
const SLOW = AUTO_MAX_FRAME_MS * 2;

describe('stepAuto', () => {
  it('climbs to heavy on a machine where heavy keeps up', () => {
    const { state, tried } = settle({ heavy: FAST, full: FAST, lite: FAST, lightning: FAST });
    expect(autoPhase(state)).toBe('settled');
    expect(autoModel(state)).toEqual({ engine: 'mediapipe', model: 'heavy' });
    expect(tried).toEqual(['full', 'heavy']);
  });

  it('tries heavy, finds it too slow and comes back to full', () => {
    const { state, tried } = settle({ heavy: SLOW, full: FAST, lite: FAST });
    expect(autoModel(state).model).toBe('full');
    expect(autoPhase(state)).toBe('settled');
    expect(tried).toEqual(['full', 'heavy', 'full']);
  });

  it('steps down to the first model that keeps up, without climbing back', () => {
    const { state, tried } = settle({ heavy: SLOW, full: SLOW, lite: FAST, lightning: FAST });
    expect(autoModel(state).model).toBe('lite');
    expect(tried).toEqual(['full', 'lite']);
  });

  it('ends on the fastest model when nothing keeps up', () => {
    const { state } = settle({ heavy: SLOW, full: SLOW, lite: SLOW, lightning: SLOW });
    expect(autoPhase(state)).toBe('settled');
    expect(autoModel(state)).toEqual({ engine: 'movenet', model: 'lightning' });
  });

  it('decides on the median, so a few slow frames do not condemn a model', () => {
    let state = INITIAL_AUTO;
    const full = autoModel(state);
    for (let i = 0; i < AUTO_WARMUP_FRAMES + AUTO_SAMPLE_FRAMES; i++) {
      // The warm-up frames and every fourth frame are slow.
      const slow = i < AUTO_WARMUP_FRAMES || i % 4 === 0;
      state = stepAuto(state, full, slow ? SLOW * 10 : FAST);
    }
    expect(state.verdicts[1]).toBe(true);
  });

  it('ignores frames timed on another model (a switch still loading) and once settled', () => {
    const other: EngineModel = { engine: 'movenet', model: 'thunder' };
    expect(stepAuto(INITIAL_AUTO, other, FAST)).toBe(INITIAL_AUTO);
    const { state } = settle({ heavy: SLOW, full: FAST });
    expect(stepAuto(state, autoModel(state), SLOW)).toBe(state);
  });

  it('does not try heavy on a machine that only just holds full (issue #17: two cores)', () => {
    const { state, tried } = settle({
      heavy: AUTO_MAX_FRAME_MS * 3,
      full: AUTO_MAX_FRAME_MS * 0.9,
    });
    expect(tried).toEqual(['full']);
    expect(autoPhase(state)).toBe('settled');
  });
});

describe('Auto during a set', () => {
  /** Frames of the model that runs; no switch is made (the set runs). */
  function inSet(machine: Machine, frames: number): AutoState {
    let state = INITIAL_AUTO;
    for (let i = 0; i < frames; i++) {
      const model = autoModel(state);
      state = stepAuto(state, model, machine[model.model] ?? 1000);
    }
    return state;
  }

  it('settles on the model that runs within a few seconds of frames', () => {
    const frames = AUTO_WARMUP_FRAMES + AUTO_SAMPLE_FRAMES;
    expect(autoPhase(inSet({ heavy: SLOW, full: AUTO_MAX_FRAME_MS * 0.9 }, frames))).toBe(
      'settled',
    );
  });

  it('names a faster model for after the set instead of measuring on (issue #17)', () => {
    // At 12 frames a second, a 40-second set.
    const state = inSet({ full: SLOW, lite: FAST }, 40 * 12);
    expect(autoPhase(state)).toBe('switching');
    // Still running full until the set is over; then lite, measured afresh.
    expect(autoModel(state).model).toBe('full');
    const after = switchAuto(state);
    expect(autoModel(after).model).toBe('lite');
    expect(autoPhase(after)).toBe('measuring');
  });

  it('says in the picker what it runs and what it will run after the set', () => {
    const state = inSet({ full: SLOW, lite: FAST }, 40 * 12);
    expect(autoOptionText(autoModel(state), autoPhase(state), autoNextModel(state))).toBe(
      'Auto: MediaPipe · full (MediaPipe · lite after this set)',
    );
    const kept = inSet({ heavy: SLOW, full: AUTO_MAX_FRAME_MS * 0.9 }, 40 * 12);
    expect(autoOptionText(autoModel(kept), autoPhase(kept), autoNextModel(kept))).toBe(
      'Auto: MediaPipe · full (keeps up on this device)',
    );
  });
});
