import { describe, expect, it } from 'vitest';
import type { Pose, PoseFrame } from '../../src/pose/pose';
import { LANDMARK_INDEX } from '../../src/pose/landmarks';
import { loadRecording } from '../../tests/support/fixtures';
import { addFramePair, emptyScaleErrors } from './scale-error';

/** A real recorded frame (the bench clip) with a person in it. */
function realFrame(): PoseFrame {
  const frame = loadRecording('plank/plank_sagging_video_01.mp4').frames.find(
    (candidate) => candidate.poses.length > 0,
  );
  if (!frame) throw new Error('The plank fixture has no person.');
  return frame;
}

/** The same frame as the model would see it at `scale`, with `move` applied to each landmark. */
function scaledCopy(
  frame: PoseFrame,
  scale: number,
  move: (pose: Pose, index: number) => { x: number; y: number } = () => ({ x: 0, y: 0 }),
): PoseFrame {
  return {
    ...frame,
    imageSize: { width: frame.imageSize.width * scale, height: frame.imageSize.height * scale },
    poses: frame.poses.map((pose) => ({
      ...pose,
      landmarks: pose.landmarks.map((point, index) =>
        point
          ? {
              ...point,
              x: point.x * scale + move(pose, index).x,
              y: point.y * scale + move(pose, index).y,
            }
          : null,
      ),
    })),
  };
}

describe('landmark error against full-size frames', () => {
  it('is zero for the same landmarks found on a half-size frame', () => {
    const frame = realFrame();
    const errors = emptyScaleErrors();
    addFramePair(errors, frame, scaledCopy(frame, 0.5));
    expect(errors.landmarkPx.length).toBeGreaterThan(5);
    expect(Math.max(...errors.landmarkPx)).toBeCloseTo(0, 6);
    expect(Math.max(...errors.angleDeg)).toBeCloseTo(0, 6);
  });

  it('counts a half-size pixel as two full-size pixels, and moves the angles at that joint', () => {
    const frame = realFrame();
    const errors = emptyScaleErrors();
    const hips = [LANDMARK_INDEX.left_hip, LANDMARK_INDEX.right_hip];
    addFramePair(
      errors,
      frame,
      scaledCopy(frame, 0.5, (_pose, index) => ({ x: 0, y: hips.includes(index) ? 10 : 0 })),
    );
    expect(Math.max(...errors.landmarkPx)).toBeCloseTo(20, 6);
    expect(Math.max(...errors.angleDeg)).toBeGreaterThan(1);
  });

  it('counts a frame where the smaller size lost the person', () => {
    const frame = realFrame();
    const errors = emptyScaleErrors();
    addFramePair(errors, frame, { ...scaledCopy(frame, 0.5), poses: [] });
    expect(errors).toMatchObject({ lostPeople: 1, framesWithPerson: 1, landmarkPx: [] });
  });
});
