import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../tests/support/fixtures';
import { LANDMARK_NAMES } from './landmarks';
import { gatherLandmarks } from './requirements';
import { makePose, withLandmark } from './testing/make-pose';
import { FIXTURE_IMAGE, plankSide, standingFront } from './testing/poses';
import { nastyPose, seededRandom } from './testing/random';
import { firstPose, transformLandmarks } from './testing/reshape';
import {
  BODY_PART_OF_LANDMARK,
  MIN_SCORE_MOVENET,
  MIN_VISIBILITY_BLAZEPOSE,
  bodyPartsOf,
  defaultMinVisibility,
  hiddenInFrame,
  seenLandmark,
} from './visibility';

const options = { imageSize: FIXTURE_IMAGE };

describe('body parts', () => {
  it('names a part for every landmark', () => {
    expect(BODY_PART_OF_LANDMARK.left_foot_index).toBe('feet');
    expect(BODY_PART_OF_LANDMARK.right_index).toBe('hands');
    expect(BODY_PART_OF_LANDMARK.mouth_left).toBe('head');
    expect(BODY_PART_OF_LANDMARK.left_hip).toBe('hips');
    expect(LANDMARK_NAMES.every((name) => BODY_PART_OF_LANDMARK[name].length > 0)).toBe(true);
  });

  it('lists parts once each, head to toe', () => {
    expect(bodyPartsOf(['left_ankle', 'left_hip', 'right_hip', 'nose'])).toEqual([
      'head',
      'hips',
      'ankles',
    ]);
  });
});

describe('seenLandmark', () => {
  it('uses the engine-appropriate threshold', () => {
    expect(defaultMinVisibility(makePose({}))).toBe(MIN_SCORE_MOVENET);
    expect(defaultMinVisibility(makePose({}, { world: {} }))).toBe(MIN_VISIBILITY_BLAZEPOSE);
    const movenetHip = makePose({ left_hip: { x: 10, y: 10, visibility: 0.4 } });
    const blazeposeHip = makePose({ left_hip: { x: 10, y: 10, visibility: 0.4 } }, { world: {} });
    expect(seenLandmark(movenetHip, 'left_hip', options)).not.toBeNull();
    expect(seenLandmark(blazeposeHip, 'left_hip', options)).toBeNull();
  });

  it('treats NaN and points outside the image (beyond a small margin) as unseen', () => {
    const pose = makePose({
      left_hip: [Number.NaN, 100],
      right_hip: [-5, 100],
      left_knee: [-100, 100],
      right_knee: [320, 600],
      left_ankle: { x: 10, y: 10, visibility: Number.NaN },
    });
    expect(seenLandmark(pose, 'left_hip', options)).toBeNull();
    expect(seenLandmark(pose, 'right_hip', options)).not.toBeNull();
    expect(seenLandmark(pose, 'left_knee', options)).toBeNull();
    expect(seenLandmark(pose, 'right_knee', options)).toBeNull();
    expect(seenLandmark(pose, 'left_ankle', options)).toBeNull();
    expect(seenLandmark(pose, 'left_knee', { imageSize: null })).not.toBeNull();
  });
});

describe('gatherLandmarks', () => {
  it('returns named points when everything is seen', () => {
    const seen = gatherLandmarks(
      standingFront(),
      { nose: 'nose', hip: { anyOf: ['left_hip', 'right_hip'] } },
      options,
    );
    expect(seen.ok).toBe(true);
    if (seen.ok) {
      expect(seen.points.nose.name).toBe('nose');
      expect(['left_hip', 'right_hip']).toContain(seen.points.hip.name);
      expect(seen.side).toBeNull();
    }
  });

  it('picks the most visible member of an anyOf group', () => {
    const pose = makePose({
      left_hip: { x: 10, y: 10, visibility: 0.6 },
      right_hip: { x: 20, y: 10, visibility: 0.9 },
    });
    const seen = gatherLandmarks(pose, { hip: { anyOf: ['left_hip', 'right_hip'] } }, options);
    expect(seen.ok && seen.points.hip.name).toBe('right_hip');
  });

  it('names the body parts it cannot see, so the UI can say "I can\'t see your hips"', () => {
    const pose = withLandmark(withLandmark(standingFront(), 'left_hip', null), 'right_hip', null);
    const seen = gatherLandmarks(
      pose,
      { shoulder: 'left_shoulder', hip: { anyOf: ['left_hip', 'right_hip'] }, ankle: 'left_ankle' },
      options,
    );
    expect(seen).toEqual({ ok: false, unseen: ['hips'] });
  });

  it('reads every nearSide joint from the same side', () => {
    const seen = gatherLandmarks(
      plankSide(),
      {
        shoulder: { nearSide: 'shoulder' },
        hip: { nearSide: 'hip' },
        ankle: { nearSide: 'ankle' },
      },
      options,
    );
    expect(seen.ok).toBe(true);
    if (seen.ok) {
      expect(seen.side).toBe('right');
      expect([seen.points.shoulder.name, seen.points.hip.name, seen.points.ankle.name]).toEqual([
        'right_shoulder',
        'right_hip',
        'right_ankle',
      ]);
    }
  });

  it('does not fall back to the far side when a near-side joint is out of frame', () => {
    const pose = withLandmark(plankSide(), 'right_ankle', {
      x: 700,
      y: 340,
      z: -100,
      visibility: 0.99,
    });
    const seen = gatherLandmarks(
      pose,
      { hip: { nearSide: 'hip' }, ankle: { nearSide: 'ankle' } },
      options,
    );
    expect(seen).toEqual({ ok: false, unseen: ['ankles'] });
  });

  it('reports everything needed on an empty pose, and never throws on garbage', () => {
    expect(
      gatherLandmarks(makePose({}), { hip: { nearSide: 'hip' }, nose: 'nose' }, options),
    ).toEqual({
      ok: false,
      unseen: ['head', 'hips'],
    });
    const random = seededRandom(11);
    for (let i = 0; i < 2000; i += 1) {
      const seen = gatherLandmarks(
        nastyPose(random),
        { a: { nearSide: 'shoulder' }, b: { anyOf: ['left_hip', 'right_hip'] }, c: 'nose' },
        { imageSize: FIXTURE_IMAGE },
      );
      if (seen.ok) {
        expect(
          Object.values(seen.points).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
        ).toBe(true);
      } else {
        expect(seen.unseen.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('hiddenInFrame', () => {
  const recording = loadRecording('side_plank/side_plank_good_forearm_02.jpg');
  const pose = firstPose(recording);
  const imageSize = recording.frames[0]?.imageSize ?? null;

  it('is true for ankles placed inside the picture but hidden (a side plank seen from above)', () => {
    expect(
      gatherLandmarks(pose, { ankle: { anyOf: ['left_ankle', 'right_ankle'] } }, { imageSize }),
    ).toEqual({ ok: false, unseen: ['ankles'] });
    expect(hiddenInFrame(pose, ['ankles'], imageSize)).toBe(true);
  });

  it('is false when a part lies out of the picture, or nothing is unseen', () => {
    const width = imageSize?.width ?? 0;
    const cut = transformLandmarks(pose, ['left_ankle'], (p) => ({ ...p, x: width * 1.2 }));
    expect(hiddenInFrame(cut, ['ankles'], imageSize)).toBe(false);
    expect(hiddenInFrame(pose, [], imageSize)).toBe(false);
    expect(hiddenInFrame(pose, ['ankles'], null)).toBe(false);
  });
});
