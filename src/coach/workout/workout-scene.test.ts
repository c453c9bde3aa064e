import { describe, expect, it } from 'vitest';
import { presentWorkout } from './present';
import { START_HOLD_MS } from './placement';
import type { RepsPlan } from './plan';
import { CUE_COOLDOWN_MS } from './cue-policy';
import { AWAY_FOR_MS, DARK_FOR_MS } from './scene';
import { makeCoaching, makeRep } from './testing';
import type { WorkoutEvent, WorkoutExercise, WorkoutState } from './workout';
import { INITIAL_WORKOUT, stepWorkout, wantsFrames } from './workout';

const BRIDGE: WorkoutExercise = {
  id: 'glute-bridge',
  kind: 'reps',
  alternatesSides: false,
  views: ['side'],
};
const REPS: RepsPlan = { kind: 'reps', sets: 1, reps: 10, restSeconds: 60 };
const LIT = 0.4;
const DARK = 0.02;

type Frame = Parameters<typeof makeCoaching>[0] & { readonly brightness?: number };

/** Frames every 100 ms from `fromMs` to `toMs` inclusive. */
function frames(fromMs: number, toMs: number, frame: (t: number) => Frame): WorkoutEvent[] {
  const out: WorkoutEvent[] = [];
  for (let t = fromMs; t <= toMs; t += 100) {
    const { brightness = LIT, ...coaching } = frame(t);
    out.push({ type: 'frame', tMs: t, coaching: makeCoaching(coaching), brightness });
  }
  return out;
}

function run(events: readonly WorkoutEvent[], from: WorkoutState = INITIAL_WORKOUT): WorkoutState {
  return events.reduce(stepWorkout, from);
}

/** A frame that completes a rep (the worker's count goes up by one). */
const REP_DONE: Frame = { repDone: makeRep() };

/** A set counting since `START_HOLD_MS` with 2 reps counted by `START_HOLD_MS + 1000`. */
function countingWithTwoReps(): WorkoutState {
  return run([
    { type: 'start', exercise: BRIDGE, plan: REPS, tMs: 0 },
    ...frames(0, START_HOLD_MS, () => ({})),
    ...frames(START_HOLD_MS + 100, START_HOLD_MS + 1000, (t) =>
      t === START_HOLD_MS + 100 || t === START_HOLD_MS + 600 ? REP_DONE : {},
    ),
  ]);
}

describe('a dark room', () => {
  it('says it is too dark instead of "step back" while placing', () => {
    const state = run([
      { type: 'start', exercise: BRIDGE, plan: REPS, tMs: 0 },
      ...frames(0, DARK_FOR_MS + CUE_COOLDOWN_MS, () => ({
        brightness: DARK,
        result: { status: 'no-person' },
      })),
    ]);
    expect(state.phase).toBe('placing');
    expect(state.placement.advice).toEqual({ kind: 'too-dark' });
    expect(state.cue.shown).toEqual({ kind: 'setup', advice: { kind: 'too-dark' } });
    expect(presentWorkout(state, null).headline?.text).toContain('too dark');
  });

  it('during a set, says so and does not pause it as if the person had left', () => {
    const counting = countingWithTwoReps();
    const state = run(
      frames(3000, 3000 + AWAY_FOR_MS + CUE_COOLDOWN_MS, () => ({
        brightness: DARK,
        result: { status: 'no-person' },
      })),
      counting,
    );
    expect(state.phase).toBe('counting');
    expect(state.cue.shown).toEqual({ kind: 'setup', advice: { kind: 'too-dark' } });
    expect(state.tally.counts.reps).toBe(2);
  });
});

describe('walking out of view mid-set', () => {
  it('pauses counting, keeps analysing frames, and resumes through placement when back', () => {
    const counting = countingWithTwoReps();
    expect(counting.tally.counts.reps).toBe(2);
    const away = run(
      frames(2100, 2100 + AWAY_FOR_MS, () => ({ result: { status: 'no-person' } })),
      counting,
    );
    expect(away.phase).toBe('paused');
    expect(away.paused?.reason).toBe('away');
    expect(wantsFrames(away)).toBe(true);
    expect(presentWorkout(away, null).headline?.text).toBe(
      'Paused: you are out of view. Come back into view to carry on.',
    );
    // Back, with a rep the worker finished on the frame the person came back: not added.
    const back = run(
      frames(4200, 4200, () => REP_DONE),
      away,
    );
    expect(back.phase).toBe('placing');
    expect(back.tally.counts.reps).toBe(2);
    const again = run(
      [
        ...frames(4300, 4300 + START_HOLD_MS, () => REP_DONE),
        ...frames(5400, 5600, (t) => (t === 5400 ? REP_DONE : {})),
      ],
      back,
    );
    expect(again.phase).toBe('counting');
    expect(again.tally.counts.reps).toBe(3);
  });

  it('does not pause on a short miss of the detector', () => {
    const counting = countingWithTwoReps();
    const state = run(
      frames(2100, 2100 + AWAY_FOR_MS - 500, () => ({ result: { status: 'no-person' } })),
      counting,
    );
    expect(state.phase).toBe('counting');
  });

  it('a pause the person asked for stops the frames', () => {
    const paused = stepWorkout(countingWithTwoReps(), { type: 'pause', reason: 'user', tMs: 3000 });
    expect(wantsFrames(paused)).toBe(false);
  });
});

describe('two people in view', () => {
  it('says the person who started the set is the one coached', () => {
    const state = run(
      frames(2100, 2300, () => ({ peopleInView: 2 })),
      countingWithTwoReps(),
    );
    expect(presentWorkout(state, null).note).toBe(
      '2 people in view: I’m coaching the person who started the set.',
    );
    const alone = run(
      frames(2400, 2400, () => ({})),
      state,
    );
    expect(presentWorkout(alone, null).note).toBeNull();
  });
});
