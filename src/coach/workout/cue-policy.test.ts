import { describe, expect, it } from 'vitest';
import {
  CUE_COOLDOWN_MS,
  CUE_MIN_SHOW_MS,
  CUE_REPEAT_MS,
  HOVER_GAP_MS,
  HOVER_WINDOW_MS,
  hoveringKeys,
  initialCueState,
  stepCue,
  stepHover,
} from './cue-policy';
import type { CueState, HoverState } from './cue-policy';

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
  it('does not say a cue again within CUE_REPEAT_MS when another cue came between', () => {
    // The front three-quarter plank on a slow CI machine: the hip cue, a setup cue, the hip cue
    // again 7.7 s after it was said.
    const back = CUE_COOLDOWN_MS * 2;
    const state = run([
      [0, 'a'],
      [CUE_COOLDOWN_MS, 'b'],
      [back, 'a'],
    ]);
    expect(back).toBeLessThan(CUE_REPEAT_MS);
    expect(state.shown).toBe('a');
    expect(state.spoken?.cue).toBe('b');
    const reminded = run([
      [0, 'a'],
      [CUE_COOLDOWN_MS, 'b'],
      [back, 'a'],
      [CUE_REPEAT_MS, 'a'],
    ]);
    expect(reminded.spoken).toEqual({ cue: 'a', seq: 3, atMs: CUE_REPEAT_MS });
  });
  it('never speaks when nothing is wanted', () => {
    expect(
      run([
        [0, null],
        [5000, null],
      ]).spoken,
    ).toBeNull();
  });
  it('lets a cue that outranks one already cleared follow it once that was readable', () => {
    // A sagging plank looped by the fake camera: "get into position" each time it lies down, then
    // the sag for 2 s. The sag must not wait out the setup cue's whole cooldown every time.
    const faultFirst = (wanted: string, shown: string): boolean =>
      wanted.startsWith('fault') && shown.startsWith('setup');
    const state = (
      [
        [0, 'setup'],
        [CUE_MIN_SHOW_MS, null],
        [CUE_MIN_SHOW_MS + 100, 'fault'],
      ] as const
    ).reduce(
      (s, [t, wanted]) => stepCue<string>(s, wanted, t, key, faultFirst),
      initialCueState<string>(),
    );
    expect(state.shown).toBe('fault');
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
  it('shows a fault that comes back but does not say it again before CUE_REPEAT_MS (#17)', () => {
    // The plank of issue #17: the cue came and went every few seconds and was said 6 times in 44 s.
    const steps: [number, string | null][] = [];
    for (let t = 0; t <= 44_000; t += 100) steps.push([t, t % 6000 < 3000 ? 'a' : null]);
    const sayings: number[] = [];
    steps.reduce((s, [t, wanted]) => {
      const next = stepCue(s, wanted, t, key);
      if (next.spoken?.seq !== s.spoken?.seq) sayings.push(t);
      return next;
    }, initialCueState<string>());
    expect(sayings.length).toBeLessThanOrEqual(Math.ceil(44_000 / CUE_REPEAT_MS));
    const gaps = sayings.slice(1).map((t, i) => t - (sayings[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(CUE_REPEAT_MS);
    // Shown again when it comes back at 6 s, though not said.
    expect(run(steps.slice(0, 62)).shown).toBe('a');
  });
});

describe('stepHover', () => {
  /** The cue 'a' wanted when `on`; between, undecided when `unsure`. */
  function hoverAfter(
    on: (t: number) => boolean,
    toMs: number,
    unsure: (t: number) => boolean = () => true,
  ): readonly string[] {
    let state: HoverState<'a'> = [];
    for (let t = 0; t <= toMs; t += 100) {
      state = stepHover(state, on(t) ? ['a'] : [], !on(t) && unsure(t) ? ['a'] : [], t);
    }
    return hoveringKeys(state);
  }
  const flapping = (t: number) => t < 15_000 && t % 5000 < 3000;

  it('leaves a fault held steadily, or corrected and back once, to be cued', () => {
    expect(hoverAfter(() => true, 30_000)).toEqual([]);
    expect(hoverAfter((t) => t < 3000 || t > 8000, 30_000)).toEqual([]);
  });
  it('ignores a gap shorter than HOVER_GAP_MS', () => {
    expect(hoverAfter((t) => t % 2000 >= HOVER_GAP_MS - 100, 10_000)).toEqual([]);
  });
  it('leaves a fault seen at each rep, clean between, to be cued', () => {
    expect(hoverAfter(flapping, 14_000, () => false)).toEqual([]);
  });
  it('calls a fault back HOVER_RETURNS times from "can’t judge" within the window hovering, then lets it go', () => {
    expect(hoverAfter(flapping, 14_000)).toEqual(['a']);
    expect(hoverAfter(flapping, 10_000 + HOVER_WINDOW_MS)).toEqual([]);
  });
});
