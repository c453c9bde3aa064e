import { describe, expect, it } from 'vitest';
import { makePose } from './testing/make-pose';
import { FIXTURE_IMAGE, plankSide, standingFront, standingSideFacingRight } from './testing/poses';
import { nastyPose, seededRandom } from './testing/random';
import {
  FRONT_VIEW_MAX_YAW_DEG,
  LEVEL_AXIS_MAX_ELEVATION_DEG,
  SIDE_VIEW_MIN_YAW_DEG,
  estimateView,
} from './view';

/** A standing torso 120 px long turned `yawDeg` from facing the camera. */
function turnedTorso(yawDeg: number) {
  const c = Math.cos((yawDeg * Math.PI) / 180);
  const half = (width: number) => (width * 120 * c) / 2;
  return makePose({
    left_shoulder: [320 + half(0.68), 110],
    right_shoulder: [320 - half(0.68), 110],
    left_hip: [320 + half(0.38), 230],
    right_hip: [320 - half(0.38), 230],
  });
}

/**
 * A body lying along the picture (120 px of torso), seen by a camera walked `turnDeg` round it
 * from side-on and raised `elevationDeg` above it. Its left-right axis, as that camera sees it:
 * across the picture with the turn, up it (image y points down) and into it with the height.
 */
function lyingTorso(turnDeg: number, elevationDeg: number) {
  const turn = (turnDeg * Math.PI) / 180;
  const elevation = (elevationDeg * Math.PI) / 180;
  const axis = [
    Math.sin(turn),
    -Math.cos(turn) * Math.sin(elevation),
    Math.cos(turn) * Math.cos(elevation),
  ] as const;
  const farPx = (x: number, widthPx: number) =>
    [x + axis[0] * widthPx, 240 + axis[1] * widthPx] as const;
  const farMetres = (x: number, widthM: number) =>
    [x + axis[0] * widthM, axis[1] * widthM, axis[2] * widthM] as const;
  return makePose(
    {
      left_shoulder: [260, 240],
      right_shoulder: farPx(260, 0.68 * 120),
      left_hip: [380, 240],
      right_hip: farPx(380, 0.38 * 120),
    },
    {
      world: {
        left_shoulder: [-0.5, 0, 0],
        right_shoulder: farMetres(-0.5, 0.34),
        left_hip: [0, 0, 0],
        right_hip: farMetres(0, 0.19),
      },
    },
  );
}

describe('estimateView', () => {
  it('tells front, three-quarter and side for a standing person', () => {
    expect(estimateView(standingFront(), FIXTURE_IMAGE).view).toBe('front');
    expect(estimateView(turnedTorso(45), FIXTURE_IMAGE).view).toBe('three-quarter');
    expect(estimateView(standingSideFacingRight(), FIXTURE_IMAGE).view).toBe('side');
  });

  it('recovers the yaw it was built with', () => {
    for (const yaw of [0, 20, 45, 70, 90]) {
      expect(estimateView(turnedTorso(yaw), FIXTURE_IMAGE).yawDeg).toBeCloseTo(yaw, 0);
    }
  });

  it('works for a person lying horizontally (plank from the side)', () => {
    expect(estimateView(plankSide(), FIXTURE_IMAGE).view).toBe('side');
  });

  it('reads a camera above a body on the floor as its height, not as the body turned', () => {
    // 20° round and 30° up: the pairs' whole spread reads 53°, three-quarter; across, 69°.
    const fromAbove = lyingTorso(20, 30);
    expect(estimateView(fromAbove, FIXTURE_IMAGE).view).toBe('three-quarter');
    const onFloor = estimateView(fromAbove, FIXTURE_IMAGE, { onFloor: true });
    expect(onFloor.view).toBe('side');
    expect(onFloor.yawDeg).toBeGreaterThan(SIDE_VIEW_MIN_YAW_DEG + 10);
    // Walked round to three-quarter, it stays three-quarter from above too.
    const walkedRound = estimateView(lyingTorso(45, 30), FIXTURE_IMAGE, { onFloor: true });
    expect(walkedRound.view).toBe('three-quarter');
  });

  it('reads a rise past the camera heights it allows as before (a body seen from straight above)', () => {
    const limit = LEVEL_AXIS_MAX_ELEVATION_DEG;
    for (const elevation of [limit + 5, 90]) {
      const pose = lyingTorso(0, elevation);
      expect(estimateView(pose, FIXTURE_IMAGE, { onFloor: true })).toEqual(
        estimateView(pose, FIXTURE_IMAGE),
      );
    }
    expect(estimateView(lyingTorso(0, 90), FIXTURE_IMAGE, { onFloor: true }).view).toBe('front');
  });

  it('is unaffected by rotating the whole image 90 degrees', () => {
    const rotated = {
      ...standingFront(),
      landmarks: standingFront().landmarks.map((p) => (p ? { ...p, x: p.y, y: 640 - p.x } : null)),
    };
    expect(estimateView(rotated, { width: 480, height: 640 }).view).toBe('front');
  });

  it('averages in world depth when BlazePose provides it', () => {
    const pose = makePose(
      {
        left_shoulder: [330, 110],
        right_shoulder: [310, 110],
        left_hip: [325, 230],
        right_hip: [315, 230],
      },
      {
        world: {
          left_shoulder: [0.02, -0.5, -0.17],
          right_shoulder: [-0.02, -0.5, 0.17],
          left_hip: [0.01, 0, -0.1],
          right_hip: [-0.01, 0, 0.1],
        },
      },
    );
    const estimate = estimateView(pose, FIXTURE_IMAGE);
    expect(estimate.view).toBe('side');
    expect(estimate.worldYawDeg).toBeGreaterThan(80);
  });

  it("says 'unknown' when it cannot tell", () => {
    expect(estimateView(null, FIXTURE_IMAGE).view).toBe('unknown');
    expect(estimateView(makePose({ left_shoulder: [1, 1] }), FIXTURE_IMAGE).view).toBe('unknown');
    const tiny = makePose({
      left_shoulder: [105, 100],
      right_shoulder: [100, 100],
      left_hip: [104, 110],
      right_hip: [101, 110],
    });
    expect(estimateView(tiny, FIXTURE_IMAGE).view).toBe('unknown');
  });

  it('has ordered thresholds and never throws on garbage', () => {
    expect(FRONT_VIEW_MAX_YAW_DEG).toBeLessThan(SIDE_VIEW_MIN_YAW_DEG);
    const random = seededRandom(5);
    for (let i = 0; i < 2000; i += 1) {
      const estimate = estimateView(nastyPose(random), FIXTURE_IMAGE);
      expect(['front', 'side', 'three-quarter', 'unknown']).toContain(estimate.view);
      expect(estimate.yawDeg === null || Number.isFinite(estimate.yawDeg)).toBe(true);
    }
  });
});
