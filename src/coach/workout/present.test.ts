import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { plank } from '../../pose/exercises/plank';
import { undecidedOver } from '../../pose/testing/undecided';
import { START_HOLD_MS } from './placement';
import { presentWorkout } from './present';
import { makeCoaching, makeRep } from './testing';
import type { WorkoutState } from './workout';
import { INITIAL_WORKOUT, stepWorkout } from './workout';

function countingPlank(undecided: Parameters<typeof makeCoaching>[0]): WorkoutState {
  let state = stepWorkout(INITIAL_WORKOUT, {
    type: 'start',
    exercise: { id: 'plank', kind: 'hold', alternatesSides: false, views: ['side'] },
    plan: { kind: 'hold', sets: 1, holdSeconds: 60, restSeconds: 60 },
    tMs: 0,
  });
  for (let t = 0; t <= START_HOLD_MS + 500; t += 100) {
    state = stepWorkout(state, { type: 'frame', tMs: t, coaching: makeCoaching(undecided) });
  }
  return state;
}

describe('the counting headline', () => {
  it('says "Good form" only when every check could judge', () => {
    expect(presentWorkout(countingPlank({}), null).headline).toEqual({
      text: 'Good form',
      tone: 'good',
    });
  });

  it('says which part it cannot judge instead of "Good form"', () => {
    const state = countingPlank({
      result: { undecided: [{ fault: 'plank.hips-sagging', reason: 'ambiguous' }] },
    });
    expect(state.phase).toBe('counting');
    expect(presentWorkout(state, null).headline).toEqual({
      text: 'Hips: can’t judge',
      tone: 'info',
    });
  });

  it('names the engine limit when the check needs the body outline', () => {
    const state = countingPlank({
      result: { undecided: [{ fault: 'plank.hips-sagging', reason: 'needs-body-outline' }] },
    });
    expect(presentWorkout(state, null).headline?.text).toBe(
      'Hips: can’t judge with this engine (MediaPipe can)',
    );
  });

  it('names what only a side view adds at three-quarter, a plank being timed, not counted', () => {
    // The real three-quarter photo as the plank's check judges it: hips and head, not the lower back.
    const photo = loadRecording('plank/plank_good_threequarter_high_33.jpg');
    const state = countingPlank({ result: { undecided: undecidedOver(plank, photo) } });
    expect(presentWorkout(state, null).headline).toEqual({
      text: 'Turn sideways so I can check your lower back too.',
      tone: 'info',
    });
  });

  it('a shown fault cue still wins over an undecided check', () => {
    const state = countingPlank({
      shownFaults: ['plank.hips-piked'],
      result: { undecided: [{ fault: 'plank.hips-sagging', reason: 'ambiguous' }] },
    });
    expect(presentWorkout(state, null).headline?.tone).toBe('fault');
  });
});

describe('the back check', () => {
  it('says the back is flat only once the outline read it, and not while a fault shows', () => {
    expect(presentWorkout(countingPlank({}), null).backCheck).toBeNull();
    const read = { result: { metrics: { backOutlineSeen: 1 } } };
    expect(presentWorkout(countingPlank(read), null).backCheck).toBe('Back: flat on your outline');
    const unread = { result: { metrics: { backOutlineSeen: 0 } } };
    expect(presentWorkout(countingPlank(unread), null).backCheck).toBeNull();
    const rounded = { ...read, shownFaults: ['plank.hips-sagging' as const] };
    expect(presentWorkout(countingPlank(rounded), null).backCheck).toBe('Back: not confirmed flat');
    const unsure = {
      result: {
        metrics: { backOutlineSeen: 1 },
        undecided: [{ fault: 'plank.hips-sagging' as const, reason: 'ambiguous' as const }],
      },
    };
    expect(presentWorkout(countingPlank(unsure), null).backCheck).toBe('Back: not confirmed flat');
  });
});

describe('the back check of a rep exercise', () => {
  it('does not call the back flat for the rest of a pull whose back was cued, only after it', () => {
    let state = stepWorkout(INITIAL_WORKOUT, {
      type: 'start',
      exercise: { id: 'deadlift', kind: 'reps', alternatesSides: false, views: ['side'] },
      plan: { kind: 'reps', sets: 1, reps: 5, restSeconds: 60 },
      tMs: 0,
    });
    const read = { result: { phase: 'hinged', metrics: { backOutlineSeen: 1 } } };
    const frame = (tMs: number, coaching: Parameters<typeof makeCoaching>[0]) => {
      state = stepWorkout(state, { type: 'frame', tMs, coaching: makeCoaching(coaching) });
      return presentWorkout(state, null).backCheck;
    };
    let t = 0;
    for (; t <= START_HOLD_MS + 500; t += 100) frame(t, read);
    expect(state.phase).toBe('counting');
    expect(frame((t += 100), read)).toBe('Back: flat on your outline');
    // Rounded at the floor, cued; then read flat on the way up: still not flat, this pull.
    expect(frame((t += 100), { ...read, shownFaults: ['hinge.rounded-back'] })).toBe(
      'Back: not confirmed flat',
    );
    expect(frame((t += 100), read)).toBe('Back: not confirmed flat');
    frame((t += 100), { repDone: makeRep(null, ['hinge.rounded-back'], t) });
    // The next pull's back is its own.
    expect(frame(t + 100, read)).toBe('Back: flat on your outline');
  });
});

describe('the big counter', () => {
  const birdDog = { id: 'bird-dog', kind: 'reps', alternatesSides: true, views: ['side'] } as const;

  function countingBirdDog(left: number, right: number): WorkoutState {
    let state = stepWorkout(INITIAL_WORKOUT, {
      type: 'start',
      exercise: birdDog,
      plan: { kind: 'reps', sets: 1, reps: 3, restSeconds: 60 },
      tMs: 0,
    });
    for (let t = 0; t <= START_HOLD_MS + 100; t += 100) {
      state = stepWorkout(state, { type: 'frame', tMs: t, coaching: makeCoaching() });
    }
    const sides = [...Array<'left'>(left).fill('left'), ...Array<'right'>(right).fill('right')];
    return sides.reduce(
      (s, side, i) =>
        stepWorkout(s, {
          type: 'frame',
          tMs: START_HOLD_MS + 200 + i * 100,
          coaching: makeCoaching({ repDone: makeRep(side) }),
        }),
      state,
    );
  }

  it('reads aloud as "2 of 3 reps on each side" for an exercise that alternates sides', () => {
    const { progress } = presentWorkout(countingBirdDog(2, 3), null);
    expect(`${progress?.value} ${progress?.target}`).toBe('2 of 3 reps on each side');
  });

  it('reads "4 of 10 reps" for one that does not', () => {
    let state = stepWorkout(INITIAL_WORKOUT, {
      type: 'start',
      exercise: { ...birdDog, id: 'glute-bridge', alternatesSides: false },
      plan: { kind: 'reps', sets: 1, reps: 10, restSeconds: 60 },
      tMs: 0,
    });
    for (let t = 0; t <= START_HOLD_MS + 100; t += 100) {
      state = stepWorkout(state, { type: 'frame', tMs: t, coaching: makeCoaching() });
    }
    for (let i = 0; i < 4; i++) {
      state = stepWorkout(state, {
        type: 'frame',
        tMs: START_HOLD_MS + 200 + i * 100,
        coaching: makeCoaching({ repDone: makeRep() }),
      });
    }
    const { progress } = presentWorkout(state, null);
    expect(`${progress?.value} ${progress?.target}`).toBe('4 of 10 reps');
  });
});
