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
import { undecidedOver } from '../testing/undecided';
import { deadBug } from './dead-bug';
import { deadlift } from './deadlift';
import { judgeRecording } from './judge-recording';
import { squat } from './squat';
import { superman } from './superman';
import type { Exercise, UndecidedReason } from './types';

const framedClose = (name: string): PoseRecording => loadRecording(`framed-close/${name}.mp4`);

/** The faults left open as out of the picture on some frame. */
function outOfPicture(exercise: Exercise, recording: PoseRecording): Set<string> {
  const outside: UndecidedReason = 'out-of-frame';
  return new Set(
    undecidedOver(exercise, recording)
      .filter(({ reason }) => reason === outside)
      .map(({ fault }) => fault),
  );
}

describe('the real model on clips framed close', () => {
  it('counts the side-on squat with its feet below the picture, its heels left open', () => {
    // Before, every frame but one said "can't see the ankles", and no squat was counted.
    const recording = framedClose('squat_heelsrising_side_video_01_feet_cut');
    const verdict = judgeRecording(squat, recording);
    expect(verdict.reps?.total).toBe(1);
    expect(verdict.shownFaults).toEqual([]);
    expect(outOfPicture(squat, recording)).toEqual(new Set(['squat.heels-rising']));
  });

  it('cues no new fault on the squat with its head above the picture', () => {
    // The model reads the standing hips lower there (0.88-0.89 of the leg, under the top's 0.9)
    // and loses the person 130 ms after the rep: the rep the derived cut counts is not counted.
    const verdict = judgeRecording(squat, framedClose('squat_heelsrising_side_video_01_head_cut'));
    expect(verdict.shownFaults).toEqual(['squat.heels-rising']);
  });

  it('counts the deadlift with its feet below the picture, its knees said to be out of it', () => {
    const recording = framedClose('deadlift_good_side_video_21_feet_cut');
    const verdict = judgeRecording(deadlift, recording);
    expect(verdict.reps?.total).toBe(1);
    expect(verdict.shownFaults).toEqual([]);
    expect(outOfPicture(deadlift, recording)).toContain('hinge.knees-too-bent');
  });

  it.each(['left', 'right'])(
    'counts the 6 superman lifts with 12%% of the body cut at the %s end, cueing nothing',
    (end) => {
      const verdict = judgeRecording(superman, framedClose(`superman_good_video_01_${end}_cut`));
      expect(verdict.reps?.total).toBe(6);
      expect(verdict.shownFaults).toEqual([]);
    },
  );

  it('counts every dead bug rep while a foot is out of the picture, its lower back left open', () => {
    const recording = framedClose('dead_bug_good_video_03_feet_cut');
    const verdict = judgeRecording(deadBug, recording);
    expect(verdict.reps?.total).toBe(6);
    expect(verdict.shownFaults).toEqual([]);
    expect(outOfPicture(deadBug, recording)).toEqual(new Set(['dead-bug.lumbar-lift']));
  });
});
