import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { nearUpright, upperBodyLeanedBack } from '../testing/reshape';
import { judgeRecording } from './judge-recording';
import { kbSwing } from './kb-swing';

/*
 * The kettlebell swing has good-form recordings only (a clip of 6 swings, a bottom and a top
 * photo); its faults share the hinge rules the deadlift tests on real rounded pulls and a derived
 * lean-back lockout (deadlift.test.ts). Here: no cue on good swings, and one rep per swing's top.
 */
describe('kettlebell swing on the real recordings', () => {
  it('counts the 6 swings of the clip, one at the top of each, and cues nothing', () => {
    const verdict = judgeRecording(
      kbSwing,
      loadRecording('kb_swing/kb_swing_good_side_video_01.mp4'),
    );
    expect(verdict.reps?.total).toBe(6);
    expect(verdict.shownFaults).toEqual([]);
  });

  it('does not count standing up after parking the bell (arms down, turned to the camera)', () => {
    const verdict = judgeRecording(
      kbSwing,
      loadRecording('kb_swing/kb_swing_good_side_video_01.mp4'),
    );
    // From 14.2 s he stands up without the bell, turning: seen and read as standing, no 7th rep.
    const standingUp = verdict.frames.filter(
      (frame) => frame.timestampMs > 14_200 && frame.status === 'ok',
    );
    expect(standingUp.length).toBeGreaterThan(2);
    expect(standingUp.every((frame) => frame.phase === 'standing')).toBe(true);
    expect(verdict.reps?.total).toBe(6);
  });

  it.each(['kb_swing/kb_swing_good_side_bottom_01.jpg', 'kb_swing/kb_swing_good_side_top_02.jpg'])(
    'judges the good photo %s without a cue',
    (file) => {
      const verdict = judgeRecording(kbSwing, loadRecording(file));
      expect(verdict.couldNotJudge).toBe(false);
      expect(verdict.shownFaults).toEqual([]);
    },
  );

  it('calls the bottom photo hinged and the top photo standing', () => {
    const phase = (file: string) =>
      judgeRecording(kbSwing, loadRecording(file)).frames[0]?.phase ?? null;
    expect(phase('kb_swing/kb_swing_good_side_bottom_01.jpg')).toBe('hinged');
    expect(phase('kb_swing/kb_swing_good_side_top_02.jpg')).toBe('standing');
  });
});

/*
 * DERIVED (no faulty swing was filmed): leaning back at the top, the fault the seeds name ("stand
 * tall without leaning back"). The real clip's swings, from the first hike at 2 s to the bell
 * parked at 14.2 s, with the upper body turned back about the hips as the trunk nears vertical
 * (`nearUpright`). The legs, the arms' swing and the jitter stay real.
 */
const SWINGS = loadRecording('kb_swing/kb_swing_good_side_video_01.mp4');

function leanedBackAtTheTops(degrees: number) {
  return upperBodyLeanedBack(SWINGS, degrees, (pose, frame) =>
    frame.timestampMs < 2000 || frame.timestampMs > 14_200 ? 0 : nearUpright(pose),
  );
}

describe('kettlebell swing leaning back at the top (derived)', () => {
  it('cues leaning back 35° and still counts the 6 swings, each top past vertical', () => {
    const verdict = judgeRecording(kbSwing, leanedBackAtTheTops(35));
    expect(verdict.shownFaults).toEqual(['hinge.hyperextension']);
    expect(verdict.reps?.total).toBe(6);
  });

  it('does not cue a top leant back 10°, inside what good lockouts measured', () => {
    const verdict = judgeRecording(kbSwing, leanedBackAtTheTops(10));
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps?.total).toBe(6);
  });
});
