import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { landmark } from '../pose';
import { ARM_CUT_FROM_UPPER_ARM, ARM_CUT_RADIUS_TORSOS, armCuts } from './arm-cuts';

describe('armCuts on a real bridge (glute_bridge_archedback_03, BlazePose full)', () => {
  const pose = loadRecording('glute_bridge/glute_bridge_archedback_03.jpg').frames[0]?.poses[0];
  if (!pose) throw new Error('no pose');

  it('cuts both arms from half-way down the upper arm to the hand, 0.1 torso lengths wide', () => {
    const cuts = armCuts(pose.landmarks);
    expect(cuts).toHaveLength(6);
    const shoulder = landmark(pose, 'left_shoulder');
    const elbow = landmark(pose, 'left_elbow');
    const hip = landmark(pose, 'left_hip');
    if (!shoulder || !elbow || !hip) throw new Error('no left arm');
    const first = cuts[0];
    expect(first?.from.x).toBeCloseTo(shoulder.x + ARM_CUT_FROM_UPPER_ARM * (elbow.x - shoulder.x));
    expect(first?.to).toEqual({ x: elbow.x, y: elbow.y });
    const torso = Math.max(
      Math.hypot(shoulder.x - hip.x, shoulder.y - hip.y),
      Math.hypot(
        (landmark(pose, 'right_shoulder')?.x ?? 0) - (landmark(pose, 'right_hip')?.x ?? 0),
        (landmark(pose, 'right_shoulder')?.y ?? 0) - (landmark(pose, 'right_hip')?.y ?? 0),
      ),
    );
    expect(first?.radiusPx).toBeCloseTo(ARM_CUT_RADIUS_TORSOS * torso);
  });

  it('cuts nothing without shoulders and hips to scale by', () => {
    expect(armCuts(pose.landmarks.map(() => null))).toEqual([]);
  });
});
