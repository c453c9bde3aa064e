import { describe, expect, it } from 'vitest';
import {
  INITIAL_PLACEMENT,
  PLACEMENT_BLIP_MS,
  START_HOLD_MS,
  setupAdvice,
  stepPlacement,
} from './placement';
import type { PlacementSample, PlacementState } from './placement';

const OK: PlacementSample = { status: 'ok', phase: 'holding', unseen: [], viewAdvice: null };

function run(samples: readonly [number, PlacementSample][]): PlacementState {
  return samples.reduce(
    (s, [t, sample]) => stepPlacement(s, sample, ['side'], t),
    INITIAL_PLACEMENT,
  );
}

describe('setupAdvice', () => {
  it('asks to step back when nobody is in view', () => {
    expect(setupAdvice({ ...OK, status: 'no-person' }, ['side'])).toEqual({ kind: 'step-back' });
  });
  it('names the body parts it cannot see', () => {
    expect(setupAdvice({ ...OK, status: 'cannot-see', unseen: ['hips'] }, ['side'])).toEqual({
      kind: 'cannot-see',
      parts: ['hips'],
    });
  });
  it('uses the exercise’s views when the checker gives no view advice', () => {
    expect(setupAdvice({ ...OK, status: 'wrong-view' }, ['side'])).toEqual({
      kind: 'view',
      guidance: 'setup.turn-sideways',
    });
    expect(setupAdvice({ ...OK, status: 'wrong-view' }, ['front'])).toEqual({
      kind: 'view',
      guidance: 'setup.turn-to-face',
    });
  });
  it('treats a setup phase as not in position yet', () => {
    expect(setupAdvice({ ...OK, phase: 'setup' }, ['side'])).toEqual({ kind: 'get-in-position' });
    expect(setupAdvice({ ...OK, viewAdvice: 'setup.get-in-position' }, ['side'])).toEqual({
      kind: 'get-in-position',
    });
  });
  it('is null in the start position', () => {
    expect(setupAdvice(OK, ['side'])).toBeNull();
  });
});

describe('stepPlacement', () => {
  it('is ready only after the start position is held for START_HOLD_MS', () => {
    expect(
      run([
        [0, OK],
        [START_HOLD_MS - 1, OK],
      ]).advice.kind,
    ).toBe('hold-still');
    expect(
      run([
        [0, OK],
        [START_HOLD_MS, OK],
      ]).advice,
    ).toEqual({ kind: 'ready' });
  });
  it('reports progress while holding', () => {
    const state = run([
      [0, OK],
      [START_HOLD_MS / 2, OK],
    ]);
    expect(state.advice).toEqual({ kind: 'hold-still', progress: 0.5 });
  });
  it('starts the wait again when the person leaves the position', () => {
    const away: PlacementSample = { ...OK, status: 'cannot-see', unseen: ['feet'] };
    const state = run([
      [0, OK],
      [500, OK],
      [500 + PLACEMENT_BLIP_MS + 1, away],
      [1200, OK],
      [1900, OK],
    ]);
    expect(state.advice.kind).toBe('hold-still');
  });
  it('bridges a detector blip shorter than PLACEMENT_BLIP_MS', () => {
    const blip: PlacementSample = { ...OK, status: 'no-person' };
    const state = run([
      [0, OK],
      [400, OK],
      [500, blip],
      [600, OK],
      [START_HOLD_MS, OK],
    ]);
    expect(state.advice).toEqual({ kind: 'ready' });
  });
});
