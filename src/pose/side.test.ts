import { describe, expect, it } from 'vitest';
import { facingDirection, nearSide, sideChain, sideLandmarkName } from './side';
import { makePose, mirrorPose } from './testing/make-pose';
import { FIXTURE_IMAGE, plankSide, standingFront, standingSideFacingRight } from './testing/poses';
import { nastyPose, seededRandom } from './testing/random';

const options = { imageSize: FIXTURE_IMAGE };

describe('nearSide', () => {
  it('uses BlazePose depth when the sides differ clearly', () => {
    expect(nearSide(standingSideFacingRight(), options)).toEqual({
      side: 'left',
      evidence: 'depth',
    });
    expect(nearSide(plankSide(), options)).toEqual({ side: 'right', evidence: 'depth' });
  });

  it('falls back to visibility without depth (MoveNet)', () => {
    const pose = makePose({
      left_shoulder: { x: 300, y: 100, visibility: 0.4 },
      right_shoulder: { x: 302, y: 100, visibility: 0.8 },
      left_hip: { x: 300, y: 220, visibility: 0.35 },
      right_hip: { x: 302, y: 220, visibility: 0.9 },
    });
    expect(nearSide(pose, options)).toEqual({ side: 'right', evidence: 'visibility' });
  });

  it('is null with nothing seen', () => {
    expect(nearSide(makePose({}), options)).toBeNull();
  });
});

describe('sideChain', () => {
  it("returns one side's joints, null where unseen", () => {
    const chain = sideChain(plankSide(), 'right', options);
    expect(chain.hip?.x).toBe(320);
    expect(chain.ear?.x).toBe(165);
    expect(sideLandmarkName('left', 'foot_index')).toBe('left_foot_index');
    expect(sideChain(makePose({}), 'left', options).knee).toBeNull();
  });
});

describe('facingDirection', () => {
  it('tells which way the face points in a side view, and not in a front view', () => {
    expect(facingDirection(standingSideFacingRight(), options)).toBe('right');
    expect(facingDirection(mirrorPose(standingSideFacingRight(), 320), options)).toBe('left');
    expect(facingDirection(standingFront(), options)).toBeNull();
  });
});

describe('side helpers are total', () => {
  it('never throw on garbage poses', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 2000; i += 1) {
      const pose = nastyPose(random);
      expect([null, 'left', 'right']).toContain(nearSide(pose, options)?.side ?? null);
      sideChain(pose, 'left', options);
      expect([null, 'left', 'right']).toContain(facingDirection(pose, options));
    }
  });
});
