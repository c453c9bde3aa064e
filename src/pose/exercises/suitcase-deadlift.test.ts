import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { hipMidpoint } from '../body';
import type { PoseRecording } from '../recording';
import {
  UPPER_BODY,
  firstPose,
  rotateAbout,
  transformLandmarks,
  withFirstPose,
} from '../testing/reshape';
import { undecidedOver } from '../testing/undecided';
import { judgeRecording } from './judge-recording';
import { suitcaseDeadlift } from './suitcase-deadlift';

/*
 * No suitcase deadlift was recorded. Side-on it is judged as a deadlift, so the real deadlift clips
 * stand in for it (a weight at one side changes little of a side view); the sideways lean it adds
 * is seen only from the front and is tested on a DERIVED real front-on standing photo.
 */
const deadliftClip = (name: string): PoseRecording => loadRecording(`deadlift/${name}.mp4`);

describe('suitcase deadlift side-on (real deadlift clips)', () => {
  it('cues nothing on a good pull, counts its rep and says the sideways lean needs a front view', () => {
    const recording = deadliftClip('deadlift_good_side_video_22');
    const verdict = judgeRecording(suitcaseDeadlift, recording);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps?.total).toBe(1);
    expect(undecidedOver(suitcaseDeadlift, recording)).toContainEqual({
      fault: 'hinge.side-lean',
      reason: 'needs-front-view',
    });
  });

  it('counts the pull filmed from the front three-quarter, leaving the back to a side view', () => {
    const recording = deadliftClip('deadlift_good_threequarter_video_03');
    const verdict = judgeRecording(suitcaseDeadlift, recording);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps?.total).toBe(1);
    expect(undecidedOver(suitcaseDeadlift, recording)).toContainEqual({
      fault: 'hinge.rounded-back',
      reason: 'needs-side-view',
    });
  });

  it('cues a clearly rounded back as the deadlift does', () => {
    const verdict = judgeRecording(
      suitcaseDeadlift,
      deadliftClip('deadlift_roundedback_side_video_01'),
    );
    expect(verdict.shownFaults).toContain('hinge.rounded-back');
  });

  it('between good form and the rounded-back limit it says "can\'t judge", not good', () => {
    expect(
      undecidedOver(suitcaseDeadlift, deadliftClip('deadlift_roundedback_side_video_02')),
    ).toContainEqual({ fault: 'hinge.rounded-back', reason: 'ambiguous' });
  });
});

/*
 * DERIVED: the real front-on standing photo (standing_posture_neutral_front_02.jpg) with everything
 * above the hips turned 15° about the hip midpoint in the image, as a lifter pulled over by a weight
 * in one hand leans; the legs and hips stay real.
 */
const PHOTO = loadRecording('standing_posture/standing_posture_neutral_front_02.jpg');

function leaning(degrees: number): PoseRecording {
  const pose = firstPose(PHOTO);
  const hips = hipMidpoint(pose, { imageSize: null })?.point;
  if (!hips) throw new Error('the photo lacks hips');
  const turned = transformLandmarks(pose, UPPER_BODY, (p) => rotateAbout(p, hips, degrees));
  return withFirstPose(PHOTO, turned, `upper body turned ${String(degrees)}°`);
}

describe('suitcase deadlift from the front (derived photo)', () => {
  it('judges the real standing photo square: no cue, the side-on checks left open', () => {
    const verdict = judgeRecording(suitcaseDeadlift, PHOTO);
    expect(verdict.couldNotJudge).toBe(false);
    expect(verdict.shownFaults).toEqual([]);
    expect(undecidedOver(suitcaseDeadlift, PHOTO)).toContainEqual({
      fault: 'hinge.rounded-back',
      reason: 'needs-side-view',
    });
  });

  it('cues the lean towards the weight when the upper body is turned 15°', () => {
    expect(judgeRecording(suitcaseDeadlift, leaning(15)).shownFaults).toEqual(['hinge.side-lean']);
  });
});
