import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { hipMidpoint } from '../body';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_NAMES } from '../landmarks';
import type { PoseRecording } from '../recording';
import {
  UPPER_BODY,
  firstPose,
  rotateAbout,
  transformLandmarks,
  withFirstPose,
} from '../testing/reshape';
import { farmersCarry } from './farmers-carry';
import { undecidedOver } from '../testing/undecided';
import { judgeRecording } from './judge-recording';

/*
 * The farmer's carry has one real clip: a woman picks up two kettlebells, walks across a side-on
 * camera and back, and sets them down, between title cards. Side-on a sideways lean or a dropped
 * shoulder cannot show, so the clip must give no cue, count the time carried, and say what it
 * cannot judge. The front-view faults have no footage: they are tested on a DERIVED real standing
 * photo (standing_posture_neutral_front_02.jpg, a woman facing the camera) below.
 */
const CLIP = 'farmers_carry/farmers_carry_good_side_video_01.mp4';

describe("farmer's carry on the real side-on clip", () => {
  const recording = loadRecording(CLIP);
  const verdict = judgeRecording(farmersCarry, recording);

  it('cues nothing and counts the time walked upright (about 21 of its 45 s)', () => {
    expect(verdict.couldNotJudge).toBe(false);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.holdSeconds).toBeGreaterThan(15);
    expect(verdict.holdSeconds).toBeLessThan(30);
  });

  it('says that side-on it cannot judge the sideways lean or the shoulders', () => {
    const undecided = undecidedOver(farmersCarry, recording);
    expect(undecided).toContainEqual({
      fault: 'farmers-carry.side-lean',
      reason: 'needs-front-view',
    });
    expect(undecided).toContainEqual({
      fault: 'farmers-carry.shoulders-uneven',
      reason: 'needs-front-view',
    });
  });

  it('says when nobody is in view (title cards, walking out of frame) and when she bends down', () => {
    expect(verdict.statusFrames['no-person']).toBeGreaterThan(0);
    expect(verdict.frames.some((frame) => frame.phase === 'setup')).toBe(true);
  });
});

/*
 * DERIVED: the real front-on standing photo, (a) with the upper body (everything above the hips)
 * turned 15° about the hip midpoint in the image plane, a sideways lean under one heavy weight;
 * (b) with the left shoulder, arm and hand lowered so the shoulder line tilts 18°, a dropped
 * shoulder. Legs and hips stay real.
 */
const PHOTO = loadRecording('standing_posture/standing_posture_neutral_front_02.jpg');
const LEFT_ARM: readonly LandmarkName[] = LANDMARK_NAMES.filter((name) =>
  /^left_(shoulder|elbow|wrist|pinky|index|thumb)$/.test(name),
);

function leaning(degrees: number): PoseRecording {
  const pose = firstPose(PHOTO);
  const hips = hipMidpoint(pose, { imageSize: null })?.point;
  if (!hips) throw new Error('the photo lacks hips');
  const turned = transformLandmarks(pose, UPPER_BODY, (p) => rotateAbout(p, hips, degrees));
  return withFirstPose(
    PHOTO,
    turned,
    `upper body turned ${String(degrees)}° (farmers-carry.test.ts)`,
  );
}

function leftShoulderDropped(tiltDeg: number): PoseRecording {
  const pose = firstPose(PHOTO);
  const left = pose.landmarks.find((_, i) => LANDMARK_NAMES[i] === 'left_shoulder');
  const right = pose.landmarks.find((_, i) => LANDMARK_NAMES[i] === 'right_shoulder');
  if (!left || !right) throw new Error('the photo lacks shoulders');
  const drop =
    Math.abs(right.x - left.x) * Math.tan((tiltDeg * Math.PI) / 180) - (left.y - right.y);
  const dropped = transformLandmarks(pose, LEFT_ARM, (p) => ({ ...p, y: p.y + drop }));
  return withFirstPose(
    PHOTO,
    dropped,
    `left arm lowered to tilt the shoulders ${String(tiltDeg)}°`,
  );
}

describe("farmer's carry on a derived front-on photo", () => {
  it('judges the real photo upright and level: no cue', () => {
    const verdict = judgeRecording(farmersCarry, PHOTO);
    expect(verdict.couldNotJudge).toBe(false);
    expect(verdict.shownFaults).toEqual([]);
  });

  it('cues the sideways lean when the upper body is turned 15° (the shoulders tilt with it)', () => {
    expect(judgeRecording(farmersCarry, leaning(15)).shownFaults).toContain(
      'farmers-carry.side-lean',
    );
  });

  it('cues the dropped shoulder when the shoulder line tilts 18°', () => {
    expect(judgeRecording(farmersCarry, leftShoulderDropped(18)).shownFaults).toEqual([
      'farmers-carry.shoulders-uneven',
    ]);
  });
});
