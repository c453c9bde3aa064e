import { describe, expect, it } from 'vitest';
import {
  CUE_COOLDOWN_MS,
  CUE_MIN_SHOW_MS,
  CUE_REPEAT_MS,
  initialCueState,
  stepCue,
} from './cue-policy';
import type { CueState } from './cue-policy';

const key = (cue: string): string => cue;

function run(steps: readonly [number, string | null][]): CueState<string> {
  return steps.reduce((s, [t, wanted]) => stepCue(s, wanted, t, key), initialCueState<string>());
}

describe('stepCue', () => {
  it('shows and speaks the first cue at once', () => {
    const state = run([[0, 'a']]);
    expect(state.shown).toBe('a');
    expect(state.spoken).toEqual({ cue: 'a', seq: 1, atMs: 0 });
  });
  it('holds a new cue back until the cooldown has passed', () => {
    expect(
      run([
        [0, 'a'],
        [CUE_COOLDOWN_MS - 1, 'b'],
      ]).shown,
    ).toBe('a');
    const later = run([
      [0, 'a'],
      [CUE_COOLDOWN_MS - 1, 'b'],
      [CUE_COOLDOWN_MS, 'b'],
    ]);
    expect(later.shown).toBe('b');
    expect(later.spoken?.seq).toBe(2);
  });
  it('does not let a clear-and-replace dodge the cooldown', () => {
    const state = run([
      [0, 'a'],
      [CUE_MIN_SHOW_MS, null],
      [CUE_MIN_SHOW_MS + 10, 'b'],
    ]);
    expect(state.shown).toBeNull();
    expect(state.spoken?.seq).toBe(1);
  });
  it('clears a cue no longer wanted after the minimum time on screen', () => {
    expect(
      run([
        [0, 'a'],
        [CUE_MIN_SHOW_MS - 1, null],
      ]).shown,
    ).toBe('a');
    expect(
      run([
        [0, 'a'],
        [CUE_MIN_SHOW_MS, null],
      ]).shown,
    ).toBeNull();
  });
  it('repeats a cue still wanted only after CUE_REPEAT_MS', () => {
    const steps: [number, string][] = [];
    for (let t = 0; t <= CUE_REPEAT_MS; t += 500) steps.push([t, 'a']);
    const state = run(steps);
    expect(state.spoken?.seq).toBe(2);
    expect(state.spoken?.atMs).toBe(CUE_REPEAT_MS);
  });
  it('never speaks when nothing is wanted', () => {
    expect(
      run([
        [0, null],
        [5000, null],
      ]).spoken,
    ).toBeNull();
  });
  it('lets a cue that outranks the shown one replace it once readable, not after the cooldown', () => {
    const faultFirst = (wanted: string, shown: string): boolean =>
      wanted.startsWith('fault') && shown.startsWith('setup');
    const step = (steps: readonly [number, string][]): CueState<string> =>
      steps.reduce(
        (s, [t, wanted]) => stepCue(s, wanted, t, key, faultFirst),
        initialCueState<string>(),
      );
    expect(
      step([
        [0, 'setup'],
        [CUE_MIN_SHOW_MS - 1, 'fault'],
      ]).shown,
    ).toBe('setup');
    expect(
      step([
        [0, 'setup'],
        [CUE_MIN_SHOW_MS, 'fault'],
      ]).shown,
    ).toBe('fault');
    // Not the other way round: setup advice still waits for a fault cue's cooldown.
    expect(
      step([
        [0, 'fault'],
        [CUE_MIN_SHOW_MS, 'setup'],
      ]).shown,
    ).toBe('fault');
  });
});
