import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { undecidedOver } from '../testing/undecided';
import { judgeRecording } from './judge-recording';
import { rdl } from './rdl';

/*
 * The Romanian deadlift has one real clip, good form (rdl_good_threequarter_video_01: three reps
 * from standing, labelled three-quarter; the pose model sees it side-on most of the time). One
 * source sets no knee limit (rdl.ts, docs/judgement.md), only where "can't judge" starts; the
 * back's limits are the hinge family's. The faults have no real RDL footage, so the deadlift's
 * recordings and derived lockout (deadlift.test.ts) test the shared hinge rules, and this file
 * checks what the one clip can: no cue, exact reps, the same judging.
 */
const good = loadRecording('rdl/rdl_good_threequarter_video_01.mp4');

describe('Romanian deadlift on the real clip', () => {
  it('cues nothing on the good RDL and counts its 3 reps from standing', () => {
    const verdict = judgeRecording(rdl, good);
    expect(verdict.couldNotJudge).toBe(false);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps?.total).toBe(3);
  });

  it('answers "can\'t judge" on knees bent like a deadlift\'s, where one RDL sets no limit', () => {
    // A conventional pull bends the knees up to 0.78 of the hip (past the RDL's 0.25).
    const bentKnees = loadRecording('deadlift/deadlift_good_side_video_04.mp4');
    expect(judgeRecording(rdl, bentKnees).shownFaults).not.toContain('hinge.knees-too-bent');
    expect(undecidedOver(rdl, bentKnees)).toContainEqual({
      fault: 'hinge.knees-too-bent',
      reason: 'ambiguous',
    });
  });

  it('cues a rounded back on a clearly rounded hinge (a deadlift clip rounded 37°)', () => {
    // The back's limits are the hinge family's (hinge.ts): a back this rounded is cued in any hinge.
    const rounded = loadRecording('deadlift/deadlift_roundedback_side_video_27.mp4');
    expect(judgeRecording(rdl, rounded).shownFaults).toContain('hinge.rounded-back');
  });
});
