import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../tests/support/fixtures';
import { deviationBelowLine } from './geometry/lines';
import type { LandmarkName } from './landmarks';
import type { Pose } from './pose';
import { firstPose, turnedAboutVertical } from './testing/reshape';
import { worldSideView } from './world-side-view';

/** The hip's deviation from the shoulder-ankle line (left side) in the world side view. */
function worldHipDeviationDeg(pose: Pose): number | null {
  const view = worldSideView(pose, 'left_shoulder', 'left_ankle');
  const at = (name: LandmarkName) => view?.(name) ?? null;
  return (
    deviationBelowLine(at('left_hip'), at('left_shoulder'), at('left_ankle'))?.deviationDeg ?? null
  );
}

describe('worldSideView', () => {
  const pose = firstPose(loadRecording('plank/plank_hipshigh_02.jpg'));

  it('reads the real piked plank the same from any camera turned about the vertical', () => {
    const sideOn = worldHipDeviationDeg(pose);
    expect(sideOn).toBeLessThan(-40);
    for (const degrees of [30, 60, 90, -45]) {
      expect(worldHipDeviationDeg(turnedAboutVertical(pose, degrees))).toBeCloseTo(sideOn ?? 0, 6);
    }
  });

  it('has no side view without world landmarks (MoveNet) or for an upright line', () => {
    expect(
      worldSideView({ ...pose, worldLandmarks: null }, 'left_shoulder', 'left_ankle'),
    ).toBeNull();
    expect(worldSideView(pose, 'left_shoulder', 'left_shoulder')).toBeNull();
  });
});
