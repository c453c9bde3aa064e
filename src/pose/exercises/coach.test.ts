import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import type { Pose, PoseFrame } from '../pose';
import { firstPose, movedPose } from '../testing/reshape';
import { initialCoachState, stepCoach } from './coach';
import { deadlift } from './deadlift';
import { plank } from './plank';
import type { Exercise } from './types';

/** A real good plank clip, and a real person standing facing the camera (someone on the sofa). */
const PLANK_CLIP = loadRecording('plank/plank_good_video_02.mp4');
const WATCHING = firstPose(loadRecording('standing_posture/standing_posture_neutral_front_01.jpg'));

/** A real good deadlift: set up at the bar, one pull to lockout at 1.6 s, lowered from 2.6 s. */
const DEADLIFT_CLIP = loadRecording('deadlift/deadlift_good_side_video_01.mp4');

/** `who` standing (or bent) at the picture's left edge, a third of its height tall. */
function watcherIn(frame: PoseFrame, who: Pose = WATCHING): Pose {
  const ys = who.landmarks.flatMap((point) => (point ? [point.y] : []));
  const xs = who.landmarks.flatMap((point) => (point ? [point.x] : []));
  const feet = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: Math.max(...ys) };
  const scale = frame.imageSize.height / 3 / (Math.max(...ys) - Math.min(...ys));
  return movedPose(who, scale, feet, {
    x: 0.1 * frame.imageSize.width,
    y: 0.98 * frame.imageSize.height,
  });
}

/** The clip with the watcher alone in view for a second before it, then beside it. */
function watcherFirst(frames: readonly PoseFrame[]): PoseFrame[] {
  const first = frames[0];
  if (!first) throw new Error('the clip has no frame');
  const stepMs = 1000 / 15;
  const alone = Array.from({ length: 15 }, (_, i) => ({
    ...first,
    timestampMs: first.timestampMs + (i - 15) * stepMs,
    poses: [watcherIn(first)],
  }));
  return [
    ...alone,
    ...frames.map((frame) => ({ ...frame, poses: [...frame.poses, watcherIn(frame)] })),
  ];
}

/** The coaching state after these frames. */
function coached(exercise: Exercise, frames: readonly PoseFrame[]) {
  let state = initialCoachState(exercise);
  for (const frame of frames) state = stepCoach(exercise, state, frame, 'beginner', false).state;
  return state;
}

/** Good-form seconds of the plank over these frames. */
function heldSeconds(frames: readonly PoseFrame[]): number {
  return coached(plank, frames).session.hold.goodMs / 1000;
}

describe('who is coached when someone else was in view first', () => {
  const watched = watcherFirst(PLANK_CLIP.frames);
  const watcherAlone = watched.filter((frame) => frame.poses.length === 1);
  const withWatcher = watched.filter((frame) => frame.poses.length === 2);

  it('hands the set to the person who gets into the plank, not the one watching', () => {
    const alone = heldSeconds(PLANK_CLIP.frames);
    expect(alone).toBeGreaterThan(1);
    expect(heldSeconds(watched)).toBeCloseTo(alone, 1);
  });

  it('follows the watcher only until someone is in position, then keeps that person', () => {
    let state = initialCoachState(plank);
    for (const frame of watcherAlone) {
      const step = stepCoach(plank, state, frame, 'beginner', false);
      state = step.state;
      expect(step.coaching.result.status).toBe('wrong-view');
    }
    // Whether the person followed is the one exercising, on each frame where the clip has them.
    const planker: boolean[] = [];
    for (const frame of withWatcher) {
      state = stepCoach(plank, state, frame, 'beginner', false).state;
      if (frame.poses.length === 2) planker.push(state.subject?.pose === frame.poses[0]);
    }
    // Handed over no later than the plank alone is first judged in position, and kept.
    let alone = initialCoachState(plank);
    const firstHeld = PLANK_CLIP.frames.findIndex((frame) => {
      const step = stepCoach(plank, alone, frame, 'beginner', false);
      alone = step.state;
      return step.coaching.inHoldPosition;
    });
    const from = planker.indexOf(true);
    expect(firstHeld).toBeGreaterThan(0);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(from).toBeLessThanOrEqual(firstHeld);
    expect(planker.slice(from).every(Boolean)).toBe(true);
  });
});

describe('who is coached in a lift, where standing is part of the exercise', () => {
  it('hands the set from someone standing by to the lifter who bends to the bar', () => {
    expect(coached(deadlift, DEADLIFT_CLIP.frames).session.reps.reps).toHaveLength(1);
    expect(coached(deadlift, watcherFirst(DEADLIFT_CLIP.frames)).session.reps.reps).toHaveLength(1);
  });

  it('keeps the set of a lifter standing after a rep while someone else bends down in view', () => {
    const lockout = DEADLIFT_CLIP.frames.findIndex((frame) => frame.timestampMs >= 2100);
    const counted = DEADLIFT_CLIP.frames.slice(0, lockout + 1);
    const standing = counted.at(-1);
    const lifter = standing?.poses[0];
    if (!standing || !lifter) throw new Error('the deadlift clip has no lifter at 2.1 s');
    const state = coached(deadlift, counted);
    expect(state.session.reps.reps).toHaveLength(1);
    // The lifter holds the lockout; someone at the side bends as the lifter did at the bar.
    const bending = watcherIn(standing, firstPose(DEADLIFT_CLIP));
    const after = coached(deadlift, [
      ...counted,
      ...Array.from({ length: 15 }, (_, i) => ({
        ...standing,
        timestampMs: standing.timestampMs + ((i + 1) * 1000) / 15,
        poses: [lifter, bending],
      })),
    ]);
    expect(after.subject?.pose).toBe(lifter);
    expect(after.session.reps.reps).toHaveLength(1);
  });
});
