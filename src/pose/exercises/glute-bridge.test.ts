import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX } from '../landmarks';
import type { Pose, PoseFrame } from '../pose';
import type { PoseRecording } from '../recording';
import { nearSide, sideLandmarkName } from '../side';
import { exerciseContractViolations } from '../testing/exercise-contract';
import { FIXTURE_IMAGE, standingFront, standingSideFacingRight } from '../testing/poses';
import {
  BEGINNER_DROPPED_FAST_DEG_PER_S,
  BEGINNER_HIPS_LOW_DEG,
  DROP_TOP_SEEN_MS,
  HIPS_LIFTED_BELOW_DEG,
  MAX_HIP_BELOW_LINE_DEG,
  OVER_ARCHED_DEG,
  gluteBridge,
} from './glute-bridge';
import { judgeRecording } from './judge-recording';
import type { FaultId, Strictness } from './types';
import {
  elevatedRecording,
  firstPose,
  rotateAbout,
  scaledRecording,
  withFirstPose,
} from '../testing/reshape';
import { undecidedOver } from '../testing/undecided';

/*
 * Labelled glute-bridge files, BlazePose full, beginner (measured with the session pipeline):
 *
 * | file                                  | label        | hip dev. (°) | shown        | reps | verdict   |
 * | ------------------------------------- | ------------ | ------------ | ------------ | ---- | --------- |
 * | glute_bridge_good_01.jpg              | none         | -17          | -            |      | right     |
 * | glute_bridge_good_02.jpg              | none         | +3           | -            |      | right     |
 * | glute_bridge_good_03.jpg              | none         | -9           | -            |      | right     |
 * | glute_bridge_good_annotated_04.jpg    | none         | -27          | -            |      | right     |
 * | glute_bridge_good_anim_01_top.jpg     | none         | +5           | -            |      | right     |
 * | glute_bridge_good_anim_01_bottom.jpg  | none         | +60 (lying)  | -            |      | right     |
 * | glute_bridge_good_anim_01.webp        | none, 1 rep  | +60..+11     | -            | 1    | right     |
 * | rendered_glute_bridge_01.mp4          | none, 1 rep  | +56..-6      | -            | 1    | right     |
 * | glute_bridge_archedback_01.jpg        | over-arched  | -37          | (can't judge)|      | wrong (in the band, 27-38°) |
 * | glute_bridge_archedback_02.jpg        | over-arched  | -41          | over-arched  |      | right     |
 * | glute_bridge_archedback_03.jpg        | over-arched  | -10          | (can't judge)|      | wrong (known limit: lumbar arch, hip on the line) |
 */

const GOOD_FILES: readonly string[] = [
  'glute_bridge/glute_bridge_good_01.jpg',
  'glute_bridge/glute_bridge_good_02.jpg',
  'glute_bridge/glute_bridge_good_03.jpg',
  'glute_bridge/glute_bridge_good_annotated_04.jpg',
  'glute_bridge/glute_bridge_good_anim_01.webp',
  'glute_bridge/glute_bridge_good_anim_01_top.jpg',
  'glute_bridge/glute_bridge_good_anim_01_bottom.jpg',
  'rendered/rendered_glute_bridge_01.mp4',
];

const OVER_ARCHED_FILES: readonly string[] = ['glute_bridge/glute_bridge_archedback_02.jpg'];

/**
 * 37°, past the good bridges' 27° but short of the limit the next source's prediction sets (38°,
 * docs/judgement.md): answered "can't judge", never good.
 */
const IN_BAND_FILE = 'glute_bridge/glute_bridge_archedback_01.jpg';

/**
 * Known limit: a lower-back-driven bridge with the hip joint on the line. Neither the hip line nor
 * the outline sees it (glute-bridge.ts), so the lower back is answered "can't judge from any angle".
 */
const LUMBAR_ARCH_FILE = 'glute_bridge/glute_bridge_archedback_03.jpg';

const CLIP_REPS: readonly (readonly [string, number])[] = [
  ['glute_bridge/glute_bridge_good_anim_01.webp', 1],
  ['rendered/rendered_glute_bridge_01.mp4', 1],
];

/** Every scored glute-bridge photo (labelled `none` or a fault; `unknown` ones are not scored). */
const SCORED_PHOTOS: readonly string[] = [
  ...GOOD_FILES.filter((file) => file.endsWith('.jpg')),
  ...OVER_ARCHED_FILES,
  IN_BAND_FILE,
  LUMBAR_ARCH_FILE,
];

function shown(recording: PoseRecording, strictness: Strictness = 'beginner'): FaultId[] {
  return [...judgeRecording(gluteBridge, recording, strictness).shownFaults].sort();
}

/**
 * The hips moved up (positive) or down by turning both thighs about the knees, feet planted: how a
 * bridge rises higher (pushing into an arch) or stops short. Only the hip landmarks move.
 */
function thighsTurned(pose: Pose, liftDeg: number): Pose {
  const side = nearSide(pose, { imageSize: null })?.side ?? 'left';
  const knee = pose.landmarks[LANDMARK_INDEX[sideLandmarkName(side, 'knee')]];
  const hip = pose.landmarks[LANDMARK_INDEX[sideLandmarkName(side, 'hip')]];
  if (!knee || !hip) throw new Error('no near hip or knee');
  // The turn that moves the near hip up on screen is the lift direction.
  const up = rotateAbout(hip, knee, 1).y < hip.y ? 1 : -1;
  const hips: readonly LandmarkName[] = ['left_hip', 'right_hip'];
  const landmarks = pose.landmarks.map((point, i) => {
    const name = hips.find((h) => LANDMARK_INDEX[h] === i);
    return point && name ? { ...point, ...rotateAbout(point, knee, up * liftDeg) } : point;
  });
  return { ...pose, landmarks };
}

/** The bridge's reading of a recording's first frame, judged on its own. */
function firstFrameResult(recording: PoseRecording) {
  const frame = recording.frames[0];
  return gluteBridge.evaluate(frame?.poses[0] ?? null, gluteBridge.initialState(), {
    timestampMs: 0,
    strictness: 'beginner',
    imageSize: frame?.imageSize ?? null,
  }).result;
}

function hipDeviation(recording: PoseRecording): number | undefined {
  return firstFrameResult(recording).metrics.hipDeviationDeg;
}

/** A clip from real poses, each held for `holdMs` at 15 fps, then the next; null: nobody seen. */
function clipOf(
  template: PoseRecording,
  poses: readonly (readonly [Pose | null, number])[],
): PoseRecording {
  const base = template.frames[0];
  if (!base) throw new Error('no frame');
  const frames: PoseFrame[] = [];
  let t = 0;
  for (const [pose, holdMs] of poses) {
    const end = t + holdMs;
    for (; t < end; t += 1000 / 15) {
      frames.push({ ...base, timestampMs: t, poses: pose ? [pose] : [] });
    }
  }
  return { ...template, mode: 'video', sampleFps: 15, frames };
}

describe('glute bridge on the real fixtures (BlazePose full)', () => {
  it.each(GOOD_FILES)('shows no fault on good form: %s', (file) => {
    const verdict = judgeRecording(gluteBridge, loadRecording(file));
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.couldNotJudge).toBe(false);
  });

  it.each(OVER_ARCHED_FILES)('cues the over-arched deep bridge: %s', (file) => {
    expect(shown(loadRecording(file))).toEqual(['glute-bridge.over-arched']);
    expect(shown(loadRecording(file), 'advanced')).toEqual(['glute-bridge.over-arched']);
  });

  it('answers "can\'t judge" on the 37° deep bridge inside the band, never "good"', () => {
    const recording = loadRecording(IN_BAND_FILE);
    expect(shown(recording)).toEqual([]);
    expect(undecidedOver(gluteBridge, recording)).toContainEqual({
      fault: 'glute-bridge.over-arched',
      reason: 'ambiguous',
    });
  });

  it('gives no wrong cue on the lumbar-driven bridge it cannot see, and never calls it good', () => {
    const recording = loadRecording(LUMBAR_ARCH_FILE);
    expect(shown(recording)).toEqual([]);
    expect(undecidedOver(gluteBridge, recording)).toEqual([
      { fault: 'glute-bridge.over-arched', reason: 'lower-back-hidden' },
    ]);
  });

  it('leaves the lower back open on every good bridge too, but not where the arch is cued', () => {
    for (const file of GOOD_FILES) {
      expect(undecidedOver(gluteBridge, loadRecording(file)), file).toContainEqual({
        fault: 'glute-bridge.over-arched',
        reason: 'lower-back-hidden',
      });
    }
    for (const file of OVER_ARCHED_FILES) {
      expect(undecidedOver(gluteBridge, loadRecording(file)), file).toEqual([]);
    }
  });

  it.each(CLIP_REPS)('counts the reps of %s exactly (%i)', (file, reps) => {
    const verdict = judgeRecording(gluteBridge, loadRecording(file));
    expect(verdict.reps?.total).toBe(reps);
  });

  it('keeps every good fixture above the advanced over-arch threshold too', () => {
    for (const file of GOOD_FILES) {
      expect(shown(loadRecording(file), 'advanced'), file).not.toContain(
        'glute-bridge.over-arched',
      );
    }
  });
});

describe('glute bridge on MoveNet photos', () => {
  for (const file of SCORED_PHOTOS) {
    it(`shows no fault outside the label, or says it cannot see: ${file}`, () => {
      const faults = shown(loadRecording(file, 'movenet-lightning'));
      const allowed: readonly FaultId[] = [...OVER_ARCHED_FILES, IN_BAND_FILE].includes(file)
        ? ['glute-bridge.over-arched']
        : [];
      expect(faults.filter((fault) => !allowed.includes(fault))).toEqual([]);
    });
  }
});

describe('glute bridge on derived bad form (real skeletons, changed)', () => {
  const top = loadRecording('glute_bridge/glute_bridge_good_anim_01_top.jpg');
  const topPose = firstPose(top);
  const bottom = loadRecording('glute_bridge/glute_bridge_good_anim_01_bottom.jpg');
  const bottomPose = firstPose(bottom);

  it('cues over-arched when the thighs turn 25° about the knees, pushing the hips past the line', () => {
    const arched = withFirstPose(top, thighsTurned(topPose, 25));
    expect(-(hipDeviation(arched) ?? 0)).toBeGreaterThan(OVER_ARCHED_DEG);
    expect(shown(arched)).toEqual(['glute-bridge.over-arched']);
  });

  it('does not cue a 15° turn: hips past the line but under both thresholds', () => {
    const slightly = withFirstPose(top, thighsTurned(topPose, 15));
    expect(-(hipDeviation(slightly) ?? 0)).toBeLessThan(OVER_ARCHED_DEG);
    expect(shown(slightly)).toEqual([]);
    expect(shown(slightly, 'advanced')).toEqual([]);
  });

  it('cues hips-low when the thighs turn 15° down about the knees and the top is held there', () => {
    const low = withFirstPose(top, thighsTurned(topPose, -15));
    expect(hipDeviation(low)).toBeGreaterThan(BEGINNER_HIPS_LOW_DEG);
    expect(shown(low)).toEqual(['glute-bridge.hips-low']);
  });

  it('answers "can\'t judge" on a 10° lower top (23°: past the 15° norm, short of the limit)', () => {
    const lower = withFirstPose(top, thighsTurned(topPose, -10));
    expect(hipDeviation(lower)).toBeLessThan(BEGINNER_HIPS_LOW_DEG);
    expect(shown(lower)).toEqual([]);
    expect(undecidedOver(gluteBridge, lower)).toContainEqual({
      fault: 'glute-bridge.hips-low',
      reason: 'ambiguous',
    });
  });

  it('does not cue a 3° lower top (within measurement error of the line)', () => {
    const nearly = withFirstPose(top, thighsTurned(topPose, -3));
    expect(hipDeviation(nearly)).toBeLessThan(BEGINNER_HIPS_LOW_DEG);
    expect(shown(nearly)).toEqual([]);
  });

  it('cues dropped-fast when the hips fall from the top to the floor in one frame (67 ms)', () => {
    const clip = clipOf(top, [
      [bottomPose, 1000],
      [topPose, 1500],
      [bottomPose, 1500],
    ]);
    const verdict = judgeRecording(gluteBridge, clip);
    expect(verdict.shownFaults).toEqual(['glute-bridge.dropped-fast']);
    expect(verdict.reps?.total).toBe(1);
  });

  it('times no drop from a top seen on one frame, as the model misread the rendered bridge', () => {
    const render = loadRecording('rendered/rendered_glute_bridge_01.mp4');
    const fastest = (recording: PoseRecording) =>
      Math.max(
        0,
        ...judgeRecording(gluteBridge, recording).frames.flatMap(
          (frame) => frame.metrics.loweringDegPerS ?? [],
        ),
      );
    // Its hips read on the line for one frame after two unread ones, 40° lower on the next.
    expect(fastest(render)).toBeLessThan(BEGINNER_DROPPED_FAST_DEG_PER_S);
    // Seen from 5° higher, that frame's "drop" lasted into the floor and was cued.
    expect(shown(elevatedRecording(render, 5))).toEqual([]);
    // A top held four frames (the smoothed hips in the top zone for three, 133 ms), then the
    // floor a frame later, is still a drop.
    const briefTop = clipOf(top, [
      [bottomPose, 1000],
      [topPose, (4 * 1000) / 15],
      [bottomPose, 1500],
    ]);
    expect(DROP_TOP_SEEN_MS).toBeLessThanOrEqual((2 * 1000) / 15);
    expect(shown(briefTop)).toEqual(['glute-bridge.dropped-fast']);
  });

  it('times a drop from the last top seen, not from one read after the person was lost', () => {
    // The rendered bridge read so once (docs/checkers.md): the figure lost 200 ms into the lowering,
    // the first frame after read with the hips on the line, the floor on the next. Here, on the
    // photos' real top and floor: a top held, the person unseen for 400 ms, one frame back on the
    // line, then the floor. Timed from that frame it is a 67 ms drop; from the last top seen, the
    // lowering took over half a second.
    const clip = clipOf(top, [
      [bottomPose, 1000],
      [topPose, 1000],
      [null, 400],
      [topPose, 1000 / 15],
      [bottomPose, 1000],
    ]);
    const verdict = judgeRecording(gluteBridge, clip);
    const lowering = verdict.frames.flatMap((frame) => frame.metrics.loweringDegPerS ?? []);
    expect(lowering.length).toBeGreaterThan(0);
    expect(Math.max(...lowering)).toBeLessThan(BEGINNER_DROPPED_FAST_DEG_PER_S);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps?.total).toBe(1);
  });

  it('reads no bridge begun with the knees drawn to the chest, past 100° below the line', () => {
    const phaseAt = (turnDeg: number) =>
      firstFrameResult(withFirstPose(bottom, thighsTurned(bottomPose, turnDeg))).phase;
    // The real start position (60° below the line) turned about the knees: 90° and 120° below.
    expect(phaseAt(-25)).toBe('bottom');
    expect(phaseAt(-60)).toBe('setup');
    expect(MAX_HIP_BELOW_LINE_DEG).toBeGreaterThan(HIPS_LIFTED_BELOW_DEG);
  });

  it('judges no torso too short to read (src/pose/body.ts), as every side-on check', () => {
    const render = loadRecording('rendered/rendered_glute_bridge_01.mp4');
    // At half size one misread frame's torso is under 20 px: judged, it counted a second rep.
    expect(judgeRecording(gluteBridge, scaledRecording(render, 0.5)).reps?.total).toBe(1);
  });

  it('does not cue lowering through the real intermediate poses over 1.2 s', () => {
    const anim = loadRecording('glute_bridge/glute_bridge_good_anim_01.webp');
    const [b0, b1, b2, b3] = anim.frames.map((frame) => frame.poses[0] ?? topPose);
    if (!b0 || !b1 || !b2 || !b3) throw new Error('animation frames missing');
    const clip = clipOf(top, [
      [b0, 1000],
      [b1, 300],
      [b2, 300],
      [b3, 1500],
      [b2, 400],
      [b1, 400],
      [b0, 1500],
    ]);
    const verdict = judgeRecording(gluteBridge, clip);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps?.total).toBe(1);
    // The lowering measured well under the threshold: (60 - 6)° over about 0.8 s.
    expect(BEGINNER_DROPPED_FAST_DEG_PER_S).toBeGreaterThan(54 / 0.8);
  });
});

describe('glute bridge when it cannot judge', () => {
  const top = loadRecording('glute_bridge/glute_bridge_good_01.jpg');
  const pose = firstPose(top);

  it('says it cannot see the hips when they are hidden, and cues nothing', () => {
    const hidden: Pose = {
      ...pose,
      landmarks: pose.landmarks.map((point, i) =>
        point && (i === LANDMARK_INDEX.left_hip || i === LANDMARK_INDEX.right_hip)
          ? { ...point, visibility: 0 }
          : point,
      ),
    };
    const verdict = judgeRecording(gluteBridge, withFirstPose(top, hidden));
    expect(verdict.couldNotJudge).toBe(true);
    expect(verdict.unseen).toContain('hips');
    expect(verdict.shownFaults).toEqual([]);
  });

  it('asks to turn sideways when filmed from the front', () => {
    const result = gluteBridge.evaluate(standingFront(), gluteBridge.initialState(), {
      timestampMs: 0,
      strictness: 'beginner',
      imageSize: FIXTURE_IMAGE,
    }).result;
    expect(result).toMatchObject({ status: 'wrong-view', viewAdvice: 'setup.turn-sideways' });
    expect(result.faults).toEqual([]);
  });

  it('is in setup, with no form feedback, when standing side-on', () => {
    const result = gluteBridge.evaluate(standingSideFacingRight(), gluteBridge.initialState(), {
      timestampMs: 0,
      strictness: 'advanced',
      imageSize: FIXTURE_IMAGE,
    }).result;
    expect(result).toMatchObject({
      status: 'ok',
      phase: 'setup',
      viewAdvice: 'setup.get-in-position',
      faults: [],
    });
  });

  it('honours the exercise contract', () => {
    expect(exerciseContractViolations(gluteBridge, pose)).toEqual([]);
  });
});
