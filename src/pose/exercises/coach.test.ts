import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import type { Pose, PoseFrame } from '../pose';
import { firstPose, movedPose } from '../testing/reshape';
import { initialCoachState, stepCoach } from './coach';
import { plank } from './plank';

/** A real good plank clip, and a real person standing facing the camera (someone on the sofa). */
const PLANK_CLIP = loadRecording('plank/plank_good_video_02.mp4');
const WATCHING = firstPose(loadRecording('standing_posture/standing_posture_neutral_front_01.jpg'));

/** The watcher standing at the picture's left edge, a third of its height tall. */
function watcherIn(frame: PoseFrame): Pose {
  const ys = WATCHING.landmarks.flatMap((point) => (point ? [point.y] : []));
  const xs = WATCHING.landmarks.flatMap((point) => (point ? [point.x] : []));
  const feet = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: Math.max(...ys) };
  const scale = frame.imageSize.height / 3 / (Math.max(...ys) - Math.min(...ys));
  return movedPose(WATCHING, scale, feet, {
    x: 0.1 * frame.imageSize.width,
    y: 0.98 * frame.imageSize.height,
  });
}

/** Good-form seconds of the plank over these frames. */
function heldSeconds(frames: readonly PoseFrame[]): number {
  let state = initialCoachState(plank);
  for (const frame of frames) state = stepCoach(plank, state, frame, 'beginner', false).state;
  return state.session.hold.goodMs / 1000;
}

describe('who is coached when someone else was in view first', () => {
  const stepMs = 1000 / 15;
  const first = PLANK_CLIP.frames[0];
  if (!first) throw new Error('the plank clip has no frame');
  const watcherAlone = Array.from({ length: 15 }, (_, i) => ({
    ...first,
    timestampMs: first.timestampMs + (i - 15) * stepMs,
    poses: [watcherIn(first)],
  }));
  const withWatcher = PLANK_CLIP.frames.map((frame) => ({
    ...frame,
    poses: [...frame.poses, watcherIn(frame)],
  }));

  it('hands the set to the person who gets into the plank, not the one watching', () => {
    const alone = heldSeconds(PLANK_CLIP.frames);
    expect(alone).toBeGreaterThan(1);
    expect(heldSeconds([...watcherAlone, ...withWatcher])).toBeCloseTo(alone, 1);
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
