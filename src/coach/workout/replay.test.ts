/**
 * The set's replay on recorded landmarks (tests/fixtures/landmarks/mediapipe-full), looped as the
 * fake camera loops the clip, through the pipeline the live app runs (stepCoach, then the workout):
 * the timeline marks the fault where the clip shows it, the reps where they were counted, and the
 * stored size stays under its budget however long the set.
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { initialCoachState, stepCoach } from '../../pose/exercises/coach';
import { findExercise } from '../../pose/exercises/registry';
import type { Evidence } from '../../pose/exercises/types';
import type { PoseRecording } from '../../pose/recording';
import { frameStepMs } from '../../pose/recording';
import {
  MAX_REPLAY_FRAMES,
  REPLAY_BUDGET_CHARS,
  replayRecordOf,
  trackOf,
  type ReplayTrack,
} from '../../storage';
import { REPLAY_JOINTS, faultSecondsOf, startRecording, stepRecording } from './replay';
import { BRIDGE, frames, makeRep } from './testing';
import type { WorkoutState } from './workout';
import { INITIAL_WORKOUT, stepWorkout } from './workout';

const SAGGING = 'plank/plank_sagging_video_01.mp4';
const BIRD_DOG = 'rendered/rendered_bird_dog_01.mp4';

function loopMsOf(recording: PoseRecording): number {
  return (recording.frames.at(-1)?.timestampMs ?? 0) + frameStepMs(recording);
}

interface Watched {
  readonly track: ReplayTrack;
  /** The frame time at which the set began counting (the replay's 0). */
  readonly countedFromMs: number;
  readonly loopMs: number;
  readonly end: WorkoutState;
}

/** `loops` plays of a clip into one set, ended by the person after the last. */
function watch(clip: string, id: 'plank' | 'bird-dog', loops: number): Watched {
  const exercise = findExercise(id);
  if (!exercise) throw new Error(`no ${id} in the registry`);
  const recording = loadRecording(clip);
  const loopMs = loopMsOf(recording);
  let coach = initialCoachState(exercise);
  let state = stepWorkout(INITIAL_WORKOUT, {
    type: 'start',
    exercise,
    plan:
      exercise.kind === 'hold'
        ? { kind: 'hold', sets: 1, holdSeconds: 600, restSeconds: 30 }
        : { kind: 'reps', sets: 1, reps: 50, restSeconds: 30 },
    tMs: 0,
  });
  let countedFromMs: number | null = null;
  for (let loop = 0; loop < loops; loop++) {
    for (const frame of recording.frames) {
      const tMs = frame.timestampMs + loop * loopMs;
      const step = stepCoach(exercise, coach, { ...frame, timestampMs: tMs }, 'beginner', false);
      coach = step.state;
      state = stepWorkout(state, {
        type: 'frame',
        tMs,
        coaching: step.coaching,
        imageSize: frame.imageSize,
      });
      if (countedFromMs === null && state.phase === 'counting') countedFromMs = tMs;
    }
  }
  const end = stepWorkout(state, { type: 'end-set', tMs: loops * loopMs });
  const track = end.sets[0]?.replay;
  if (!track || countedFromMs === null) throw new Error(`${clip}: no replay recorded`);
  return { track, countedFromMs, loopMs, end };
}

/** Where in the clip a moment of the replay was (no pause in these sets). */
function clipMs(watched: Watched, replayMs: number): number {
  return (watched.countedFromMs + replayMs) % watched.loopMs;
}

describe(`a sagging plank (${SAGGING}) looped 5 times, replayed`, () => {
  const watched = watch(SAGGING, 'plank', 5);
  const { track } = watched;
  const faultSpans = track.spans.filter((s) => s.kind === 'fault');

  it('keeps the skeleton about 10 times a second, with the back outline where it was read', () => {
    expect(track.joints).toEqual(REPLAY_JOINTS);
    const seconds = track.durationMs / 1000;
    expect(track.frames.length / seconds).toBeGreaterThan(6); // 15 fps clip, one frame per 100 ms
    expect(track.frames.length / seconds).toBeLessThanOrEqual(10.5);
    expect(track.frames.filter((f) => f.outline.length >= 2).length).toBeGreaterThan(10);
    expect(track.imageSize).toEqual(loadRecording(SAGGING).frames[0]?.imageSize);
  });

  it('marks the sag where it was cued: in the clip’s sagging half, never in its prone start', () => {
    expect(faultSpans.map((s) => s.fault)).toContain('plank.hips-sagging');
    expect(faultSpans.every((s) => s.fault === 'plank.hips-sagging')).toBe(true);
    // The clip lies prone (the plank's setup phase) until 1.87 s, then holds and sags.
    for (const span of faultSpans) {
      expect(clipMs(watched, span.startMs)).toBeGreaterThanOrEqual(1800);
    }
    // The workout credited the same faults the timeline shows.
    expect(Object.keys(watched.end.sets[0]?.counts.faults ?? {})).toEqual(['plank.hips-sagging']);
  });

  it('keeps the back outline the sag was read on at every kept frame of a cued sag', () => {
    const inFault = track.frames.filter((f) =>
      faultSpans.some((s) => f.tMs >= s.startMs && f.tMs < s.endMs),
    );
    expect(inFault.length).toBeGreaterThan(5);
    expect(inFault.every((f) => f.outline.length >= 2)).toBe(true);
  });

  it('marks what could not be judged apart from the cued fault', () => {
    const unsure = track.spans.filter((s) => s.kind === 'unsure');
    expect(unsure.length).toBeGreaterThan(0);
    for (const span of track.spans) {
      expect(span.endMs).toBeGreaterThanOrEqual(span.startMs);
      expect(span.endMs).toBeLessThanOrEqual(track.durationMs);
    }
  });

  it('stores in about 1.2 kB a second and reads back the same', () => {
    const record = replayRecordOf(track, {
      sessionId: 's',
      setIndex: 0,
      recordedAt: '2025-03-03T07:00:00.000Z',
    });
    const chars = JSON.stringify(record).length;
    expect(chars / (track.durationMs / 1000)).toBeLessThan(1500);
    const back = trackOf(record);
    expect(back.frames.map((f) => f.tMs)).toEqual(track.frames.map((f) => f.tMs));
    expect(back.spans).toEqual(track.spans);
    const hip = REPLAY_JOINTS.indexOf('left_hip');
    const visibilityStep = 1 / 15;
    track.frames.forEach((frame, i) => {
      const a = frame.joints[hip];
      const b = back.frames[i]?.joints[hip];
      if (!a || !b) return;
      expect(b.x).toBe(a.x);
      expect(Math.abs(b.visibility - a.visibility)).toBeLessThanOrEqual(visibilityStep / 2);
    });
  });
});

describe(`a bird-dog (${BIRD_DOG}) looped 5 times, replayed`, () => {
  const watched = watch(BIRD_DOG, 'bird-dog', 5);
  const { track } = watched;
  const counted = watched.end.sets[0]?.counts;

  it('marks each counted rep, with its side, in order and inside the set', () => {
    expect(track.reps.length).toBe(counted?.reps);
    expect(track.reps.length).toBeGreaterThanOrEqual(4);
    expect(track.reps.filter((r) => r.side === 'left').length).toBe(counted?.left);
    track.reps.forEach((rep, i) => {
      expect(rep.endMs).toBeGreaterThan(rep.startMs);
      expect(rep.endMs).toBeLessThanOrEqual(track.durationMs);
      expect(rep.startMs).toBeGreaterThanOrEqual(track.reps[i - 1]?.endMs ?? 0);
    });
  });

  it('a rep lasts as long as the clip’s rep (one per 2.5 s loop)', () => {
    const spans = track.reps.map((r) => r.endMs - r.startMs);
    for (const ms of spans) {
      expect(ms).toBeGreaterThan(800);
      expect(ms).toBeLessThan(watched.loopMs);
    }
  });
});

describe('a set with a pause', () => {
  it('leaves the pause out of the replay’s clock', () => {
    let state = stepWorkout(INITIAL_WORKOUT, {
      type: 'start',
      exercise: BRIDGE,
      plan: { kind: 'reps', sets: 1, reps: 10, restSeconds: 30 },
      tMs: 0,
    });
    const size = { width: 640, height: 480 };
    const feed = (events: ReturnType<typeof frames>): void => {
      for (const event of events) {
        state = stepWorkout(state, event.type === 'frame' ? { ...event, imageSize: size } : event);
      }
    };
    feed(frames(0, 3000, () => ({})));
    expect(state.phase).toBe('counting');
    const countedAt = state.recording?.clockMs ?? 0;
    state = stepWorkout(state, { type: 'pause', reason: 'user', tMs: 3050 });
    state = stepWorkout(state, { type: 'resume', tMs: 60_000 });
    feed(frames(60_000, 64_000, (t) => (t === 63_000 ? { repDone: makeRep(null, [], t) } : {})));
    state = stepWorkout(state, { type: 'end-set', tMs: 64_000 });
    const track = state.sets[0]?.replay;
    // Counted for about 3 s before the pause and up to 4 s after it (less placing again).
    expect(track?.durationMs).toBeGreaterThan(countedAt + 2000);
    expect(track?.durationMs).toBeLessThan(countedAt + 4100);
    expect(track?.reps).toHaveLength(1);
    expect(track?.reps[0]?.endMs).toBeLessThanOrEqual(track?.durationMs ?? 0);
  });
});

describe('a long hold', () => {
  it(`stays under ${String(REPLAY_BUDGET_CHARS / 1000)} kB: 20 minutes with an outline every frame`, () => {
    // The worst case: every frame kept has the full back outline and every joint.
    const recording = loadRecording(SAGGING);
    const size = recording.frames[0]?.imageSize ?? { width: 640, height: 480 };
    const curve: Evidence = {
      kind: 'line',
      from: { x: 100, y: 200, name: null },
      via: Array.from({ length: 30 }, (_, i) => ({ x: 110 + i * 5, y: 210 + i, name: null })),
      to: { x: 300, y: 250, name: null },
      about: null,
    };
    let replay = startRecording('plank');
    const loopMs = loopMsOf(recording);
    const minutes = 20;
    for (let loop = 0; loop * loopMs < minutes * 60_000; loop++) {
      for (const frame of recording.frames) {
        replay = stepRecording(replay, {
          tMs: frame.timestampMs + loop * loopMs,
          imageSize: size,
          pose: frame.poses[0] ?? null,
          evidence: [curve],
          faults: loop % 2 === 0 ? ['plank.hips-sagging'] : [],
          unsure: [],
          repDone: null,
        });
      }
    }
    expect(replay.frames.length).toBeLessThanOrEqual(MAX_REPLAY_FRAMES);
    expect(replay.frames.length).toBeGreaterThan(MAX_REPLAY_FRAMES / 2);
    expect(replay.frames.every((f) => f.outline.length === 8)).toBe(true);
    expect(replay.frames[0]?.joints[REPLAY_JOINTS.indexOf('nose')]).not.toBeNull();
    const track = {
      exercise: 'plank',
      imageSize: size,
      durationMs: Math.round(replay.clockMs),
      joints: REPLAY_JOINTS,
      frames: replay.frames,
      reps: replay.reps,
      spans: replay.spans,
    };
    const record = replayRecordOf(track, {
      sessionId: 's',
      setIndex: 0,
      recordedAt: '2025-03-03T07:00:00.000Z',
    });
    expect(JSON.stringify(record).length).toBeLessThanOrEqual(REPLAY_BUDGET_CHARS);
  });
});

describe('the seconds each fault was cued', () => {
  it('sum the fault spans of a set, to a tenth of a second, leaving what was not judged out', () => {
    const { track } = watch(SAGGING, 'plank', 2);
    const seconds = faultSecondsOf(track);
    const spans = track.spans.filter((s) => s.kind === 'fault');
    const total = spans.reduce((sum, s) => sum + s.endMs - s.startMs, 0) / 1000;
    expect(Object.keys(seconds)).toEqual(['plank.hips-sagging']);
    expect(seconds['plank.hips-sagging']).toBeCloseTo(total, 1);
    expect(seconds['plank.hips-sagging']).toBeGreaterThan(1);
  });
});
