/**
 * The real model on real clips framed close (tests/fixtures/landmarks/mediapipe-full/framed-close,
 * each recording's `derivation` says the ffmpeg crop): where the derived cuts elsewhere move the
 * landmarks of the whole view, these are what the engine itself places when part of the person is
 * outside the picture: it places the ankles cut off around and below its bottom edge (0.96-1.12 of
 * its height), mostly with low visibility, so they read as out of the picture rather than hidden.
 * Issue #12: count from what is still seen.
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import type { PoseRecording } from '../recording';
import { faultsLeftOpen } from '../testing/undecided';
import { deadBug } from './dead-bug';
import { deadlift } from './deadlift';
import { judgeRecording } from './judge-recording';
import { squat } from './squat';
import { superman } from './superman';
import type { Exercise } from './types';

const framedClose = (name: string): PoseRecording => loadRecording(`framed-close/${name}.mp4`);

describe('the real model on clips framed close', () => {
  it.each([
    // Before, every frame but one said "can't see the ankles", and no squat was counted.
    ['squat', squat, 'squat_heelsrising_side_video_01_feet_cut', 1, 'squat.heels-rising'],
    ['deadlift', deadlift, 'deadlift_good_side_video_21_feet_cut', 1, 'hinge.knees-too-bent'],
    ['dead bug', deadBug, 'dead_bug_good_video_03_feet_cut', 6, 'dead-bug.lumbar-lift'],
  ] as const)(
    'counts the %s with a foot out of the picture, leaving open only what the foot shows',
    (_name, exercise: Exercise, fixture, reps, open) => {
      const recording = framedClose(fixture);
      const verdict = judgeRecording(exercise, recording);
      expect(verdict.reps?.total).toBe(reps);
      expect(verdict.shownFaults).toEqual([]);
      expect(faultsLeftOpen(exercise, recording, 'out-of-frame')).toEqual(new Set([open]));
    },
  );

  it('cues no new fault on the squat with its head above the picture', () => {
    // The model reads the standing hips lower there (0.88-0.89 of the leg, under the top's 0.9)
    // and loses the person 130 ms after the rep: the rep the derived cut counts is not counted.
    const verdict = judgeRecording(squat, framedClose('squat_heelsrising_side_video_01_head_cut'));
    expect(verdict.shownFaults).toEqual(['squat.heels-rising']);
  });

  it.each(['left', 'right'])(
    'counts the 6 superman lifts with 12%% of the body cut at the %s end, cueing nothing',
    (end) => {
      const verdict = judgeRecording(superman, framedClose(`superman_good_video_01_${end}_cut`));
      expect(verdict.reps?.total).toBe(6);
      expect(verdict.shownFaults).toEqual([]);
    },
  );
});
