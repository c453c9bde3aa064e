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

/*
 * Side-on pulls of real clips, each played twice as the fake camera loops it: what each rep keeps
 * (issue #14) is what the screen shows after it, and a pull cued rounded at the floor is a rep
 * with that fault, not a clean one.
 */
describe('a deadlift set side-on', () => {
  const rounded = loadRecording('deadlift/deadlift_roundedback_side_video_01.mp4');
  const good = loadRecording('deadlift/deadlift_good_side_video_01.mp4');

  it('counts the rounded pulls as reps with the fault and shows the curve each kept', () => {
    const { state } = watchSet(deadlift, [rounded, rounded], 2);
    const set = state.sets[0];
    expect(set?.counts.reps).toBe(2);
    expect(set?.counts.cleanReps).toBe(0);
    expect(set?.counts.repFaults).toEqual({ 'hinge.rounded-back': 2 });
  });

  it("shows after each pull its hips' lowest angle and its back's curve", () => {
    const { state } = watchSet(deadlift, [good, good], 3);
    expect(state.phase).toBe('counting');
    expect(state.tally.counts).toMatchObject({ reps: 2, cleanReps: 2 });
    const shown = presentWorkout(state, EXERCISE_CONTENT.deadlift).lastRepMeasures;
    expect(shown).toMatch(
      /^hips bent to \d+° · lower back (curved|arched) \d° · upper back (curved|arched) \d°$/,
    );
  });
});
