import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../tests/support/fixtures';
import type { FixtureEngine } from '../../tests/support/fixtures';
import {
  FORWARD_HEAD_LEAN_BEGINNER_DEG,
  SHOULDER_TILT_BEGINNER_DEG,
} from './exercises/wall-posture';
import type { LandmarkName } from './landmarks';
import { LANDMARK_INDEX, LANDMARK_NAMES } from './landmarks';
import type { ImageSize, Pose } from './pose';
import type { PostureCheck, PostureMeasureId, PostureReading } from './posture-measures';
import {
  POSTURE_MEASURE_IDS,
  POSTURE_MEASURES,
  hasMeasurements,
  postureMetrics,
} from './posture-measures';
import {
  KNEES_LOCKED_BEGINNER_DEG,
  WEIGHT_SHIFT_BEGINNER_PCT_TORSO,
  checkPosture,
} from './posture-check';
import { mirrorPose, translatePose } from './testing/make-pose';
import { FIXTURE_IMAGE, plankSide, standingFront, standingSideFacingRight } from './testing/poses';
import { rotateAbout, transformLandmarks } from './testing/reshape';

/**
 * The real standing-posture photos (labels.csv) as the posture check reads them, BlazePose full /
 * MoveNet lightning:
 *
 * | file                  | label                     | view  | measured                                             |
 * | --------------------- | ------------------------- | ----- | ---------------------------------------------------- |
 * | forwardhead_side_01   | forward head (+ rounded)  | side  | head lean 54.8° / 47.0°; no ankles: plumb not judged |
 * | neutral_front_01..04  | none                      | front | shoulder tilt <= 2.8°, hip <= 3.3°, head <= 3.9°,   |
 * |                       |                           |       | weight shift <= 3.6% of the torso                    |
 */
const SIDE_PHOTO = 'standing_posture/standing_posture_forwardhead_side_01.jpg';
const FRONT_PHOTOS = [1, 2, 3, 4].map(
  (n) => `standing_posture/standing_posture_neutral_front_0${String(n)}.jpg`,
);
const ENGINES: readonly FixtureEngine[] = ['mediapipe-full', 'movenet-lightning'];
const SIDE_MEASURES = POSTURE_MEASURE_IDS.filter((id) => POSTURE_MEASURES[id].view === 'side');
const FRONT_MEASURES = POSTURE_MEASURE_IDS.filter((id) => POSTURE_MEASURES[id].view === 'front');
const HEAD: readonly LandmarkName[] = LANDMARK_NAMES.slice(0, LANDMARK_INDEX.mouth_right + 1);
const UPPER_BODY: readonly LandmarkName[] = LANDMARK_NAMES.slice(0, LANDMARK_INDEX.right_hip + 1);

function still(file: string, engine: FixtureEngine): { imageSize: ImageSize; poses: Pose[] } {
  const frame = loadRecording(file, engine).frames[0];
  if (!frame) throw new Error(`${file} has no frame`);
  return { imageSize: frame.imageSize, poses: [...frame.poses] };
}

function judged(check: PostureCheck): Extract<PostureCheck, { status: 'ok' }> {
  if (check.status !== 'ok') throw new Error(`not judged: ${JSON.stringify(check)}`);
  return check;
}

function value(reading: PostureReading | undefined): number {
  if (reading?.kind !== 'measured') throw new Error(`not measured: ${JSON.stringify(reading)}`);
  return reading.value;
}

function point(pose: Pose, name: LandmarkName): { x: number; y: number } {
  const found = pose.landmarks[LANDMARK_INDEX[name]];
  if (!found) throw new Error(`${name} missing`);
  return found;
}

function hidden(pose: Pose, names: readonly LandmarkName[]): Pose {
  return transformLandmarks(pose, names, (p) => ({ ...p, visibility: 0 }));
}

describe('posture check on the real standing photos', () => {
  it.each(ENGINES)('upper-body side photo, head down to a phone (%s): forward head', (engine) => {
    for (const strictness of ['beginner', 'advanced'] as const) {
      const check = judged(checkPosture(still(SIDE_PHOTO, engine), strictness));
      expect(check.view).toBe('side');
      expect(check.flags).toContain('posture.forward-head');
      expect(check.flags.filter((f) => f !== 'posture.forward-head')).not.toContain(
        'posture.knees-locked',
      );
      expect(value(check.readings.forwardHeadLeanDeg)).toBeGreaterThan(
        FORWARD_HEAD_LEAN_BEGINNER_DEG + 10,
      );
      expect(check.readings.forwardHeadLeanDeg).toMatchObject({ flagged: true });
      // Cut at mid-thigh: the plumb line needs the ankles, and says so instead of a number.
      for (const id of [
        'earForwardOfAnklePctHeight',
        'hipForwardOfAnklePctHeight',
        'kneeBendDeg',
      ] as const) {
        const reading = check.readings[id];
        expect(reading.kind).toBe('unseen');
        if (reading.kind === 'unseen') expect(reading.parts).toContain('ankles');
      }
      for (const id of FRONT_MEASURES) {
        expect(check.readings[id]).toEqual({ kind: 'other-view', needs: 'front' });
      }
      expect(check.advice).toBe('setup.step-back');
      expect(Object.keys(postureMetrics(check))).toContain('forwardHeadLeanDeg');
    }
  });

  it.each(FRONT_PHOTOS.flatMap((file) => ENGINES.map((engine) => [file, engine] as const)))(
    'level front view %s (%s): every front number measured, nothing flagged, side ones need a side view',
    (file, engine) => {
      for (const strictness of ['beginner', 'advanced'] as const) {
        const check = judged(checkPosture(still(file, engine), strictness));
        expect(check.view).toBe('front');
        expect(check.flags).toEqual([]);
        for (const id of FRONT_MEASURES) {
          expect(check.readings[id]).toMatchObject({ kind: 'measured', flagged: false });
        }
        expect(value(check.readings.weightShiftPctTorso)).toBeLessThan(
          WEIGHT_SHIFT_BEGINNER_PCT_TORSO - 6,
        );
        for (const id of SIDE_MEASURES) {
          expect(check.readings[id]).toEqual({ kind: 'other-view', needs: 'side' });
        }
        expect(check.advice).toBe('setup.turn-sideways');
        expect(Object.keys(postureMetrics(check)).sort()).toEqual([...FRONT_MEASURES].sort());
      }
    },
  );
});

describe('posture check from the front: derived from a level real photo', () => {
  const photo = still(FRONT_PHOTOS[0] ?? '', 'mediapipe-full');
  const pose = photo.poses[0] as Pose;
  const torso =
    point(pose, 'left_hip').y / 2 +
    point(pose, 'right_hip').y / 2 -
    (point(pose, 'left_shoulder').y / 2 + point(pose, 'right_shoulder').y / 2);

  /** Hips, trunk and head carried sideways over one foot, the feet where they were. */
  function shifted(pctTorso: number): Pose {
    const dx = (pctTorso / 100) * torso;
    const hipsAndUp = LANDMARK_NAMES.slice(0, LANDMARK_INDEX.right_hip + 1);
    return transformLandmarks(pose, hipsAndUp, (p) => ({ ...p, x: p.x + dx }));
  }

  it('weight shifted onto one leg past the threshold is flagged; less is not', () => {
    const over = judged(
      checkPosture({ ...photo, poses: [shifted(WEIGHT_SHIFT_BEGINNER_PCT_TORSO + 5)] }, 'beginner'),
    );
    expect(over.flags).toContain('posture.weight-shifted');
    expect(over.readings.weightShiftPctTorso).toMatchObject({ flagged: true });
    const under = judged(
      checkPosture({ ...photo, poses: [shifted(WEIGHT_SHIFT_BEGINNER_PCT_TORSO - 6)] }, 'beginner'),
    );
    expect(under.flags).not.toContain('posture.weight-shifted');
  });

  it('a dropped shoulder is flagged with its measured tilt', () => {
    const pivot = point(pose, 'left_shoulder');
    const arm: LandmarkName[] = ['right_shoulder', 'right_elbow', 'right_wrist'];
    const turn = point(pose, 'right_shoulder').x > pivot.x ? 1 : -1;
    const dropped = transformLandmarks(pose, arm, (p) =>
      rotateAbout(p, pivot, turn * (SHOULDER_TILT_BEGINNER_DEG + 5)),
    );
    const check = judged(checkPosture({ ...photo, poses: [dropped] }, 'beginner'));
    expect(check.flags).toEqual(['posture.shoulders-uneven']);
    expect(value(check.readings.shoulderTiltDeg)).toBeGreaterThan(SHOULDER_TILT_BEGINNER_DEG);
  });

  it('with the ankles hidden, weight shift says it cannot see the ankles', () => {
    const check = judged(
      checkPosture(
        { ...photo, poses: [hidden(pose, ['left_ankle', 'right_ankle', 'left_heel'])] },
        'beginner',
      ),
    );
    expect(check.readings.weightShiftPctTorso).toEqual({ kind: 'unseen', parts: ['ankles'] });
    expect(check.readings.shoulderTiltDeg.kind).toBe('measured');
    expect(postureMetrics(check)).not.toHaveProperty('weightShiftPctTorso');
  });
});

describe('posture check from the side: a full-body standing pose', () => {
  const pose = standingSideFacingRight();
  const image = { imageSize: FIXTURE_IMAGE };
  const midline = (joint: 'ear' | 'hip' | 'ankle') => {
    const [left, right] = [point(pose, `left_${joint}`), point(pose, `right_${joint}`)];
    return { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
  };
  const [ankle, hip] = [midline('ankle'), midline('hip')];
  const earToAnkle = ankle.y - midline('ear').y;
  const upright = judged(checkPosture({ ...image, poses: [pose] }, 'beginner'));

  /** Knees moved `deg` of bend along the hip-ankle line: positive forward (soft), negative back. */
  function kneesBent(deg: number): Pose {
    const halfLeg = (ankle.y - hip.y) / 2;
    const dx = halfLeg * Math.tan(((deg / 2) * Math.PI) / 180);
    const midX = (ankle.x + hip.x) / 2;
    return transformLandmarks(pose, ['left_knee', 'right_knee'], (p) => ({ ...p, x: midX + dx }));
  }

  it('standing tall: every side number measured, all near the plumb line, nothing flagged', () => {
    const check = judged(checkPosture({ ...image, poses: [pose] }, 'advanced'));
    expect(check.view).toBe('side');
    expect(check.flags).toEqual([]);
    for (const id of SIDE_MEASURES) expect(check.readings[id].kind).toBe('measured');
    expect(Math.abs(value(check.readings.hipForwardOfAnklePctHeight))).toBeLessThan(1);
    expect(check.marks.some((mark) => mark.kind === 'plumb-line')).toBe(true);
    expect(check.marks.filter((mark) => mark.kind === 'segment')).toHaveLength(4);
  });

  it('hips pushed forward by 10% of the height read 10% more, whichever way the person faces', () => {
    const dx = earToAnkle / 10;
    const before = value(upright.readings.hipForwardOfAnklePctHeight);
    const forward = transformLandmarks(pose, UPPER_BODY, (p) => ({ ...p, x: p.x + dx }));
    const right = judged(checkPosture({ ...image, poses: [forward] }, 'beginner'));
    expect(value(right.readings.hipForwardOfAnklePctHeight) - before).toBeCloseTo(10, 1);
    const left = judged(checkPosture({ ...image, poses: [mirrorPose(forward, 320)] }, 'beginner'));
    expect(value(left.readings.hipForwardOfAnklePctHeight) - before).toBeCloseTo(10, 1);
    const headAhead = transformLandmarks(pose, HEAD, (p) => ({ ...p, x: p.x + dx }));
    const head = judged(checkPosture({ ...image, poses: [headAhead] }, 'beginner'));
    const earBefore = value(upright.readings.earForwardOfAnklePctHeight);
    expect(value(head.readings.earForwardOfAnklePctHeight) - earBefore).toBeCloseTo(10, 1);
  });

  it('knees pushed back (locked) past the threshold are flagged; straight or soft knees are not', () => {
    const locked = judged(
      checkPosture({ ...image, poses: [kneesBent(-(KNEES_LOCKED_BEGINNER_DEG + 4))] }, 'beginner'),
    );
    expect(locked.flags).toEqual(['posture.knees-locked']);
    expect(value(locked.readings.kneeBendDeg)).toBeCloseTo(-(KNEES_LOCKED_BEGINNER_DEG + 4), 0);
    const straight = judged(checkPosture({ ...image, poses: [kneesBent(-2)] }, 'beginner'));
    expect(straight.flags).toEqual([]);
    const soft = judged(checkPosture({ ...image, poses: [kneesBent(8)] }, 'beginner'));
    expect(soft.flags).toEqual([]);
    expect(value(soft.readings.kneeBendDeg)).toBeCloseTo(8, 0);
  });

  it('with the feet out of frame, the plumb line says what it cannot see', () => {
    const cropped = hidden(pose, ['left_ankle', 'right_ankle']);
    const check = judged(checkPosture({ ...image, poses: [cropped] }, 'beginner'));
    expect(check.readings.kneeForwardOfAnklePctHeight).toEqual({
      kind: 'unseen',
      parts: ['ankles'],
    });
    expect(check.readings.forwardHeadLeanDeg.kind).toBe('measured');
    expect(check.marks.some((mark) => mark.kind === 'plumb-line')).toBe(false);
  });
});

describe('posture check: when there is nothing to judge it says why, and keeps nothing', () => {
  const image = { imageSize: FIXTURE_IMAGE };

  it('no person', () => {
    const check = checkPosture({ ...image, poses: [] }, 'beginner');
    expect(check).toEqual({ status: 'no-person' });
    expect(hasMeasurements(check)).toBe(false);
  });

  it('two people: it does not guess whom to judge', () => {
    const one = standingSideFacingRight();
    const check = checkPosture({ ...image, poses: [one, translatePose(one, 200, 0)] }, 'beginner');
    expect(check).toEqual({ status: 'several-people', people: 2 });
    expect(postureMetrics(check)).toEqual({});
  });

  it('shoulders out of view', () => {
    const check = checkPosture(
      { ...image, poses: [hidden(standingFront(), ['left_shoulder', 'right_shoulder'])] },
      'beginner',
    );
    expect(check).toMatchObject({ status: 'cannot-see' });
    if (check.status === 'cannot-see') expect(check.unseen).toContain('shoulders');
  });

  it('lying down is not a standing posture', () => {
    expect(checkPosture({ ...image, poses: [plankSide(0)] }, 'beginner')).toMatchObject({
      status: 'wrong-view',
      advice: 'setup.get-in-position',
    });
  });

  it('a three-quarter view asks to turn sideways', () => {
    const front = standingFront();
    const turned: Pose = {
      ...front,
      landmarks: front.landmarks.map((p) => (p ? { ...p, x: 320 + (p.x - 320) * 0.7 } : p)),
    };
    expect(checkPosture({ ...image, poses: [turned] }, 'beginner')).toEqual({
      status: 'wrong-view',
      advice: 'setup.turn-sideways',
    });
  });
});

describe('posture measures', () => {
  it('every measure name carries its unit, as stored snapshots name them', () => {
    for (const id of POSTURE_MEASURE_IDS) {
      const unit = POSTURE_MEASURES[id].unit;
      expect(id).toMatch(unit === 'deg' ? /Deg$/ : /Pct[A-Z][a-z]+$/);
    }
  });

  it('a measured reading is always a finite number', () => {
    const check = judged(
      checkPosture({ imageSize: FIXTURE_IMAGE, poses: [standingFront()] }, 'beginner'),
    );
    for (const [id, number] of Object.entries(postureMetrics(check))) {
      expect(Number.isFinite(number), id).toBe(true);
      expect(POSTURE_MEASURE_IDS).toContain(id as PostureMeasureId);
    }
  });
});
