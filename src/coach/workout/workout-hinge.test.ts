/**
 * A deadlift set filmed from the front three-quarter view (issue #17): the live pipeline (stepCoach,
 * then the workout) on the real clip's landmarks, played twice as the fake camera loops it. The set
 * starts without asking to turn sideways, each pull counts, and the back is said to need a side
 * view instead of being called good.
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { watchSet } from '../../../tests/support/watch-set';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { deadlift } from '../../pose/exercises/deadlift';
import { presentWorkout } from './present';

const CLIP = loadRecording('deadlift/deadlift_good_threequarter_video_03.mp4');

describe('a deadlift set from the front three-quarter view', () => {
  it('counts the pull of each loop and finishes the set, with no cue', () => {
    const { state } = watchSet(deadlift, [CLIP, CLIP], 2);
    expect(state.phase).toBe('finished');
    expect(state.sets[0]?.counts.reps).toBe(2);
    expect(state.sets[0]?.counts.faults).toEqual({});
  });

  it('says once that form needs a side view, and shows it while counting', () => {
    const { state, announced } = watchSet(deadlift, [CLIP], 5);
    expect(state.phase).toBe('counting');
    expect(announced).toContainEqual(expect.objectContaining({ limit: 'needs-side-view' }));
    // Its knees are judged from here (world landmarks): only the back needs the side view.
    expect(presentWorkout(state, EXERCISE_CONTENT.deadlift).headline?.text).toBe(
      'Counting. Turn sideways so I can check your back too.',
    );
  });
});
