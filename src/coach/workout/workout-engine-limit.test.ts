/**
 * A Pallof press with MoveNet, on the real clip recorded with it: the press and the trunk's turn
 * are read in depth (world landmarks), which MoveNet does not give. The screen says so and names
 * the engine that can, rather than asking for a start position that could never count.
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { GUIDANCE_WORDING } from '../../content/cues';
import { initialCoachState, stepCoach } from '../../pose/exercises/coach';
import { pallofPress } from '../../pose/exercises/pallof-press';
import { presentWorkout } from './present';
import { INITIAL_WORKOUT, stepWorkout } from './workout';

describe('a Pallof press set with MoveNet', () => {
  const recording = loadRecording(
    'pallof_press/pallof_press_good_front_video_01.mp4',
    'movenet-lightning',
  );
  let coach = initialCoachState(pallofPress);
  let state = stepWorkout(INITIAL_WORKOUT, {
    type: 'start',
    exercise: pallofPress,
    plan: { kind: 'reps', sets: 3, reps: 8, restSeconds: 60 },
    tMs: 0,
  });
  for (const frame of recording.frames) {
    const step = stepCoach(pallofPress, coach, frame, 'beginner', false);
    coach = step.state;
    state = stepWorkout(state, { type: 'frame', tMs: frame.timestampMs, coaching: step.coaching });
  }

  it('says this engine cannot count or check it, and never starts the set', () => {
    expect(state.phase).toBe('placing');
    expect(presentWorkout(state, EXERCISE_CONTENT['pallof-press']).headline?.text).toBe(
      GUIDANCE_WORDING['setup.needs-depth-engine'],
    );
    expect(GUIDANCE_WORDING['setup.needs-depth-engine']).toMatch(/MediaPipe/);
  });
});
