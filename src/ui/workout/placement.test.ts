import { describe, expect, it } from 'vitest';
import {
  INITIAL_PLACEMENT,
  PLACEMENT_BLIP_MS,
  START_HOLD_MS,
  VIEW_SETTLE_MS,
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

describe('a wrong view stands', () => {
  const FRONT: PlacementSample = { ...OK, status: 'wrong-view' };
  const turn = { kind: 'view', guidance: 'setup.turn-sideways' };

  it('keeps asking to turn, and does not start, when the view flickers between front and side (#17)', () => {
    // Front-on, judged side-on for a second or more at a time now and then.
    const samples: [number, PlacementSample][] = [];
    for (let t = 0; t <= 20_000; t += 100) samples.push([t, t % 4000 < 600 ? FRONT : OK]);
    let state = INITIAL_PLACEMENT;
    for (const [t, sample] of samples) {
      state = stepPlacement(state, sample, ['side'], t);
      expect(state.advice.kind).not.toBe('ready');
    }
    expect(state.advice).toEqual(turn);
  });

  it('lets the set start once the view has been right for VIEW_SETTLE_MS and held', () => {
    const samples: [number, PlacementSample][] = [[0, FRONT]];
    for (let t = 100; t <= VIEW_SETTLE_MS + START_HOLD_MS; t += 100) samples.push([t, OK]);
    expect(run(samples.slice(0, -2)).advice.kind).not.toBe('ready');
    expect(run(samples).advice).toEqual({ kind: 'ready' });
  });

  it('does not bridge a wrong-view frame as a detector blip', () => {
    const samples: [number, PlacementSample][] = [];
    for (let t = 0; t <= 500; t += 100) samples.push([t, OK]);
    samples.push([600, FRONT]);
    expect(run(samples).advice).toEqual(turn);
  });
});
