import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import type { FixtureEngine } from '../../../tests/support/fixtures';
import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX, LANDMARK_NAMES } from '../landmarks';
import type { ImageSize, Pose } from '../pose';
import type { PoseRecording } from '../recording';
import { exerciseContractViolations } from '../testing/exercise-contract';
import { FIXTURE_IMAGE, plankSide, standingFront, standingSideFacingRight } from '../testing/poses';
import { judgeRecording } from './judge-recording';
import type { FaultId, FormResult, Strictness } from './types';
import {
  FORWARD_HEAD_LEAN_ADVANCED_DEG,
  FORWARD_HEAD_LEAN_BEGINNER_DEG,
  HEAD_TILT_BEGINNER_DEG,
  HIP_TILT_BEGINNER_DEG,
  OFF_PLUMB_LINE_BEGINNER_DEG,
  SHOULDER_TILT_BEGINNER_DEG,
  SHOULDERS_FORWARD_BEGINNER_DEG,
  wallPosture,
} from './wall-posture';
import { UPPER_BODY, firstPose, rotateAbout, transformLandmarks } from '../testing/reshape';

/**
 * Labelled standing-posture photos (labels.csv) and what the checker measured on them (degrees),
 * BlazePose full / MoveNet lightning; verdicts are the same at both strictnesses:
 *
 * | file                         | label        | view  | measured                               | verdict |
 * | ---------------------------- | ------------ | ----- | -------------------------------------- | ------- |
 * | forwardhead_side_01 (upper   | forward-head | side  | head lean 54.8 / 47.0; hips, ankles    | right   |
 * |   body only)                 | (+ rounded)  |       | unseen: plumb line not judged          | (both)  |
 * | neutral_front_01             | none         | front | shoulders 1.1/0.1, hips 3.3/0.2,       | right   |
 * |                              |              |       | head 0.0/0.0                           |         |
 * | neutral_front_02             | none         | front | shoulders 1.8/2.4, hips 1.2/2.4,       | right   |
 * |                              |              |       | head 3.9/0.7                           |         |
 * | neutral_front_03             | none         | front | shoulders 2.8/1.8, hips 0.5/0.5,       | right   |
 * |                              |              |       | head 1.6/0.8                           |         |
 * | neutral_front_04             | none         | front | shoulders 0.8/1.4, hips 1.9/0.8,       | right   |
 * |                              |              |       | head 2.2/3.8                           |         |
 *
 * There is no full-body side photo, so the plumb line and rounded-shoulder checks are tested on
 * the hand-built side pose (`standingSideFacingRight`) with physically described changes.
 */
const FRONT_PHOTOS: readonly string[] = [
  'standing_posture/standing_posture_neutral_front_01.jpg',
  'standing_posture/standing_posture_neutral_front_02.jpg',
  'standing_posture/standing_posture_neutral_front_03.jpg',
  'standing_posture/standing_posture_neutral_front_04.jpg',
];
const SIDE_PHOTO = 'standing_posture/standing_posture_forwardhead_side_01.jpg';
const STRICTNESSES: readonly Strictness[] = ['beginner', 'advanced'];
const ENGINES: readonly FixtureEngine[] = ['mediapipe-full', 'movenet-lightning'];

/** Landmarks above the shoulders: they move with the head. */
const HEAD: readonly LandmarkName[] = LANDMARK_NAMES.slice(0, LANDMARK_INDEX.mouth_right + 1);
const RIGHT_ARM: readonly LandmarkName[] = [
  'right_shoulder',
  'right_elbow',
  'right_wrist',
  'right_pinky',
  'right_index',
  'right_thumb',
];
const RIGHT_LEG: readonly LandmarkName[] = [
  'right_hip',
  'right_knee',
  'right_ankle',
  'right_heel',
  'right_foot_index',
];

function imageSizeOf(recording: PoseRecording): ImageSize {
  return recording.frames[0]?.imageSize ?? FIXTURE_IMAGE;
}

function point(pose: Pose, name: LandmarkName): Vec2 {
  const landmark = pose.landmarks[LANDMARK_INDEX[name]];
  if (!landmark) throw new Error(`${name} missing`);
  return landmark;
}

function midpoint(pose: Pose, a: LandmarkName, b: LandmarkName): Vec2 {
  const [p, q] = [point(pose, a), point(pose, b)];
  return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
}

/** Rotates the named landmarks about `pivot` by `deg`, clockwise on screen (up turns to +x). */
function rotated(pose: Pose, names: readonly LandmarkName[], pivot: Vec2, deg: number): Pose {
  return transformLandmarks(pose, names, (point) => rotateAbout(point, pivot, deg));
}

/** Rotates the named landmarks about `pivot` so that `lead` moves down by `deg`. */
function dropped(
  pose: Pose,
  names: readonly LandmarkName[],
  lead: LandmarkName,
  pivot: Vec2,
  deg: number,
): Pose {
  // Clockwise on screen lowers a point right of the pivot and raises one left of it.
  return rotated(pose, names, pivot, point(pose, lead).x > pivot.x ? deg : -deg);
}

function translated(pose: Pose, names: readonly LandmarkName[], by: Vec2): Pose {
  const moved = new Set(names.map((name) => LANDMARK_INDEX[name]));
  return {
    ...pose,
    landmarks: pose.landmarks.map((p, i) =>
      p && moved.has(i) ? { ...p, x: p.x + by.x, y: p.y + by.y } : p,
    ),
  };
}

function withVisibility(pose: Pose, names: readonly LandmarkName[], visibility: number): Pose {
  const hidden = new Set(names.map((name) => LANDMARK_INDEX[name]));
  return {
    ...pose,
    landmarks: pose.landmarks.map((p, i) => (p && hidden.has(i) ? { ...p, visibility } : p)),
  };
}

function evaluateStill(
  pose: Pose,
  strictness: Strictness,
  imageSize: ImageSize = FIXTURE_IMAGE,
): FormResult {
  return wallPosture.evaluate(pose, wallPosture.initialState(), {
    timestampMs: 0,
    strictness,
    imageSize,
  }).result;
}

/** The pose as a one-photo recording, judged through the whole pipeline. */
function shownOnStill(pose: Pose, strictness: Strictness, imageSize = FIXTURE_IMAGE): FaultId[] {
  const recording: PoseRecording = {
    source: 'derived',
    engine: { engine: 'mediapipe', model: 'full' },
    mode: 'image',
    sampleFps: null,
    frames: [
      {
        engine: 'mediapipe',
        model: 'full',
        timestampMs: 0,
        imageSize,
        poses: [pose],
        inferenceMs: 0,
      },
    ],
  };
  return [...judgeRecording(wallPosture, recording, strictness).shownFaults].sort();
}

/** Frames at 15 fps, each pose held for its number of seconds, as a clip. */
function clip(segments: readonly (readonly [Pose, number])[]): PoseRecording {
  const frameMs = 1000 / 15;
  const poses = segments.flatMap(([pose, seconds]) =>
    Array.from({ length: Math.round(seconds * 15) }, () => pose),
  );
  return {
    source: 'derived clip',
    engine: { engine: 'movenet', model: 'lightning' },
    mode: 'video',
    sampleFps: 15,
    frames: poses.map((pose, i) => ({
      engine: 'movenet',
      model: 'lightning',
      timestampMs: i * frameMs,
      imageSize: FIXTURE_IMAGE,
      poses: [pose],
      inferenceMs: 0,
    })),
  };
}

/** The head turned forward about the shoulders until the shoulder -> ear line leans `deg`. */
function headLeaningForward(pose: Pose, imageSize: ImageSize, deg: number): Pose {
  const lean = evaluateStill(pose, 'beginner', imageSize).metrics.forwardHeadLeanDeg;
  if (lean === undefined) throw new Error('head lean not measured');
  const shoulders = midpoint(pose, 'left_shoulder', 'right_shoulder');
  const facingRight = point(pose, 'nose').x > midpoint(pose, 'left_ear', 'right_ear').x;
  return rotated(pose, HEAD, shoulders, (facingRight ? 1 : -1) * (deg - lean));
}

describe('wall posture on the real standing photos', () => {
  it.each(FRONT_PHOTOS.flatMap((file) => ENGINES.map((engine) => [file, engine] as const)))(
    'level front view %s (%s): judged, no fault, in position, side checks left undecided',
    (file, engine) => {
      const recording = loadRecording(file, engine);
      for (const strictness of STRICTNESSES) {
        const verdict = judgeRecording(wallPosture, recording, strictness);
        expect(verdict.shownFaults).toEqual([]);
        expect(verdict.couldNotJudge).toBe(false);
        expect(verdict.reps).toBeNull();
      }
      const result = evaluateStill(firstPose(recording), 'advanced', imageSizeOf(recording));
      expect(result).toMatchObject({ status: 'ok', view: 'front', phase: 'standing' });
      // Facing the camera is a position the hold counts in: no setup advice.
      expect(result.viewAdvice).toBeNull();
      expect(result.undecided).toEqual([
        { fault: 'posture.forward-head', reason: 'needs-side-view' },
        { fault: 'posture.rounded-shoulders', reason: 'needs-side-view' },
        { fault: 'posture.off-plumb-line', reason: 'needs-side-view' },
      ]);
      expect(result.metrics).toMatchObject({ frontChecksJudged: 1, plumbLineJudged: 0 });
    },
  );

  it.each(ENGINES)(
    'upper-body side photo, looking down at a phone (%s): forward head, plumb line not judged',
    (engine) => {
      const recording = loadRecording(SIDE_PHOTO, engine);
      for (const strictness of STRICTNESSES) {
        const shownFaults = judgeRecording(wallPosture, recording, strictness).shownFaults;
        expect(shownFaults).toContain('posture.forward-head');
        expect(
          shownFaults.filter(
            (f) => f !== 'posture.forward-head' && f !== 'posture.rounded-shoulders',
          ),
        ).toEqual([]);
      }
      const result = evaluateStill(firstPose(recording), 'beginner', imageSizeOf(recording));
      expect(result).toMatchObject({ status: 'ok', view: 'side', viewAdvice: 'setup.step-back' });
      expect(result.metrics.plumbLineJudged).toBe(0);
      expect(result.metrics.forwardHeadLeanDeg).toBeGreaterThan(
        FORWARD_HEAD_LEAN_BEGINNER_DEG + 10,
      );
    },
  );
});

describe('wall posture from the front: derived from a level real photo', () => {
  const recording = loadRecording('standing_posture/standing_posture_neutral_front_01.jpg');
  const pose = firstPose(recording);
  const size = imageSizeOf(recording);
  const leftShoulder = point(pose, 'left_shoulder');
  const leftHip = point(pose, 'left_hip');
  const neckBase = midpoint(pose, 'left_shoulder', 'right_shoulder');
  const margin = 5;

  it('right shoulder dropped about the left one: cued past the threshold, not below it', () => {
    const drop = (deg: number) => dropped(pose, RIGHT_ARM, 'right_shoulder', leftShoulder, deg);
    expect(shownOnStill(drop(SHOULDER_TILT_BEGINNER_DEG + margin), 'beginner', size)).toEqual([
      'posture.shoulders-uneven',
    ]);
    expect(shownOnStill(drop(SHOULDER_TILT_BEGINNER_DEG - margin), 'beginner', size)).toEqual([]);
  });

  it('pelvis dropped on the right (right leg rotated down about the left hip): cued past the threshold', () => {
    const drop = (deg: number) => dropped(pose, RIGHT_LEG, 'right_hip', leftHip, deg);
    expect(shownOnStill(drop(HIP_TILT_BEGINNER_DEG + margin), 'beginner', size)).toEqual([
      'posture.hips-uneven',
    ]);
    expect(shownOnStill(drop(HIP_TILT_BEGINNER_DEG - margin), 'beginner', size)).toEqual([]);
  });

  it('head tilted sideways about the base of the neck: cued past the threshold, not below it', () => {
    const tilt = (deg: number) => rotated(pose, HEAD, neckBase, deg);
    expect(shownOnStill(tilt(HEAD_TILT_BEGINNER_DEG + margin), 'beginner', size)).toEqual([
      'posture.head-tilt',
    ]);
    expect(shownOnStill(tilt(HEAD_TILT_BEGINNER_DEG - margin), 'beginner', size)).toEqual([]);
  });

  it('with the hips hidden, a dropped pelvis is not judged (and said so), never cued', () => {
    const droppedPelvis = dropped(pose, RIGHT_LEG, 'right_hip', leftHip, 20);
    const hidden = withVisibility(droppedPelvis, ['left_hip', 'right_hip'], 0);
    expect(shownOnStill(hidden, 'advanced', size)).toEqual([]);
    const result = evaluateStill(hidden, 'advanced', size);
    expect(result.faults).toEqual([]);
    if (result.status === 'ok') expect(result.metrics.hipsLevelJudged).toBe(0);
    else expect(result.unseen).toContain('hips');
  });

  it('with the shoulders hidden, it says it cannot see them', () => {
    const hidden = withVisibility(pose, ['left_shoulder', 'right_shoulder'], 0);
    const result = evaluateStill(hidden, 'advanced', size);
    expect(result).toMatchObject({ status: 'cannot-see', faults: [] });
    expect(result.unseen).toContain('shoulders');
  });
});

describe('wall posture from the side: derived from the real upper-body photo', () => {
  const recording = loadRecording(SIDE_PHOTO);
  const pose = firstPose(recording);
  const size = imageSizeOf(recording);

  it('the same person with the head turned back over the shoulders (10° lean) is not cued', () => {
    const upright = headLeaningForward(pose, size, 10);
    expect(evaluateStill(upright, 'advanced', size).metrics.forwardHeadLeanDeg).toBeCloseTo(10);
    expect(shownOnStill(upright, 'advanced', size)).toEqual([]);
  });

  it('a head lean between the thresholds is cued only at advanced strictness', () => {
    const between = (FORWARD_HEAD_LEAN_ADVANCED_DEG + FORWARD_HEAD_LEAN_BEGINNER_DEG) / 2;
    const leaning = headLeaningForward(pose, size, between);
    expect(shownOnStill(leaning, 'beginner', size)).toEqual([]);
    expect(shownOnStill(leaning, 'advanced', size)).toEqual(['posture.forward-head']);
  });

  it('with the ears hidden, it says it cannot see the head and cues nothing', () => {
    const hidden = withVisibility(pose, ['left_ear', 'right_ear'], 0);
    const result = evaluateStill(hidden, 'advanced', size);
    expect(result).toMatchObject({ status: 'cannot-see', faults: [] });
    expect(result.unseen).toContain('head');
  });
});

describe('wall posture from the side: plumb line and shoulders (hand-built full-body side pose)', () => {
  const pose = standingSideFacingRight();
  const ankle = point(pose, 'left_ankle');
  const hip = point(pose, 'left_hip');

  /** Sway-back: knees and hips pushed forward over the toes, the upper body carried upright. */
  function hipsSwayedForward(deg: number): Pose {
    const legs = rotated(pose, ['left_knee', 'right_knee', 'left_hip', 'right_hip'], ankle, deg);
    const hipShift = { x: point(legs, 'left_hip').x - hip.x, y: point(legs, 'left_hip').y - hip.y };
    return translated(legs, UPPER_BODY, hipShift);
  }

  /** Slumped upper back: shoulders, arms and head rotated forward about the hips. */
  function slumped(deg: number): Pose {
    return rotated(pose, UPPER_BODY, hip, deg);
  }

  it('standing tall on the plumb line: judged, nothing cued, nothing to change', () => {
    const result = evaluateStill(pose, 'advanced');
    expect(result).toMatchObject({ status: 'ok', view: 'side', phase: 'standing', faults: [] });
    expect(result.viewAdvice).toBeNull();
    expect(result.metrics).toMatchObject({ plumbLineJudged: 1, roundedShouldersJudged: 1 });
  });

  it('hips swayed forward past the plumb-line threshold are cued; a smaller sway is not', () => {
    expect(shownOnStill(hipsSwayedForward(OFF_PLUMB_LINE_BEGINNER_DEG + 4), 'beginner')).toEqual([
      'posture.off-plumb-line',
    ]);
    expect(shownOnStill(hipsSwayedForward(OFF_PLUMB_LINE_BEGINNER_DEG - 5), 'beginner')).toEqual(
      [],
    );
  });

  it('upper back slumped forward past the threshold is cued as rounded shoulders; less is not', () => {
    expect(shownOnStill(slumped(SHOULDERS_FORWARD_BEGINNER_DEG + 5), 'beginner')).toEqual([
      'posture.rounded-shoulders',
    ]);
    expect(shownOnStill(slumped(SHOULDERS_FORWARD_BEGINNER_DEG - 8), 'beginner')).toEqual([]);
  });

  it('with the ankles out of frame, the plumb line is not judged and it asks to step back', () => {
    const swayed = hipsSwayedForward(OFF_PLUMB_LINE_BEGINNER_DEG + 8);
    expect(evaluateStill(swayed, 'beginner').faults).toEqual(['posture.off-plumb-line']);
    const cropped = evaluateStill(
      withVisibility(swayed, ['left_ankle', 'right_ankle'], 0),
      'beginner',
    );
    expect(cropped).toMatchObject({ status: 'ok', viewAdvice: 'setup.step-back', faults: [] });
    expect(cropped.metrics.plumbLineJudged).toBe(0);
  });

  it("cues a head drifting forward from the person's own start, below the absolute threshold", () => {
    const shoulders = point(pose, 'left_shoulder');
    const drifted = rotated(pose, HEAD, shoulders, 26);
    const driftedLean = evaluateStill(drifted, 'beginner').metrics.forwardHeadLeanDeg ?? 0;
    expect(driftedLean).toBeLessThan(FORWARD_HEAD_LEAN_BEGINNER_DEG);
    const slumping = judgeRecording(
      wallPosture,
      clip([
        [pose, 2],
        [drifted, 2],
      ]),
      'beginner',
    );
    expect(slumping.shownFaults).toEqual(['posture.forward-head']);
    // Someone who starts that way and stays there is judged on the absolute threshold alone.
    const steady = judgeRecording(wallPosture, clip([[drifted, 4]]), 'beginner');
    expect(steady.shownFaults).toEqual([]);
    expect(steady.holdSeconds).toBeGreaterThan(3.5);
  });
});

describe('wall posture setup and views', () => {
  it('lying down (a plank seen from the side) is setup: no form feedback', () => {
    const result = evaluateStill(plankSide(40), 'advanced');
    expect(result).toMatchObject({
      status: 'ok',
      phase: 'setup',
      viewAdvice: 'setup.get-in-position',
      faults: [],
    });
  });

  it('a three-quarter view is the wrong view and asks to turn sideways', () => {
    const front = standingFront();
    const turned: Pose = {
      ...front,
      landmarks: front.landmarks.map((p) => (p ? { ...p, x: 320 + (p.x - 320) * 0.7 } : p)),
    };
    const result = evaluateStill(turned, 'advanced');
    expect(result).toMatchObject({
      status: 'wrong-view',
      viewAdvice: 'setup.turn-sideways',
      faults: [],
    });
  });

  it('every threshold is stricter (lower) at advanced', () => {
    const { beginner, advanced } = wallPosture.thresholds;
    for (const key of Object.keys(beginner) as (keyof typeof beginner)[]) {
      expect(advanced[key]).toBeLessThan(beginner[key]);
    }
  });

  it('honours the exercise contract from either view', () => {
    expect(exerciseContractViolations(wallPosture, standingSideFacingRight())).toEqual([]);
    expect(exerciseContractViolations(wallPosture, standingFront())).toEqual([]);
  });
});
