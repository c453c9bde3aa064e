/**
 * Sets framed close, as a laptop near the person films them: the real side-on squat with the
 * picture's bottom edge raised over the feet, and the real dead bug with its feet's end cut (a
 * lifted foot leaves the picture). The set starts and counts from what is still seen, and says
 * what a step back would let it check, instead of holding the set at "step back" (issue #12:
 * count from what is still seen).
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { watchSet } from '../../../tests/support/watch-set';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { announcementText } from '../../content/workout';
import { deadBug } from '../../pose/exercises/dead-bug';
import { squat } from '../../pose/exercises/squat';
import type { Exercise } from '../../pose/exercises/types';
import type { PoseRecording } from '../../pose/recording';
import { closerFramedRecording } from '../../pose/testing/reshape';
import { presentWorkout } from './present';

/** A real clip with `share` of the body's length cut off at one end of the picture. */
function framedClose(file: string, share: number, end: 'first' | 'last'): PoseRecording {
  return closerFramedRecording(loadRecording(file), share, end);
}

/** The set's state and every headline it showed while counting. */
function watched(exercise: Exercise, clip: PoseRecording, plays: number, reps: number) {
  const headlines = new Set<string>();
  const clips = Array<PoseRecording>(plays).fill(clip);
  const { state, announced } = watchSet(exercise, clips, reps, (frame) => {
    const text = presentWorkout(frame, EXERCISE_CONTENT[exercise.id]).headline?.text;
    if (frame.phase === 'counting' && text !== undefined) headlines.add(text);
  });
  const started = announced.flatMap((what) =>
    what.kind === 'set-started' ? [announcementText(what)] : [],
  );
  return { state, headlines, started };
}

describe('a squat set with the feet below the picture', () => {
  const clip = framedClose('squat/squat_heelsrising_side_video_01.mp4', 0.1, 'last');
  const { state, headlines, started } = watched(squat, clip, 4, 10);

  it('starts and counts the squats the placement let through', () => {
    expect(state.phase).toBe('counting');
    expect(state.tally.counts.reps).toBeGreaterThanOrEqual(2);
  });

  it('says once, as the set starts, that part of the person is out of the picture', () => {
    expect(started).toEqual([
      'Set 1. Go. Part of you is out of the picture. I am counting, but step back so I can check all of your form.',
    ]);
  });

  it('asks for a step back to check the heels, and never calls them good', () => {
    expect(headlines).toContain('Counting. Step back so I can check your heels too.');
    expect(headlines).not.toContain('Good form');
  });
});

describe('a dead bug set with a foot leaving the picture', () => {
  const clip = framedClose('dead_bug/dead_bug_good_video_03.mp4', 0.08, 'first');
  const { state, headlines } = watched(deadBug, clip, 1, 10);

  it('counts every rep', () => {
    expect(state.tally.counts.reps).toBe(6);
  });

  it('says the lower back needs a step back while the foot is out', () => {
    expect(headlines).toContain('Counting. Step back so I can check your lower back too.');
  });
});
