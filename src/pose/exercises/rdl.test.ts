import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { deadlift } from './deadlift';
import { judgeRecording } from './judge-recording';
import { rdl } from './rdl';

/*
 * The Romanian deadlift has one real clip, good form (rdl_good_threequarter_video_01: three reps
 * from standing, labelled three-quarter; the pose model sees it side-on most of the time). Its
 * limits are that clip's top plus one measurement error (rdl.ts); the faults have no real RDL
 * footage, so the deadlift's recordings and derived lockout (deadlift.test.ts) test the shared
 * hinge rules, and this file checks what the one clip can: no cue, exact reps, the same judging.
 */
const good = loadRecording('rdl/rdl_good_threequarter_video_01.mp4');

describe('Romanian deadlift on the real clip', () => {
  it('cues nothing on the good RDL and counts its 3 reps from standing', () => {
    const verdict = judgeRecording(rdl, good);
    expect(verdict.couldNotJudge).toBe(false);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps?.total).toBe(3);
  });

  it('keeps the knees softer than a deadlift: its squat limit is tighter', () => {
    expect(rdl.thresholds.beginner.kneeToHipFlexion).toBeLessThan(
      deadlift.thresholds.beginner.kneeToHipFlexion,
    );
  });

  it('cues a rounded back on a clearly rounded hinge (a deadlift clip rounded 37°)', () => {
    // The back's limits are the hinge family's (hinge.ts): a back this rounded is cued in any hinge.
    const rounded = loadRecording('deadlift/deadlift_roundedback_side_video_27.mp4');
    expect(judgeRecording(rdl, rounded).shownFaults).toContain('hinge.rounded-back');
  });
});
