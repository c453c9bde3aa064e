import { describe, expect, it } from 'vitest';
import { CUE_COOLDOWN_MS, CUE_REPEAT_MS } from './cue-policy';
import { START_HOLD_MS } from './placement';
import type { HoldPlan, RepsPlan } from './plan';
import { BIRD_DOG, BRIDGE, PLANK, frames, makeCoaching, makeRep } from './testing';
import type { WorkoutEvent, WorkoutExercise, WorkoutState } from './workout';
import { presentWorkout } from './present';
import {
  INITIAL_WORKOUT,
  UNDECIDED_MIN_SHOW_MS,
  cueKey,
  restSecondsLeft,
  stepWorkout,
  targetReached,
} from './workout';

const HOLD: HoldPlan = { kind: 'hold', sets: 2, holdSeconds: 10, restSeconds: 60 };
const REPS: RepsPlan = { kind: 'reps', sets: 3, reps: 2, restSeconds: 90 };

function run(events: readonly WorkoutEvent[], from: WorkoutState = INITIAL_WORKOUT): WorkoutState {
  return events.reduce(stepWorkout, from);
}

const start = (exercise: WorkoutExercise, plan: HoldPlan | RepsPlan): WorkoutEvent => ({
  type: 'start',
  exercise,
  plan,
  tMs: 0,
});

describe('placement before counting', () => {
  it('asks to step back and says nothing about form while nobody is in view', () => {
    const state = run([
      start(PLANK, HOLD),
      ...frames(0, 500, () => ({ result: { status: 'no-person' } })),
    ]);
    expect(state.phase).toBe('placing');
    expect(state.placement.advice).toEqual({ kind: 'step-back' });
    expect(state.cue.shown).toEqual({ kind: 'setup', advice: { kind: 'step-back' } });
  });

  it('gives no form feedback during setup, even with faults shown', () => {
    const state = run([
      start(PLANK, HOLD),
      ...frames(0, 500, () => ({ result: { phase: 'setup' }, shownFaults: ['plank.hips-piked'] })),
    ]);
    expect(state.cue.shown).toEqual({ kind: 'setup', advice: { kind: 'get-in-position' } });
  });

  it('starts counting once the start position has been held, not before', () => {
    const before = run([start(PLANK, HOLD), ...frames(0, START_HOLD_MS - 100, () => ({}))]);
    expect(before.phase).toBe('placing');
    const after = run([start(PLANK, HOLD), ...frames(0, START_HOLD_MS, () => ({}))]);
    expect(after.phase).toBe('counting');
    expect(after.announcement?.what).toEqual({ kind: 'set-started', set: 1 });
  });

  it('does not count seconds held during placement', () => {
    const state = run([start(PLANK, HOLD), ...frames(0, 3000, () => ({ heldMs: 100 }))]);
    // Counting began at 1000 ms: two seconds since.
    expect(state.tally.counts.holdSeconds).toBeCloseTo(2);
  });
});

describe('counting, cues and sets', () => {
  it('cues the first shown fault once counting, one at a time with a cooldown', () => {
    const placed = run([start(PLANK, HOLD), ...frames(0, 1000, () => ({}))]);
    const piked = run(
      frames(1100, 1500, () => ({
        shownFaults: ['plank.hips-piked'],
        result: { faults: ['plank.hips-piked'] },
      })),
      placed,
    );
    expect(piked.cue.shown).toEqual({ kind: 'fault', fault: 'plank.hips-piked' });
    const sag = run(
      frames(1600, 1600 + CUE_COOLDOWN_MS - 600, () => ({ shownFaults: ['plank.hips-sagging'] })),
      piked,
    );
    expect(sag.cue.shown).toEqual({ kind: 'fault', fault: 'plank.hips-piked' });
    const later = run(
      frames(sag.nowMs + 100, sag.nowMs + 600, () => ({ shownFaults: ['plank.hips-sagging'] })),
      sag,
    );
    expect(later.cue.shown).toEqual({ kind: 'fault', fault: 'plank.hips-sagging' });
  });

  it('ends the set at the hold target and rests, then the next set places again', () => {
    const done = run([start(PLANK, HOLD), ...frames(0, 12_000, () => ({ heldMs: 100 }))]);
    expect(done.phase).toBe('resting');
    expect(done.sets).toHaveLength(1);
    expect(done.sets[0]?.endedBy).toBe('target');
    expect(done.setNumber).toBe(2);
    expect(restSecondsLeft(run([{ type: 'tick', tMs: done.nowMs + 15_000 }], done))).toBe(45);
    const next = run([{ type: 'tick', tMs: (done.rest?.endsAtMs ?? 0) + 1 }], done);
    expect(next.phase).toBe('placing');
    expect(next.announcement?.what).toEqual({ kind: 'rest-over', set: 2 });
    expect(next.tally.counts.holdSeconds).toBe(0);
  });

  it('skipping rest goes straight to placing the next set', () => {
    const resting = run([start(PLANK, HOLD), { type: 'end-set', tMs: 10 }]);
    expect(resting.phase).toBe('resting');
    expect(resting.sets[0]?.endedBy).toBe('person');
    expect(run([{ type: 'skip-rest', tMs: 20 }], resting).phase).toBe('placing');
  });

  it('finishes after the last set', () => {
    const plan: HoldPlan = { ...HOLD, sets: 1 };
    const state = run([start(PLANK, plan), { type: 'end-set', tMs: 10 }]);
    expect(state.phase).toBe('finished');
    expect(state.announcement?.what).toEqual({ kind: 'workout-done' });
  });

  it('counts good reps and reps with a fault', () => {
    const done = [null, null, makeRep(), null, makeRep(null, ['glute-bridge.over-arched'])];
    const state = run([
      start(BRIDGE, REPS),
      ...frames(0, 1000, () => ({})),
      ...done.map((repDone, i): WorkoutEvent => ({
        type: 'frame',
        tMs: 1100 + i * 100,
        coaching: makeCoaching({ repDone }),
      })),
    ]);
    expect(state.sets[0]?.counts).toMatchObject({ reps: 2, cleanReps: 1 });
    expect(state.phase).toBe('resting');
  });
});

describe('targetReached', () => {
  it('needs the reps on each side for alternating exercises', () => {
    const counts = {
      reps: 3,
      cleanReps: 3,
      left: 2,
      right: 1,
      holdSeconds: 0,
      faults: {},
      repFaults: {},
      sideHoldSeconds: { left: 0, right: 0 },
    };
    expect(targetReached(REPS, BIRD_DOG, counts)).toBe(false);
    expect(targetReached(REPS, BIRD_DOG, { ...counts, right: 2, reps: 4 })).toBe(true);
    expect(targetReached(REPS, BRIDGE, counts)).toBe(true);
  });
});

describe('pause and resume', () => {
  it('ignores frames while paused and places again on resume, keeping the count', () => {
    const counting = run([start(PLANK, HOLD), ...frames(0, 3000, () => ({ heldMs: 100 }))]);
    const paused = run([{ type: 'pause', reason: 'hidden', tMs: 3050 }], counting);
    expect(paused.phase).toBe('paused');
    const still = run(
      frames(3100, 8000, () => ({ heldMs: 100 })),
      paused,
    );
    expect(still.tally.counts.holdSeconds).toBeCloseTo(2);
    const resumed = run([{ type: 'resume', tMs: 8100 }], still);
    expect(resumed.phase).toBe('placing');
    const again = run(
      frames(8200, 10_200, () => ({ heldMs: 100 })),
      resumed,
    );
    // Placed again at 9200; one more second counted since.
    expect(again.phase).toBe('counting');
    expect(again.tally.counts.holdSeconds).toBeCloseTo(3);
  });

  it('a hidden tab does not downgrade a pause for pain', () => {
    const paused = run([start(PLANK, HOLD), { type: 'pause', reason: 'pain', tMs: 5 }]);
    expect(run([{ type: 'pause', reason: 'hidden', tMs: 6 }], paused).paused?.reason).toBe('pain');
  });
});

describe('checks the coach cannot judge', () => {
  const WALL: WorkoutExercise = {
    id: 'wall-posture',
    kind: 'hold',
    alternatesSides: false,
    views: ['side', 'front'],
  };
  const frontOn = (): Parameters<typeof makeCoaching>[0] => ({
    result: {
      phase: 'standing',
      view: 'front',
      undecided: [{ fault: 'posture.forward-head', reason: 'needs-side-view' }],
    },
  });

  it('counts a front-on wall-posture hold and says the side-view limit once per workout', () => {
    const first = run([start(WALL, HOLD), ...frames(0, START_HOLD_MS, frontOn)]);
    expect(first.phase).toBe('counting');
    expect(first.announcement?.what).toEqual({
      kind: 'set-started',
      set: 1,
      limit: 'needs-side-view',
    });
    const resting = run([{ type: 'end-set', tMs: START_HOLD_MS + 100 }], first);
    const second = run(
      [{ type: 'skip-rest', tMs: 5000 }, ...frames(5000, 5000 + START_HOLD_MS, frontOn)],
      resting,
    );
    expect(second.phase).toBe('counting');
    expect(second.announcement?.what).toEqual({ kind: 'set-started', set: 2 });
  });

  it('keeps an undecided check for a moment, then lets it go', () => {
    const ambiguous = (): Parameters<typeof makeCoaching>[0] => ({
      result: { undecided: [{ fault: 'plank.hips-sagging', reason: 'ambiguous' }] },
    });
    const unsure = run([start(PLANK, HOLD), ...frames(0, 2000, ambiguous)]);
    expect(unsure.undecided?.items).toEqual([{ fault: 'plank.hips-sagging', reason: 'ambiguous' }]);
    const blip = run(
      frames(2100, 2100 + UNDECIDED_MIN_SHOW_MS - 200, () => ({})),
      unsure,
    );
    expect(blip.undecided).not.toBeNull();
    const settled = run(
      frames(blip.nowMs + 100, blip.nowMs + 400, () => ({})),
      blip,
    );
    expect(settled.undecided).toBeNull();
  });
});

describe('a wrong view and a hovering fault (issue #17)', () => {
  const SUPERMAN: WorkoutExercise = { ...BRIDGE, id: 'superman' };
  const frontOn = { result: { status: 'wrong-view' as const } };
  const sideOn = {};

  /** Headlines shown and cue keys said over these frames. */
  function watch(events: readonly WorkoutEvent[], from: WorkoutState) {
    const headlines: string[] = [];
    const said: string[] = [];
    const end = events.reduce((s, e) => {
      const next = stepWorkout(s, e);
      if (next.cue.spoken && next.cue.spoken.seq !== s.cue.spoken?.seq) {
        said.push(cueKey(next.cue.spoken.cue));
      }
      headlines.push(presentWorkout(next, null).headline?.text ?? '');
      return next;
    }, from);
    return { end, headlines, said };
  }

  it('does not start a superman set filmed front-on, judged side-on now and then', () => {
    const { end, said } = watch(
      // Front-on, judged side-on for 1.2 s in every 3 s (the bird-dog clip of the issue).
      [start(SUPERMAN, REPS), ...frames(0, 30_000, (t) => (t % 3000 < 1800 ? frontOn : sideOn))],
      INITIAL_WORKOUT,
    );
    expect(end.phase).toBe('placing');
    expect(presentWorkout(end, null).headline?.text).toBe('Turn sideways to the camera.');
    // Said, then reminded every CUE_REPEAT_MS: not once per flicker.
    expect(said.filter((key) => key === 'setup.turn-sideways').length).toBeLessThanOrEqual(
      1 + 30_000 / CUE_REPEAT_MS,
    );
  });

  it('keeps saying what it needs when the view turns front-on mid-set, not flipping to "Good form"', () => {
    const counting = run([start(SUPERMAN, REPS), ...frames(0, START_HOLD_MS, () => sideOn)]);
    expect(counting.phase).toBe('counting');
    const { headlines } = watch(
      frames(START_HOLD_MS + 100, START_HOLD_MS + 20_000, (t) =>
        t % 3000 < 1800 ? frontOn : sideOn,
      ),
      counting,
    );
    const first = headlines.indexOf('Turn sideways to the camera.');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(headlines.slice(first).filter((h) => h === 'Good form')).toEqual([]);
  });

  it('says nothing about the view for a frame misjudged front-on in a side-on set', () => {
    const counting = run([start(SUPERMAN, REPS), ...frames(0, START_HOLD_MS, () => sideOn)]);
    const { headlines, said } = watch(
      frames(START_HOLD_MS + 100, START_HOLD_MS + 8000, (t) => (t % 4000 === 0 ? frontOn : sideOn)),
      counting,
    );
    expect(said).toEqual([]);
    expect(new Set(headlines)).toEqual(new Set(['Good form']));
  });

  it('says "can’t judge" for a fault that comes and goes at its threshold, and stops saying it', () => {
    const counting = run([start(PLANK, HOLD), ...frames(0, START_HOLD_MS, () => ({}))]);
    const sagging = {
      shownFaults: ['plank.hips-sagging' as const],
      result: { faults: ['plank.hips-sagging' as const] },
    };
    const unsure = {
      result: {
        undecided: [{ fault: 'plank.hips-sagging' as const, reason: 'ambiguous' as const }],
      },
    };
    // On for 5 s, unsure for 2 s, over and over: the plank of the issue, 44 s.
    const { headlines, said } = watch(
      frames(START_HOLD_MS + 100, START_HOLD_MS + 44_000, (t) =>
        (t - START_HOLD_MS) % 7000 < 5000 ? sagging : unsure,
      ),
      counting,
    );
    // Said, and reminded once, before it is seen to hover; then never again.
    expect(said.filter((key) => key === 'plank.hips-sagging')).toHaveLength(2);
    const last30s = headlines.slice(-300);
    expect(new Set(last30s)).toEqual(new Set(['Hips: can’t judge']));
  });

  it('keeps cueing a fault that returns when the view turns side-on again: that is no hovering', () => {
    const counting = run([start(PLANK, HOLD), ...frames(0, START_HOLD_MS, () => ({}))]);
    const sagging = {
      shownFaults: ['plank.hips-sagging' as const],
      result: { faults: ['plank.hips-sagging' as const] },
    };
    const offSide = {
      result: {
        undecided: [{ fault: 'plank.hips-sagging' as const, reason: 'needs-side-view' as const }],
      },
    };
    // Seen side-on for 5 s, then from an angle for 2 s, over and over.
    const { headlines } = watch(
      frames(START_HOLD_MS + 100, START_HOLD_MS + 44_000, (t) =>
        (t - START_HOLD_MS) % 7000 < 5000 ? sagging : offSide,
      ),
      counting,
    );
    expect(headlines.slice(-300)).toContain('Lift your hips into a straight line.');
  });
});
