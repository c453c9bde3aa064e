import { describe, expect, it } from 'vitest';
import type { Rep } from '../../pose/reps/rep-counter';
import type { FaultId } from '../../pose/exercises/types';
import { HOLD_CHECKPOINT_MS, INITIAL_LOG, stepLog } from './log';
import type { LogOp, LogState } from './log';
import type { HoldPlan, RepsPlan } from './plan';
import { BIRD_DOG, BRIDGE, PLANK, frames, makeCoaching, makeRep } from './testing';
import type { WorkoutEvent } from './workout';
import { INITIAL_WORKOUT, stepWorkout } from './workout';
import type { WorkoutState } from './workout';

const T0 = Date.UTC(2025, 2, 3, 7, 0, 0);
const at = (tMs: number): string => new Date(T0 + tMs).toISOString();

interface Run {
  readonly workout: WorkoutState;
  readonly log: LogState;
  readonly ops: readonly LogOp[];
}

const EMPTY: Run = { workout: INITIAL_WORKOUT, log: INITIAL_LOG, ops: [] };

/** Feeds events to the workout and each resulting state to the log, as the hook does. */
function run(
  events: readonly WorkoutEvent[],
  from: Run = EMPTY,
  programmeWeek: number | null = null,
): Run {
  let { workout, log } = from;
  const ops: LogOp[] = [];
  let ids = 0;
  // The wall clock goes on when the workout's frame clock resets (stop).
  let clockMs = from.workout.nowMs;
  for (const event of events) {
    workout = stepWorkout(workout, event);
    clockMs = Math.max(clockMs, workout.nowMs);
    const step = stepLog(log, workout, {
      at: at(clockMs),
      strictness: 'beginner',
      newId: () => `session-${String(++ids)}`,
      programmeWeek,
    });
    log = step.log;
    ops.push(...step.ops);
  }
  return { workout, log, ops };
}

const kinds = (ops: readonly LogOp[]): string[] => ops.map((op) => op.kind);

const REPS: RepsPlan = { kind: 'reps', sets: 2, reps: 2, restSeconds: 60 };
const HOLD: HoldPlan = { kind: 'hold', sets: 1, holdSeconds: 20, restSeconds: 60 };

/** Placed at 0-1000 ms (counting from 1000), then one finished rep per entry, 1 s apart. */
function repFrames(fromMs: number, reps: readonly Rep<FaultId>[]): WorkoutEvent[] {
  return [
    ...frames(fromMs, fromMs + 1000, () => ({})),
    ...reps.map((r, i): WorkoutEvent => ({
      type: 'frame',
      tMs: fromMs + 2000 + i * 1000,
      coaching: makeCoaching({ repDone: r }),
    })),
  ];
}

const start = (exercise: typeof BRIDGE, plan: RepsPlan | HoldPlan, tMs = 0): WorkoutEvent => ({
  type: 'start',
  exercise,
  plan,
  tMs,
});

describe('a rep workout', () => {
  it('started from the Plan, saves the programme week with the session', () => {
    const { ops } = run(
      [start(BIRD_DOG, { ...REPS, sets: 1 }), ...repFrames(0, [makeRep('left', [], 2000)])],
      EMPTY,
      2,
    );
    expect(ops[0]).toMatchObject({ kind: 'start-session', plan: { programmeWeek: 2 } });
  });

  it('saves the session and set when counting starts, then each rep with its side and faults', () => {
    const { ops } = run([
      start(BIRD_DOG, { ...REPS, sets: 1 }),
      ...repFrames(0, [
        makeRep('left', [], 2000),
        makeRep('right', ['bird-dog.hip-rotation'], 3000),
        makeRep('left', [], 4000),
        makeRep('right', [], 5000),
      ]),
    ]);
    expect(kinds(ops)).toEqual([
      'start-session',
      'start-set',
      'rep',
      'rep',
      'rep',
      'rep',
      'end-set',
      'end-session',
    ]);
    expect(ops[0]).toEqual({
      kind: 'start-session',
      sessionId: 'session-1',
      startedAt: at(0),
      exercise: 'bird-dog',
      strictness: 'beginner',
      plan: { programmeWeek: null, targetSets: 1, targetReps: 2, targetHoldSeconds: null },
    });
    expect(ops[1]).toEqual({ kind: 'start-set', sessionId: 'session-1', set: 1, at: at(1000) });
    expect(ops[3]).toEqual({
      kind: 'rep',
      sessionId: 'session-1',
      set: 1,
      rep: {
        side: 'right',
        startMs: 2200,
        endMs: 3000,
        faults: ['bird-dog.hip-rotation'],
        rangeOfMotion: { min: 0.1, max: 0.9 },
        tempo: { lowerMs: 300, pauseMs: 200, liftMs: 300 },
      },
    });
    expect(ops[6]).toMatchObject({ kind: 'end-set', set: 1, endedBy: 'target', hold: null });
  });

  it('saves nothing for a workout started and left before anything counted', () => {
    const { ops } = run([
      start(BRIDGE, REPS),
      ...frames(0, 500, () => ({ result: { status: 'no-person' } })),
      { type: 'end-set', tMs: 600 },
      { type: 'stop' },
    ]);
    expect(ops).toEqual([]);
  });

  it('keeps one set across a pause, and starts the next set after rest', () => {
    const first = run([
      start(BRIDGE, REPS),
      ...repFrames(0, [makeRep(null, [], 2000)]),
      { type: 'pause', reason: 'user', tMs: 2500 },
      { type: 'resume', tMs: 4000 },
      ...repFrames(4100, [makeRep(null, [], 6100)]),
    ]);
    expect(first.workout.phase).toBe('resting');
    expect(kinds(first.ops)).toEqual(['start-session', 'start-set', 'rep', 'rep', 'end-set']);

    const second = run(
      [{ type: 'skip-rest', tMs: 7000 }, ...repFrames(7100, [makeRep(null, [], 9100)])],
      first,
    );
    expect(second.ops).toEqual([
      { kind: 'start-set', sessionId: 'session-1', set: 2, at: at(8100) },
      expect.objectContaining({ kind: 'rep', set: 2 }),
    ]);
  });

  it('saves the set’s replay after the set, keyed to it', () => {
    const size = { width: 640, height: 480 };
    const { ops } = run([
      start(BRIDGE, REPS),
      ...repFrames(0, [makeRep(null, [], 2000)]).map((event) =>
        event.type === 'frame' ? { ...event, imageSize: size } : event,
      ),
      { type: 'end-set', tMs: 2500 },
    ]);
    expect(kinds(ops).slice(-2)).toEqual(['end-set', 'replay']);
    // No fault was cued: the set records none, with seconds for each it would have.
    expect(ops.at(-2)).toMatchObject({ kind: 'end-set', faultSeconds: {} });
    const replay = ops.at(-1);
    expect(replay).toMatchObject({ kind: 'replay', sessionId: 'session-1', set: 1 });
    expect(replay?.kind === 'replay' && replay.track.reps).toHaveLength(1);
  });

  it('saves the last set’s replay after the session’s end, the smallest writes first', () => {
    const size = { width: 640, height: 480 };
    const { ops } = run([
      start(BRIDGE, { ...REPS, sets: 1 }),
      ...repFrames(0, [makeRep(null, [], 2000)]).map((event) =>
        event.type === 'frame' ? { ...event, imageSize: size } : event,
      ),
      { type: 'end-set', tMs: 2500 },
    ]);
    // A tab closed while the replay is written keeps a finished workout.
    expect(kinds(ops).slice(-3)).toEqual(['end-set', 'end-session', 'replay']);
  });

  it('records a set ended early by the person', () => {
    const { ops } = run([
      start(BRIDGE, REPS),
      ...repFrames(0, [makeRep(null, [], 2000)]),
      { type: 'end-set', tMs: 2500 },
    ]);
    expect(ops.at(-1)).toMatchObject({ kind: 'end-set', set: 1, endedBy: 'person' });
  });

  it('closes the set and session when the person stops mid-set, or stops for pain', () => {
    const counting = run([start(BRIDGE, REPS), ...repFrames(0, [makeRep(null, [], 2000)])]);
    const stopped = run([{ type: 'stop' }], counting);
    expect(stopped.ops).toEqual([
      {
        kind: 'end-set',
        sessionId: 'session-1',
        set: 1,
        at: at(2000),
        endedBy: 'stopped',
        hold: null,
      },
      { kind: 'end-session', sessionId: 'session-1', at: at(2000) },
    ]);

    const pain = run([{ type: 'pause', reason: 'pain', tMs: 2100 }, { type: 'stop' }], counting);
    expect(pain.ops[0]).toMatchObject({ kind: 'end-set', endedBy: 'pain' });
  });

  it('ends the session only, when stopped during rest', () => {
    const resting = run([
      start(BRIDGE, REPS),
      ...repFrames(0, [makeRep(null, [], 2000)]),
      { type: 'end-set', tMs: 2500 },
    ]);
    expect(kinds(run([{ type: 'stop' }], resting).ops)).toEqual(['end-session']);
  });

  it('gives a new workout after a finished one its own session', () => {
    const done = run([
      start(BRIDGE, { ...REPS, sets: 1 }),
      ...repFrames(0, [makeRep(null, [], 2000)]),
      { type: 'end-set', tMs: 2500 },
    ]);
    expect(kinds(done.ops).at(-1)).toBe('end-session');
    const again = run(
      [start(BRIDGE, REPS, 3000), ...repFrames(3000, [makeRep(null, [], 5000)])],
      done,
    );
    // The ids restart in each `run`; what matters is that a new start-session comes first.
    expect(kinds(again.ops)).toEqual(['start-session', 'start-set', 'rep']);
  });
});

describe('a hold workout', () => {
  it('checkpoints the hold every few seconds and saves the final hold at the set end', () => {
    const { ops } = run([
      start(PLANK, HOLD),
      // Counting from 1000 ms; good form all the way: 20 s held at 21 000 ms.
      ...frames(0, 21_000, () => ({ heldMs: 100 })),
    ]);
    const holds = ops.filter((op) => op.kind === 'hold');
    expect(holds).toHaveLength(Math.floor(20_000 / HOLD_CHECKPOINT_MS) - 1);
    expect(holds[0]).toMatchObject({ set: 1, progress: { holdSeconds: 5, goodFormShare: 1 } });
    expect(ops.at(-2)).toMatchObject({
      kind: 'end-set',
      endedBy: 'target',
      hold: { holdSeconds: 20, goodFormShare: 1 },
    });
    expect(ops.at(-1)?.kind).toBe('end-session');
  });

  it('saves the seconds held on each side when the side is told (a side plank)', () => {
    const { ops } = run([
      start(PLANK, HOLD),
      // Counting from 1000 ms: 6 s on the left side, then 4 s on the right.
      ...frames(0, 11_000, (t) => ({
        heldMs: 100,
        result: { activeSide: t <= 7000 ? 'left' : 'right' },
      })),
      { type: 'end-set', tMs: 11_000 },
    ]);
    const end = ops.find((op) => op.kind === 'end-set');
    expect(end?.kind === 'end-set' && end.hold?.sideHoldSeconds).toEqual({
      left: expect.closeTo(6, 1) as number,
      right: expect.closeTo(4, 1) as number,
    });
  });

  it('counts only good-form time in the share, and not the time paused', () => {
    const { ops } = run([
      start(PLANK, HOLD),
      // 10 s counting, of which the last 5 s in bad form (the worker's hold stops growing).
      ...frames(0, 11_000, (t) => ({ heldMs: t <= 6000 ? 100 : 0 })),
      { type: 'pause', reason: 'user', tMs: 11_000 },
      { type: 'resume', tMs: 60_000 },
      { type: 'stop' },
    ]);
    expect(ops.at(-2)).toMatchObject({
      kind: 'end-set',
      endedBy: 'stopped',
      hold: { holdSeconds: 5, goodFormShare: 0.5 },
    });
  });
});
