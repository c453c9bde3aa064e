/**
 * The Pallof press and the suitcase deadlift are done one side at a time (seed 000: the weight or
 * the band at one side), and the Plan gives their reps per side: the set counts the first side's
 * reps, says when to switch, then counts the second side's, and ends when both have them. On the
 * real Pallof press clip (5 presses); the other side is the same clip DERIVED, mirrored.
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { watchSet } from '../../../tests/support/watch-set';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { pallofPress } from '../../pose/exercises/pallof-press';
import type { PoseRecording } from '../../pose/recording';
import { presentWorkout } from './present';

const PRESS = loadRecording('pallof_press/pallof_press_good_front_video_01.mp4');

function mirrored(recording: PoseRecording): PoseRecording {
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({
      ...frame,
      poses: frame.poses.map((pose) => ({
        ...pose,
        landmarks: pose.landmarks.map((p) => (p ? { ...p, x: frame.imageSize.width - p.x } : null)),
      })),
    })),
  };
}

describe('a set done one side at a time', () => {
  it('counts the first side, says to switch at its reps, then counts the second side', () => {
    const { state, announced } = watchSet(pallofPress, [PRESS], 3);
    expect(announced.filter((what) => what.kind === 'switch-sides')).toHaveLength(1);
    expect(state.phase).toBe('counting');
    const view = presentWorkout(state, EXERCISE_CONTENT['pallof-press']);
    expect(view.progress).toEqual({ value: '2', target: 'of 3 reps on this side' });
    const counters = Object.fromEntries(view.counters.map((c) => [c.label, c.value]));
    expect(counters).toMatchObject({ 'First side': '3', 'Second side': '2' });
  });

  it('ends the set once the second side has its reps too', () => {
    const { state } = watchSet(pallofPress, [PRESS, mirrored(PRESS)], 3);
    expect(state.phase).toBe('finished');
    expect(state.sets[0]?.counts.reps).toBe(6);
  });

  it('is what the Plan says: reps per side', () => {
    expect(EXERCISE_CONTENT['pallof-press'].sidesInTurn).toBe(true);
    expect(EXERCISE_CONTENT['suitcase-deadlift'].sidesInTurn).toBe(true);
  });
});
