import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { flexorHoldRecording, flexorTestPose } from '../testing/flexor-hold';
import type { TrunkStretch } from '../testing/flexor-hold';
import { firstPose } from '../testing/reshape';
import { judgeRecording } from './judge-recording';
import { FLEXOR_MIN_TRUNK_DEG, trunkFlexorHold } from './trunk-flexor-hold';

/**
 * No recording of McGill's flexor test exists: these run on a real lying skeleton (the bottom of
 * a glute bridge, side-on) set in the test's position with real detector jitter
 * (src/pose/testing/flexor-hold.ts says how).
 */
const LYING = loadRecording('glute_bridge/glute_bridge_good_anim_01_bottom.jpg');
const JITTER = loadRecording('plank/plank_good_side_video_04.mp4');

function judged(stretches: readonly TrunkStretch[]) {
  const recording = flexorHoldRecording(
    { recording: LYING, pose: firstPose(LYING) },
    JITTER,
    stretches,
  );
  return judgeRecording(trunkFlexorHold, recording);
}

const SIT_UP: TrunkStretch = { fromDeg: 85, toDeg: 85, ms: 1500 };
const LEAN_BACK: TrunkStretch = { fromDeg: 85, toDeg: 60, ms: 1500 };

describe('trunk flexor hold (derived from a real lying skeleton)', () => {
  it('sets the derived body in the test position: knees and hips near 90°, trunk 60°', () => {
    const verdict = judged([{ fromDeg: 60, toDeg: 60, ms: 2000 }]);
    const metrics = verdict.frames.map((frame) => frame.metrics);
    for (const m of metrics) {
      expect(m.kneeAngleDeg).toBeGreaterThan(85);
      expect(m.kneeAngleDeg).toBeLessThan(100);
      expect(m.hipAngleDeg).toBeGreaterThan(85);
      expect(m.hipAngleDeg).toBeLessThan(100);
      expect(m.trunkElevationDeg).toBeCloseTo(60, -1);
    }
  });

  it('sitting up is setup; a 20 s hold at 60° counts every second in good form, no cue', () => {
    const verdict = judged([SIT_UP, LEAN_BACK, { fromDeg: 60, toDeg: 60, ms: 20_000 }]);
    expect(verdict.frames[0]?.phase).toBe('setup');
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.holdSeconds).toBeGreaterThan(20);
  });

  it('a trunk falling from 60° to 40° is cued once it is below 50°, not before', () => {
    const verdict = judged([
      { fromDeg: 60, toDeg: 60, ms: 5000 },
      { fromDeg: 60, toDeg: 40, ms: 2000 },
      { fromDeg: 40, toDeg: 40, ms: 2000 },
    ]);
    expect(verdict.shownFaults).toEqual(['trunk-flexor-hold.trunk-dropped']);
    const firstFault = verdict.frames.findIndex(
      (frame) => (frame.metrics.trunkElevationDeg ?? 90) < FLEXOR_MIN_TRUNK_DEG,
    );
    expect(firstFault).toBeGreaterThan(0);
    expect(verdict.holdSeconds).toBeLessThan(7);
  });

  it("between 54° and 50° it answers can't judge, never good form", () => {
    const pose = flexorTestPose(firstPose(LYING), 52);
    const { result } = trunkFlexorHold.evaluate(pose, null, {
      timestampMs: 0,
      strictness: 'beginner',
      imageSize: LYING.frames[0]?.imageSize ?? null,
    });
    expect(result.phase).toBe('holding');
    expect(result.faults).toEqual([]);
    expect(result.undecided).toEqual([
      { fault: 'trunk-flexor-hold.trunk-dropped', reason: 'ambiguous' },
    ]);
  });

  it('the real lying skeleton (trunk flat) and a real side plank are not the test position', () => {
    expect(judgeRecording(trunkFlexorHold, LYING).frames[0]?.phase).toBe('setup');
    const plank = judgeRecording(trunkFlexorHold, JITTER);
    expect(plank.frames.some((frame) => frame.phase === 'holding')).toBe(false);
    expect(plank.holdSeconds).toBe(0);
  });
});
