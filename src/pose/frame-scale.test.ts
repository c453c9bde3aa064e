import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../tests/support/fixtures';
import { toFullFrame } from './frame-scale';
import type { PoseFrame } from './pose';

/** A real frame with a silhouette: the sagging plank as MediaPipe full saw it (720 x 480). */
function realFrame(): PoseFrame {
  const frame = loadRecording('plank/plank_sagging_video_01.mp4').frames.find(
    (candidate) => candidate.poses[0]?.outline,
  );
  if (!frame) throw new Error('The fixture has no frame with an outline.');
  return frame;
}

/** The same poses as an engine finds them on the frame shrunk to `scale` of its size. */
function shrunk(frame: PoseFrame, scale: number): PoseFrame {
  return {
    ...frame,
    imageSize: {
      width: Math.round(frame.imageSize.width * scale),
      height: Math.round(frame.imageSize.height * scale),
    },
    poses: frame.poses.map((pose) => ({
      ...pose,
      landmarks: pose.landmarks.map(
        (point) =>
          point && {
            ...point,
            x: point.x * scale,
            y: point.y * scale,
            z: point.z === null ? null : point.z * scale,
          },
      ),
      ...(pose.outline
        ? { outline: { ...pose.outline, xy: pose.outline.xy.map((value) => value * scale) } }
        : {}),
    })),
  };
}

describe('toFullFrame', () => {
  it('puts landmarks, depth and the silhouette found on a 3/4 frame back in full-frame pixels', () => {
    const full = realFrame();
    const back = toFullFrame(shrunk(full, 0.75), full.imageSize);
    expect(back.imageSize).toEqual(full.imageSize);
    const [pose] = back.poses;
    const [original] = full.poses;
    if (!pose || !original) throw new Error('no pose');
    pose.landmarks.forEach((point, i) => {
      const expected = original.landmarks[i];
      expect(point?.x).toBeCloseTo(expected?.x ?? Number.NaN, 6);
      expect(point?.y).toBeCloseTo(expected?.y ?? Number.NaN, 6);
      expect(point?.z).toBeCloseTo(expected?.z ?? Number.NaN, 6);
      expect(point?.visibility).toBe(expected?.visibility);
    });
    expect(pose.outline?.xy.length).toBe(original.outline?.xy.length);
    pose.outline?.xy.forEach((value, i) => {
      expect(value).toBeCloseTo(original.outline?.xy[i] ?? Number.NaN, 6);
    });
    expect(pose.worldLandmarks).toEqual(original.worldLandmarks);
  });

  it('leaves a frame found at full size as it is', () => {
    const full = realFrame();
    expect(toFullFrame(full, full.imageSize)).toBe(full);
  });
});
