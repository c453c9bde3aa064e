import { describe, expect, it } from 'vitest';
import { repsOfClip } from '../../../tests/support/clip-reps';
import { loadRecording } from '../../../tests/support/fixtures';
import { LANDMARK_INDEX } from '../landmarks';
import type { Pose, WorldLandmark } from '../pose';
import type { PoseRecording } from '../recording';
import { judgeRecording } from './judge-recording';
import { UPPER_BODY_INDEXES } from '../testing/reshape';
import { undecidedOver } from '../testing/undecided';
import { row } from './row';

/*
 * The row has two real clips, both good form and both three-quarter (the pose model sees them
 * front-on to three-quarter, never side-on): a barbell row and a single-arm dumbbell row on a bench,
 * the same lifter. Each shows 5 pulls from a hang (counted frame by frame at 2 fps; labels.csv says
 * "4 ±1" and "about 3", counted at 3 fps). No faulty row was filmed: the torso rising is tested on
 * the barbell set with its upper body turned up rep by rep, and the rounded back, read side-on
 * only, on the deadlift's real rounded back lowered from standing.
 */
const barbell = loadRecording('row/row_good_threequarter_video_01.mp4');
const singleArm = loadRecording('row/row_good_threequarter_singlearm_video_03.mp4');

/**
 * The row with the torso-rise limit a second source could give it: one lifter sets none (row.ts,
 * docs/judgement.md); 7° is its "can't judge" start plus one 6° error, the limit before that rule.
 * It tests the rep-by-rep reading, which a limit needs once one is chosen.
 */
const ROW_RISE_LIMIT_DEG = 7;
const rowWithLimit: typeof row = {
  ...row,
  thresholds: {
    beginner: { ...row.thresholds.beginner, torsoRiseDeg: ROW_RISE_LIMIT_DEG },
    advanced: { ...row.thresholds.advanced, torsoRiseDeg: ROW_RISE_LIMIT_DEG },
  },
};

/**
 * Turns the upper body about the hip line (the axis a hinge turns on) in the world landmarks, the
 * only ones the torso angle is read from, by `degrees` up (towards standing).
 */
function raiseTorso(pose: Pose, degrees: number): Pose {
  const world = pose.worldLandmarks;
  const left = world?.[LANDMARK_INDEX.left_hip];
  const right = world?.[LANDMARK_INDEX.right_hip];
  if (!world || !left || !right) return pose;
  const pivot = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2, z: (left.z + right.z) / 2 };
  const axisLength = Math.hypot(right.x - left.x, right.y - left.y, right.z - left.z);
  const k = {
    x: (right.x - left.x) / axisLength,
    y: (right.y - left.y) / axisLength,
    z: (right.z - left.z) / axisLength,
  };
  const turn = (point: WorldLandmark, radians: number): WorldLandmark => {
    // Rodrigues' rotation of the point about the hip line.
    const v = { x: point.x - pivot.x, y: point.y - pivot.y, z: point.z - pivot.z };
    const cos = Math.cos(radians);
    const sin = Math.sin(radians);
    const dot = k.x * v.x + k.y * v.y + k.z * v.z;
    const cross = { x: k.y * v.z - k.z * v.y, y: k.z * v.x - k.x * v.z, z: k.x * v.y - k.y * v.x };
    return {
      ...point,
      x: pivot.x + v.x * cos + cross.x * sin + k.x * dot * (1 - cos),
      y: pivot.y + v.y * cos + cross.y * sin + k.y * dot * (1 - cos),
      z: pivot.z + v.z * cos + cross.z * sin + k.z * dot * (1 - cos),
    };
  };
  const shoulder = world[LANDMARK_INDEX.left_shoulder];
  if (!shoulder) return pose;
  // Up is -y in the world landmarks: pick the turn's sign that lifts the shoulder.
  const radians = (degrees * Math.PI) / 180;
  const sign = turn(shoulder, radians).y < shoulder.y ? 1 : -1;
  return {
    ...pose,
    worldLandmarks: world.map((point, i) =>
      point && UPPER_BODY_INDEXES.has(i) ? turn(point, sign * radians) : point,
    ),
  };
}

/** The recording with its torso raised by `degreesAt(t)` in every frame. */
function raisedOver(recording: PoseRecording, degreesAt: (ms: number) => number): PoseRecording {
  return {
    ...recording,
    derivation: 'the upper body turned up about the hip line in the world landmarks',
    frames: recording.frames.map((frame) => ({
      ...frame,
      poses: frame.poses.map((pose) => raiseTorso(pose, degreesAt(frame.timestampMs))),
    })),
  };
}

describe('bent-over row on the real clips', () => {
  it('counts the 5 pulls of the barbell row, both arms together, with no cue', () => {
    const verdict = judgeRecording(row, barbell);
    expect(verdict.couldNotJudge).toBe(false);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps).toEqual({ total: 5, clean: 5, left: 0, right: 0 });
  });

  it('counts the 5 pulls of the single-arm row on its arm (the braced arm never counts)', () => {
    const verdict = judgeRecording(row, singleArm);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps).toEqual({ total: 5, clean: 5, left: 0, right: 5 });
  });

  /*
   * labels.csv says 4 (±1) and about 3, "counted at 3 fps". Frames read by eye (ffmpeg, 2-4 fps):
   * the barbell reaches the torso at about 3.3, 5.7, 8.2, 10.7 and 13.2 s, hanging between (1.5-2.5,
   * 4-5, 6.5-7.5, 9-10, 11.5-12.5, 14 s), the clip opening on the top of an earlier pull (0-0.5 s,
   * only its lowering seen: no rep); the dumbbell reaches the torso at about 1.5, 4.4, 7.0, 9.5 and
   * 11.9 s with the same arm, hanging at 0-0.8, 3.0, 5.7, 8.3, 10.8 and 12.9 s. Five complete pulls
   * each: the labels undercount, and each rep counted is one of those pulls.
   */
  it.each([
    ['row/row_good_threequarter_video_01.mp4', [3.3, 5.7, 8.2, 10.7, 13.2]],
    ['row/row_good_threequarter_singlearm_video_03.mp4', [1.5, 4.4, 7.0, 9.5, 11.9]],
  ] as const)('counts each pull of %s as it reaches the torso, no more', (clip, pullsAtS) => {
    const counted = repsOfClip('row', clip).map((rep) => rep.endMs / 1000);
    expect(counted).toHaveLength(pullsAtS.length);
    counted.forEach((atS, i) => {
      expect(Math.abs(atS - (pullsAtS[i] ?? Infinity))).toBeLessThan(0.6);
    });
  });

  it('counts every pull of both rows on a slow laptop (every third frame, 5 a second)', () => {
    // A pull's top shows on two frames there; each lasts some 0.3 s, past the 250 ms dwell, once
    // the crossing is taken to lie between frames (rep-counter.ts, enteredBefore). Before, the
    // barbell row counted 3 or 4 of its 5 from one offset or another.
    for (const recording of [barbell, singleArm]) {
      for (let first = 0; first < 3; first++) {
        const frames = recording.frames.filter((_, i) => i % 3 === first);
        expect(judgeRecording(row, { ...recording, frames }).reps?.total).toBe(5);
      }
    }
  });

  it('says the back needs a side view from three-quarter, instead of calling it flat', () => {
    for (const recording of [barbell, singleArm]) {
      const said = new Set(undecidedOver(row, recording).map((u) => `${u.fault}: ${u.reason}`));
      expect([...said]).toEqual(['hinge.rounded-back: needs-side-view']);
    }
  });
});

describe('bent-over row on derived and borrowed skeletons (no faulty row was filmed)', () => {
  const rising = raisedOver(barbell, (ms) => Math.max(0, ms - 5000) * 0.002);

  it('answers "can\'t judge" on the torso rising rep by rep, 2° a second from the third rep', () => {
    const verdict = judgeRecording(row, rising);
    expect(verdict.shownFaults).toEqual([]);
    expect(undecidedOver(row, rising)).toContainEqual({
      fault: 'hinge.torso-rising',
      reason: 'ambiguous',
    });
    expect(verdict.reps?.total).toBe(5);
  });

  it('with a limit, cues the same rise rep by rep', () => {
    const verdict = judgeRecording(rowWithLimit, rising);
    expect(verdict.shownFaults).toEqual(['hinge.torso-rising']);
    expect(verdict.reps?.total).toBe(5);
    expect(verdict.reps?.clean).toBeLessThan(5);
  });

  it('with a limit, does not cue a torso that rises less (4° from the third rep on)', () => {
    const slightly = raisedOver(barbell, (ms) => (ms > 5000 ? 4 : 0));
    const verdict = judgeRecording(rowWithLimit, slightly);
    expect(verdict.shownFaults).toEqual([]);
    expect(undecidedOver(rowWithLimit, slightly)).toContainEqual({
      fault: 'hinge.torso-rising',
      reason: 'ambiguous',
    });
  });

  it('with a limit, does not cue one rep risen 12° among flat ones (a step, or a looped clip)', () => {
    // The barbell clip's pulls peak at 3.4, 5.7, 8.2, 10.7 and 13.1 s: the rep before the fourth
    // pull (8.3-10.6 s) is raised alone.
    const oneOdd = raisedOver(barbell, (ms) => (ms > 8300 && ms < 10600 ? 12 : 0));
    expect(judgeRecording(rowWithLimit, oneOdd).shownFaults).toEqual([]);
    // The same rise kept from that rep on is the fault.
    const kept = raisedOver(barbell, (ms) => (ms > 8300 ? 12 : 0));
    expect(judgeRecording(rowWithLimit, kept).shownFaults).toEqual(['hinge.torso-rising']);
  });

  it('with a limit, does not count a torso higher from the start as rising (the set is the reference)', () => {
    const verdict = judgeRecording(
      rowWithLimit,
      raisedOver(barbell, () => 10),
    );
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps?.total).toBe(5);
  });

  it('cues a rounded back side-on, on the real rounded hinge of a deadlift (37°)', () => {
    const rounded = loadRecording('deadlift/deadlift_roundedback_side_video_27.mp4');
    expect(judgeRecording(row, rounded).shownFaults).toContain('hinge.rounded-back');
  });

  it('does not cue a flat back side-on (a good deadlift held in the hinge)', () => {
    const flat = loadRecording('deadlift/deadlift_good_side_video_22.mp4');
    expect(judgeRecording(row, flat).shownFaults).toEqual([]);
  });
});
