/**
 * The measures of issue #16 on recorded landmarks of real clips, through the pipeline the live app
 * runs (`stepCoach`, then the workout): the "slow down" cue, the range meter and the set summary's
 * tempo and balance. Clips loop as the fake camera loops them.
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { SLOW_DOWN_TEXT } from '../../content/workout';
import { initialCoachState, stepCoach } from '../../pose/exercises/coach';
import { findExercise } from '../../pose/exercises/registry';
import type { ExerciseId } from '../../pose/exercises/types';
import type { PoseFrame } from '../../pose/pose';
import type { PoseRecording } from '../../pose/recording';
import { frameStepMs } from '../../pose/recording';
import { CONTROLLED_LOWERING_EXERCISES } from '../measures';
import type { WorkoutView } from './present';
import { presentWorkout } from './present';
import type { WorkoutState } from './workout';
import { INITIAL_WORKOUT, cueKey, stepWorkout } from './workout';

interface Watched {
  readonly end: WorkoutState;
  readonly said: readonly string[];
  /** The range meter of every frame while counting (null where hidden). */
  readonly meters: readonly WorkoutView['rangeMeter'][];
}

/** Plays a recording `loops` times into a one-set workout of `reps` reps. */
function watch(id: ExerciseId, recording: PoseRecording, reps: number, loops = 2): Watched {
  const exercise = findExercise(id);
  if (!exercise) throw new Error(`no ${id} in the registry`);
  const content = EXERCISE_CONTENT[id];
  const loopMs = (recording.frames.at(-1)?.timestampMs ?? 0) + frameStepMs(recording);
  let coach = initialCoachState(exercise);
  let state = stepWorkout(INITIAL_WORKOUT, {
    type: 'start',
    exercise: content,
    plan: { kind: 'reps', sets: 1, reps, restSeconds: 30 },
    tMs: 0,
  });
  const said: string[] = [];
  const meters: WorkoutView['rangeMeter'][] = [];
  for (let loop = 0; loop < loops; loop++) {
    for (const frame of recording.frames) {
      const tMs = frame.timestampMs + loop * loopMs;
      const step = stepCoach(exercise, coach, { ...frame, timestampMs: tMs }, 'beginner', false);
      coach = step.state;
      const before = state.cue.spoken?.seq;
      state = stepWorkout(state, { type: 'frame', tMs, coaching: step.coaching });
      const spoken = state.cue.spoken;
      if (spoken && spoken.seq !== before) said.push(cueKey(spoken.cue));
      if (state.phase === 'counting') meters.push(presentWorkout(state, content).rangeMeter);
    }
  }
  return { end: state, said, meters };
}

/**
 * The same clip with each rep's lowering cut to one frame: the frames between its first and last
 * are dropped and the rest of the clip moves up in time (the limb let fall instead of lowered).
 */
function withDroppedLowerings(id: ExerciseId, clip: string): PoseRecording {
  const exercise = findExercise(id);
  if (!exercise || exercise.kind !== 'reps') throw new Error(`no rep exercise ${id}`);
  const recording = loadRecording(clip);
  const lowerAsRising = exercise.repCounter.beginner.lowering === 'rising';
  let coach = initialCoachState(exercise);
  const windows: { fromMs: number; toMs: number }[] = [];
  for (const frame of recording.frames) {
    const step = stepCoach(exercise, coach, frame, 'beginner', false);
    coach = step.state;
    const rep = step.coaching.repDone;
    if (!rep || rep.tempo.lowerMs === null) continue;
    windows.push(
      lowerAsRising
        ? { fromMs: rep.startMs, toMs: rep.startMs + rep.tempo.lowerMs }
        : { fromMs: rep.endMs - rep.tempo.lowerMs, toMs: rep.endMs },
    );
  }
  const inside = (t: number) => windows.some((w) => t > w.fromMs && t < w.toMs);
  const kept = recording.frames.filter((frame) => !inside(frame.timestampMs));
  const frames: PoseFrame[] = kept.map((frame, i) => ({
    ...frame,
    timestampMs: i * frameStepMs(recording),
  }));
  return { ...recording, frames };
}

const GOOD_CONTROLLED_CLIPS: readonly [ExerciseId, string, number][] = [
  ['bird-dog', 'bird_dog/bird_dog_good_video_03.mp4', 1],
  ['bird-dog', 'bird_dog/bird_dog_good_video_02.gif', 1],
  ['bird-dog', 'rendered/rendered_bird_dog_01.mp4', 1],
  // Labelled for the leg's height, not its tempo: a real person's ordinary lowering, 8 times.
  ['bird-dog', 'bird_dog/bird_dog_legtoohigh_video_01.mp4', 4],
  ['dead-bug', 'dead_bug/dead_bug_good_video_03.mp4', 3],
  ['dead-bug', 'rendered/rendered_dead_bug_01.mp4', 1],
];

describe('"slow down" where the seeds ask for control', () => {
  it('asks it of the bird-dog and the dead bug only', () => {
    expect([...CONTROLLED_LOWERING_EXERCISES].sort()).toEqual(['bird-dog', 'dead-bug']);
  });

  it.each(GOOD_CONTROLLED_CLIPS)('is never said over the real %s clip %s', (id, clip, reps) => {
    const watched = watch(id, loadRecording(clip), reps, 3);
    expect(watched.end.tally.counts.reps + watched.end.sets.length).toBeGreaterThan(0);
    expect(watched.said).not.toContain('slow-down');
  });

  it('is said when the good dead bug lets each leg fall in one frame instead of lowering it', () => {
    const watched = watch(
      'dead-bug',
      withDroppedLowerings('dead-bug', 'dead_bug/dead_bug_good_video_03.mp4'),
      3,
    );
    expect(watched.said).toContain('slow-down');
    expect(SLOW_DOWN_TEXT).toMatch(/slow/i);
  });

  it('is said when the bird-dog lets arm and leg fall in one frame', () => {
    const watched = watch(
      'bird-dog',
      withDroppedLowerings('bird-dog', 'bird_dog/bird_dog_legtoohigh_video_01.mp4'),
      4,
    );
    expect(watched.said).toContain('slow-down');
  });
});

describe('the range meter on a real superman', () => {
  const watched = watch('superman', loadRecording('superman/superman_good_video_01.mp4'), 6);

  it('fills up to past its target line at each lift and drops below the rest line between', () => {
    const shown = watched.meters.filter((meter) => meter !== null);
    expect(shown.length).toBeGreaterThan(watched.meters.length / 2);
    expect(shown.some((meter) => meter.reached && meter.fill > meter.targetAt)).toBe(true);
    expect(shown.some((meter) => meter.fill < meter.restAt)).toBe(true);
    for (const meter of shown) {
      expect(meter.targetAt).toBeCloseTo(2 / 3);
      expect(meter.valueText).toMatch(/^-?\d+°$/);
      expect(meter.targetText).toBe('8°');
    }
  });

  it('gives the set summary the median tempo of its reps', () => {
    const summary = watched.end.sets[0];
    expect(summary?.reps.length).toBe(6);
    const line = presentWorkout(watched.end, EXERCISE_CONTENT.superman).setLines[0]?.text;
    expect(line).toMatch(/Median tempo: down \d\.\d s · pause \d\.\d s · up \d\.\d s\./);
  });
});

describe('left and right after a real bird-dog set', () => {
  it('counts 4 reps a side, their reach even within 10 %', () => {
    const watched = watch(
      'bird-dog',
      loadRecording('bird_dog/bird_dog_legtoohigh_video_01.mp4'),
      4,
    );
    const line = presentWorkout(watched.end, EXERCISE_CONTENT['bird-dog']).setLines[0]?.text ?? '';
    expect(line).toMatch(
      /Left \/ right: reps 4 \/ 4, range 1\.\d\d \/ 1\.\d\d lift\. Even within 10 %\./,
    );
  });
});

describe('the range meter shows only what the check judges', () => {
  it('is hidden on every frame of the real superman not judged or in setup, shown on the rest', () => {
    const superman = findExercise('superman');
    if (!superman) throw new Error('no superman');
    let coach = initialCoachState(superman);
    let shown = 0;
    for (const frame of loadRecording('superman/superman_good_video_01.mp4').frames) {
      const step = stepCoach(superman, coach, frame, 'beginner', false);
      coach = step.state;
      const { result, range } = step.coaching;
      const judged = result.status === 'ok' && result.phase !== superman.setupPhase;
      expect(range === null).toBe(!judged || result.repSignal === null);
      if (range) {
        expect(range.value).toBe(result.repSignal);
        shown += 1;
      }
    }
    expect(shown).toBeGreaterThan(100);
  });

  it('is never shown for a hold', () => {
    const watched = watch(
      'side-plank',
      loadRecording('side_plank/side_plank_good_video_03.mp4'),
      1,
    );
    expect(watched.meters.every((meter) => meter === null)).toBe(true);
  });
});

describe('a side plank on each side, real clips', () => {
  it('compares the seconds held on the left with those on the right after the second set', () => {
    const sidePlank = findExercise('side-plank');
    if (!sidePlank) throw new Error('no side plank');
    const content = EXERCISE_CONTENT['side-plank'];
    let state = stepWorkout(INITIAL_WORKOUT, {
      type: 'start',
      exercise: content,
      plan: { kind: 'hold', sets: 2, holdSeconds: 600, restSeconds: 30 },
      tMs: 0,
    });
    let offsetMs = 0;
    // A woman on her left forearm, then a man propped on his right arm (labels.csv): one set each.
    for (const clip of [
      'side_plank/side_plank_good_video_03.mp4',
      'side_plank/side_plank_good_armraised_video_02.mp4',
    ]) {
      let coach = initialCoachState(sidePlank);
      const recording = loadRecording(clip);
      for (const frame of recording.frames) {
        const tMs = frame.timestampMs + offsetMs;
        const step = stepCoach(sidePlank, coach, { ...frame, timestampMs: tMs }, 'beginner', false);
        coach = step.state;
        state = stepWorkout(state, { type: 'frame', tMs, coaching: step.coaching });
      }
      offsetMs += (recording.frames.at(-1)?.timestampMs ?? 0) + 1000;
      state = stepWorkout(state, { type: 'end-set', tMs: offsetMs });
      state = stepWorkout(state, { type: 'skip-rest', tMs: offsetMs });
    }
    const [first, second] = presentWorkout(state, content).setLines;
    // One side only after the first set: nothing to compare yet.
    expect(first?.text).not.toContain('Left / right');
    expect(second?.text).toMatch(
      /Left \/ right: hold 1\d s \/ 1\d s\. Uneven \(over 10 % apart\): hold\./,
    );
  });
});
