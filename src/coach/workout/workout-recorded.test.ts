/**
 * The workout on recorded landmarks of a clip from issue #17 (a good forearm plank filmed from the
 * front three-quarter view), looped as the fake camera loops it: the pipeline the live app runs
 * (`stepCoach`), then the workout state machine: what is said, and what the set is credited.
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { initialCoachState, stepCoach } from '../../pose/exercises/coach';
import { findExercise } from '../../pose/exercises/registry';
import { frameStepMs } from '../../pose/recording';
import { CUE_REPEAT_MS } from './cue-policy';
import type { WorkoutState } from './workout';
import { INITIAL_WORKOUT, cueKey, stepWorkout } from './workout';

const CLIP = 'plank/plank_unknown_forearm_34view_01.mp4';
/** How long the run watched the plank, in ms. */
const WATCHED_MS = 44_000;

interface Watched {
  readonly end: WorkoutState;
  /** Each cue said, by key, with the frame time it was said at. */
  readonly said: readonly { readonly key: string; readonly atMs: number }[];
}

function watchPlank(holdSeconds: number): Watched {
  const plank = findExercise('plank');
  if (!plank) throw new Error('no plank in the registry');
  const recording = loadRecording(CLIP);
  const loopMs = (recording.frames.at(-1)?.timestampMs ?? 0) + frameStepMs(recording);
  let coach = initialCoachState(plank);
  let state = stepWorkout(INITIAL_WORKOUT, {
    type: 'start',
    exercise: plank,
    plan: { kind: 'hold', sets: 1, holdSeconds, restSeconds: 30 },
    tMs: 0,
  });
  const said: { key: string; atMs: number }[] = [];
  for (let loop = 0; loop * loopMs < WATCHED_MS; loop++) {
    for (const frame of recording.frames) {
      const tMs = frame.timestampMs + loop * loopMs;
      const step = stepCoach(plank, coach, { ...frame, timestampMs: tMs }, 'beginner', false);
      coach = step.state;
      const before = state.cue.spoken?.seq;
      state = stepWorkout(state, { type: 'frame', tMs, coaching: step.coaching });
      const spoken = state.cue.spoken;
      if (spoken && spoken.seq !== before) said.push({ key: cueKey(spoken.cue), atMs: tMs });
    }
  }
  return { end: state, said };
}

describe(`a good plank filmed from the front three-quarter view (${CLIP})`, () => {
  const watched = watchPlank(30);

  it('never says a cue again sooner than CUE_REPEAT_MS', () => {
    const tooSoon = watched.said.filter(({ key, atMs }, i) =>
      watched.said.slice(0, i).some((s) => s.key === key && atMs - s.atMs < CUE_REPEAT_MS),
    );
    expect(tooSoon).toEqual([]);
  });

  it('credits the good-form seconds of the hold', () => {
    expect(watched.end.phase).toBe('finished');
    expect(watched.end.sets[0]?.counts.holdSeconds).toBeGreaterThanOrEqual(30);
  });
});
