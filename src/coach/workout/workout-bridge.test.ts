/**
 * A glute-bridge set on the rendered bridge clip's landmarks, played three times as the fake camera
 * loops it: the hip line is judged and the reps credited, but a lower back arched with the hip on
 * the line shows from no side (src/pose/exercises/glute-bridge.ts), so the set never says
 * "Good form" over it (issue #12).
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { watchSet } from '../../../tests/support/watch-set';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { announcementText } from '../../content/workout';
import { gluteBridge } from '../../pose/exercises/glute-bridge';
import { presentWorkout } from './present';

const CLIP = loadRecording('rendered/rendered_glute_bridge_01.mp4');

describe('a glute-bridge set, good reps', () => {
  const headlines = new Set<string>();
  const { state, announced } = watchSet(gluteBridge, [CLIP, CLIP, CLIP], 5, (frame) => {
    const text = presentWorkout(frame, EXERCISE_CONTENT['glute-bridge']).headline?.text;
    if (frame.phase === 'counting' && text !== undefined) headlines.add(text);
  });

  it('credits each rep as a good one', () => {
    expect(state.phase).toBe('counting');
    expect(state.tally.counts).toMatchObject({ reps: 3, cleanReps: 3 });
  });

  it('says once, as the set starts, that the lower back cannot be seen', () => {
    const started = announced.filter((what) => what.kind === 'set-started');
    expect(started).toEqual([{ kind: 'set-started', set: 1, limit: 'lower-back-hidden' }]);
    expect(started.map(announcementText)).toEqual([
      'Set 1. Go. In this exercise I cannot see your lower back from any angle, so keep it from arching yourself.',
    ]);
  });

  it('never calls the form good: the headline says the lower back cannot be judged', () => {
    expect(headlines).toContain('Lower back: can’t judge from any angle');
    expect(headlines).not.toContain('Good form');
  });
});
