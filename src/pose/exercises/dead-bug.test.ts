import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { LANDMARK_INDEX } from '../landmarks';
import type { Pose, PoseFrame } from '../pose';
import type { PoseRecording } from '../recording';
import { nearSide, sideLandmarkName } from '../side';
import { exerciseContractViolations } from '../testing/exercise-contract';
import { FIXTURE_IMAGE, standingFront, standingSideFacingRight } from '../testing/poses';
import {
  ADVANCED_FLOOR_GAP_RISE_TORSOS,
  BEGINNER_FLOOR_GAP_RISE_TORSOS,
  BEGINNER_LUMBAR_LIFT_DEG,
  FLOOR_GAP_TORSOS,
  FLOOR_GAP_UNSURE_TORSOS,
  LEG_LOWERED_BELOW_TORSOS,
  deadBug,
} from './dead-bug';
import { judgeRecording } from './judge-recording';
import type { Evidence, FaultId, Strictness } from './types';
import {
  UPPER_BODY_INDEXES,
  closerFramedRecording,
  elevatedRecording,
  rotateAbout,
  turnedRecording,
  withFirstPose,
  withoutOutline,
} from '../testing/reshape';
import { resultsOver } from '../testing/undecided';

/*
 * Labelled dead-bug files, BlazePose full, beginner. Lowest ankle height above the trunk line
 * (torso lengths) and trunk extension from the start position (degrees; photos have no start):
 *
 * | file                            | label       | ankle height | trunk ext. | shown | reps | verdict |
 * | ------------------------------- | ----------- | ------------ | ---------- | ----- | ---- | ------- |
 * | dead_bug_start_01.jpg           | none        | 0.73 (start) | 0          | -     |      | right   |
 * | dead_bug_good_toetap_01.jpg     | none        | 0.14         | -          | -     |      | right   |
 * | dead_bug_good_legextend_02.jpg  | none        | 0.31         | -          | -     |      | right   |
 * | dead_bug_good_armleg_03.jpg     | none        | 0.04         | -          | -     |      | right   |
 * | rendered_dead_bug_01.mp4        | none, 1 rep | 0.57..0.05   | 0..1       | -     | 1    | right   |
 *
 * No bad-form dead bug exists in the data: lumbar lift is derived below from the real render.
 */

/** Photos of a leg lowered: no start position, so the lower back's gap alone judges them. */
const GOOD_LOWERED_PHOTOS: readonly string[] = [
  'dead_bug/dead_bug_good_toetap_01.jpg',
  'dead_bug/dead_bug_good_legextend_02.jpg',
  'dead_bug/dead_bug_good_armleg_03.jpg',
];
/** The tabletop start: the lower back stays on the floor there too (docs/checkers.md). */
const GOOD_START_PHOTO = 'dead_bug/dead_bug_start_01.jpg';
const GOOD_PHOTOS: readonly string[] = [GOOD_START_PHOTO, ...GOOD_LOWERED_PHOTOS];
const GOOD_FILES: readonly string[] = [...GOOD_PHOTOS, 'rendered/rendered_dead_bug_01.mp4'];
const RENDER = 'rendered/rendered_dead_bug_01.mp4';

function shown(recording: PoseRecording, strictness: Strictness = 'beginner'): FaultId[] {
  return [...judgeRecording(deadBug, recording, strictness).shownFaults].sort();
}

/**
 * The trunk extended by `degrees` about the near hip: head, shoulders and arms turn so the
 * shoulder-hip line extends (the hip rises against the shoulders), as when the low back arches
 * off the floor and the ribs flare. Applied only while a leg is lowered.
 */
function trunkExtended(pose: Pose, degrees: number): Pose {
  const side = nearSide(pose, { imageSize: null })?.side ?? 'left';
  const hip = pose.landmarks[LANDMARK_INDEX[sideLandmarkName(side, 'hip')]];
  const shoulder = pose.landmarks[LANDMARK_INDEX[sideLandmarkName(side, 'shoulder')]];
  if (!hip || !shoulder) throw new Error('no near hip or shoulder');
  // Extension moves the shoulder down on screen, towards the floor.
  const down = rotateAbout(shoulder, hip, 1).y > shoulder.y ? 1 : -1;
  const landmarks = pose.landmarks.map((point, i) =>
    point && UPPER_BODY_INDEXES.has(i)
      ? { ...point, ...rotateAbout(point, hip, down * degrees) }
      : point,
  );
  return { ...pose, landmarks };
}

/**
 * The real render with `change` applied to the person in every frame where a leg is lowered (as
 * the checker sees it, frame by frame), saying how it was derived.
 */
function renderWhileLowered(
  change: (pose: Pose, frame: PoseFrame) => Pose,
  derivation: string,
): PoseRecording {
  const render = loadRecording(RENDER);
  let state = deadBug.initialState();
  const frames = render.frames.map((frame) => {
    const pose = frame.poses[0] ?? null;
    const step = deadBug.evaluate(pose, state, {
      timestampMs: frame.timestampMs,
      strictness: 'beginner',
      imageSize: frame.imageSize,
    });
    state = step.state;
    const lowered =
      (step.result.metrics.lowestAnkleAboveTrunkTorsos ?? 1) < LEG_LOWERED_BELOW_TORSOS;
    return lowered && pose ? { ...frame, poses: [change(pose, frame)] } : frame;
  });
  return { ...render, frames, derivation };
}

/** The render with the trunk extended by `degrees` in every frame where a leg is lowered. */
function renderWithLumbarLift(degrees: number): PoseRecording {
  return renderWhileLowered(
    (pose) => trunkExtended(pose, degrees),
    `trunk extended ${degrees}° while the leg is lowered`,
  );
}

describe('dead bug on the real fixtures (BlazePose full)', () => {
  it.each(GOOD_FILES)('shows no fault on good form: %s', (file) => {
    const verdict = judgeRecording(deadBug, loadRecording(file));
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.couldNotJudge).toBe(false);
    expect(shown(loadRecording(file), 'advanced')).toEqual([]);
  });

  it('counts the one rep of the render, on the lowered leg side', () => {
    const verdict = judgeRecording(deadBug, loadRecording(RENDER));
    expect(verdict.reps).toMatchObject({ total: 1, clean: 1 });
    expect((verdict.reps?.left ?? 0) + (verdict.reps?.right ?? 0)).toBe(1);
  });

  it('keeps the rep clean at live frame rates, where a 0.2 s bump of the gap passes the limit', () => {
    // Every other frame (7.5 fps, as the live app runs here): the smoothed gap reads past
    // FLOOR_GAP_TORSOS on one frame as the leg returns (15 fps: 0.099). Too short to cue, so it
    // marks no rep "with a fault" either.
    const render = loadRecording(RENDER);
    const halfRate = { ...render, frames: render.frames.filter((_, i) => i % 2 === 1) };
    const verdict = judgeRecording(deadBug, halfRate);
    const gaps = verdict.frames.map((frame) => frame.metrics.floorGapTorsos ?? 0);
    expect(Math.max(...gaps)).toBeGreaterThan(FLOOR_GAP_TORSOS);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.reps).toMatchObject({ total: 1, clean: 1 });
  });

  it('knows the start position and the lowered leg in the photos', () => {
    const phaseOf = (file: string) => {
      const frame = loadRecording(file).frames[0];
      return deadBug.evaluate(frame?.poses[0] ?? null, deadBug.initialState(), {
        timestampMs: 0,
        strictness: 'beginner',
        imageSize: frame?.imageSize ?? null,
      }).result;
    };
    expect(phaseOf('dead_bug/dead_bug_start_01.jpg')).toMatchObject({
      phase: 'start',
      activeSide: null,
    });
    expect(phaseOf('dead_bug/dead_bug_good_armleg_03.jpg').phase).toBe('extended');
    expect(phaseOf('dead_bug/dead_bug_good_toetap_01.jpg').phase).toBe('extended');
  });
});

describe('dead bug on MoveNet photos', () => {
  for (const file of GOOD_FILES.filter((name) => name.endsWith('.jpg'))) {
    it(`shows no fault, or says it cannot see: ${file}`, () => {
      expect(shown(loadRecording(file, 'movenet-lightning'))).toEqual([]);
    });
  }
});

describe('dead bug on derived lumbar lift (the real render, trunk extended)', () => {
  it('cues lumbar lift when the trunk extends 20° while the leg is lowered', () => {
    const lifted = renderWithLumbarLift(20);
    expect(shown(lifted)).toEqual(['dead-bug.lumbar-lift']);
    const verdict = judgeRecording(deadBug, lifted);
    expect(verdict.reps).toMatchObject({ total: 1, clean: 0 });
  });

  it(`does not cue a 10° extension (under the beginner ${BEGINNER_LUMBAR_LIFT_DEG}°)`, () => {
    expect(shown(renderWithLumbarLift(10))).toEqual([]);
  });

  it('cues a 14° extension only at advanced', () => {
    const lifted = renderWithLumbarLift(14);
    expect(shown(lifted)).toEqual([]);
    expect(shown(lifted, 'advanced')).toEqual(['dead-bug.lumbar-lift']);
  });

  it('never judges lumbar lift on a photo: a still has no start position to compare with', () => {
    const photo = loadRecording('dead_bug/dead_bug_good_armleg_03.jpg');
    const frame = photo.frames[0];
    const pose = frame?.poses[0];
    if (!frame || !pose) throw new Error('no pose');
    const arched = { ...photo, frames: [{ ...frame, poses: [trunkExtended(pose, 30)] }] };
    expect(shown(arched)).toEqual([]);
  });
});

describe('dead bug when it cannot judge', () => {
  const photo = loadRecording('dead_bug/dead_bug_start_01.jpg');
  const frame = photo.frames[0];
  const pose = frame?.poses[0];
  if (!frame || !pose) throw new Error('no pose');

  it('says it cannot see the hips when they are hidden, and cues nothing', () => {
    const hidden: Pose = {
      ...pose,
      landmarks: pose.landmarks.map((point, i) =>
        i === LANDMARK_INDEX.left_hip || i === LANDMARK_INDEX.right_hip ? null : point,
      ),
    };
    const verdict = judgeRecording(deadBug, { ...photo, frames: [{ ...frame, poses: [hidden] }] });
    expect(verdict.couldNotJudge).toBe(true);
    expect(verdict.unseen).toContain('hips');
    expect(verdict.shownFaults).toEqual([]);
  });

  it('asks to turn sideways when filmed from the front', () => {
    const result = deadBug.evaluate(standingFront(), deadBug.initialState(), {
      timestampMs: 0,
      strictness: 'beginner',
      imageSize: FIXTURE_IMAGE,
    }).result;
    expect(result).toMatchObject({ status: 'wrong-view', viewAdvice: 'setup.turn-sideways' });
  });

  it('is in setup, with no form feedback, when standing side-on', () => {
    const result = deadBug.evaluate(standingSideFacingRight(), deadBug.initialState(), {
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
    expect(exerciseContractViolations(deadBug, pose)).toEqual([]);
  });
});

/**
 * The lower back lifted off the floor on the silhouette: the outline's vertices between 0.55 and
 * 0.9 of the way from shoulder to hip (back and belly) move `torsos` torso lengths away from the
 * floor, in every frame where a leg is lowered (the joints stay where they are, as when the lumbar
 * spine arches while the pelvis and shoulders stay down).
 */
function backOffFloor(pose: Pose, frame: PoseFrame, torsos: number): Pose {
  const side = nearSide(pose, { imageSize: frame.imageSize })?.side;
  if (!pose.outline || !side) return pose;
  const shoulder = pose.landmarks[LANDMARK_INDEX[sideLandmarkName(side, 'shoulder')]];
  const hip = pose.landmarks[LANDMARK_INDEX[sideLandmarkName(side, 'hip')]];
  if (!shoulder || !hip) return pose;
  const torso = Math.hypot(hip.x - shoulder.x, hip.y - shoulder.y);
  const along = { x: (hip.x - shoulder.x) / torso, y: (hip.y - shoulder.y) / torso };
  // Lying on the back: the floor is +y on screen.
  const up = along.x >= 0 ? { x: along.y, y: -along.x } : { x: -along.y, y: along.x };
  const xy = [...pose.outline.xy];
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const dx = (xy[i] ?? 0) - shoulder.x;
    const dy = (xy[i + 1] ?? 0) - shoulder.y;
    const t = (dx * along.x + dy * along.y) / torso;
    if (t > 0.55 && t < 0.9) {
      xy[i] = (xy[i] ?? 0) + torsos * torso * up.x;
      xy[i + 1] = (xy[i + 1] ?? 0) + torsos * torso * up.y;
    }
  }
  return { ...pose, outline: { ...pose.outline, xy } };
}

function renderWithBackOffFloor(torsos: number): PoseRecording {
  return renderWhileLowered(
    (pose, frame) => backOffFloor(pose, frame, torsos),
    `lower back ${torsos} torso lengths off the floor`,
  );
}

/** A real photo of a lowered leg with its lower back `torsos` torso lengths off the floor. */
function photoWithBackOffFloor(file: string, torsos: number): PoseRecording {
  const photo = loadRecording(file);
  return {
    ...photo,
    frames: photo.frames.map((frame) => ({
      ...frame,
      poses: frame.poses.map((pose) => backOffFloor(pose, frame, torsos)),
    })),
    derivation: `lower back ${torsos} torso lengths off the floor`,
  };
}

describe('dead bug lower back off the floor, on the silhouette (the real render, derived)', () => {
  // The simplified outline's vertices are sparse, so the measured gap follows the derived lift
  // only roughly (a 0.19 lift reads 0.09-0.20): the test keeps a factor of two either side.
  it.each([
    ['beginner', BEGINNER_FLOOR_GAP_RISE_TORSOS],
    ['advanced', ADVANCED_FLOOR_GAP_RISE_TORSOS],
  ] as const)(
    '%s: a lift of twice the threshold is cued, half of it is not',
    (strictness, rise) => {
      expect(shown(renderWithBackOffFloor(2 * rise), strictness)).toEqual(['dead-bug.lumbar-lift']);
      expect(shown(renderWithBackOffFloor(rise / 2), strictness)).toEqual([]);
    },
  );

  it('draws the back and the floor line it is measured from, highlighted when cued', () => {
    const recording = renderWithBackOffFloor(2 * BEGINNER_FLOOR_GAP_RISE_TORSOS);
    let state = deadBug.initialState();
    const drawn: { readonly cued: boolean; readonly backOutline: Evidence | undefined }[] = [];
    for (const frame of recording.frames) {
      const step = deadBug.evaluate(frame.poses[0] ?? null, state, {
        timestampMs: frame.timestampMs,
        strictness: 'beginner',
        imageSize: frame.imageSize,
      });
      state = step.state;
      const backOutline = step.result.evidence.find(
        (item) => item.kind === 'line' && (item.via?.length ?? 0) > 0,
      );
      drawn.push({ cued: step.result.faults.length > 0, backOutline });
    }
    const cued = drawn.filter((frame) => frame.cued);
    expect(cued.length).toBeGreaterThan(0);
    for (const frame of cued) {
      expect(frame.backOutline).toMatchObject({ kind: 'line', about: 'dead-bug.lumbar-lift' });
    }
    expect(drawn.some((frame) => !frame.cued && frame.backOutline?.about === null)).toBe(true);
  });

  it('reads the gap on the real render and says when there is no outline to read it on', () => {
    const render = loadRecording(RENDER);
    const lowered = render.frames.find((frame) => {
      const result = deadBug.evaluate(frame.poses[0] ?? null, deadBug.initialState(), {
        timestampMs: 0,
        strictness: 'beginner',
        imageSize: frame.imageSize,
      }).result;
      return result.phase === 'extended';
    });
    const pose = lowered?.poses[0];
    if (!lowered || !pose) throw new Error('no lowered leg in the render');
    const judge = (p: Pose) =>
      deadBug.evaluate(p, deadBug.initialState(), {
        timestampMs: 0,
        strictness: 'beginner',
        imageSize: lowered.imageSize,
      }).result;
    expect(judge(pose).metrics.backOutlineSeen).toBe(1);
    expect(judge(pose).metrics.floorGapTorsos).toBeLessThan(BEGINNER_FLOOR_GAP_RISE_TORSOS);
    expect(judge(withoutOutline(pose))).toMatchObject({
      faults: [],
      undecided: [{ fault: 'dead-bug.lumbar-lift', reason: 'needs-body-outline' }],
    });
  });
});

describe('dead bug lower back off the floor in a photo: the gap alone, in the tabletop too', () => {
  // The photos' gaps read 0.00-0.04 torso lengths; good form's top is FLOOR_GAP_UNSURE_TORSOS.
  it.each(GOOD_PHOTOS)('%s: lifted well past the limit is cued', (file) => {
    const lifted = photoWithBackOffFloor(file, 2 * FLOOR_GAP_TORSOS);
    expect(shown(lifted)).toEqual(['dead-bug.lumbar-lift']);
  });

  it.each(GOOD_PHOTOS)(
    '%s: lifted into the band past good form is "can\'t judge", not good',
    (file) => {
      const gap = (recording: PoseRecording): number =>
        judgeRecording(deadBug, recording).frames[0]?.metrics.floorGapTorsos ?? Number.NaN;
      // The outline's vertices are sparse, so the lift is stepped until the gap reads between
      // good form's top and the limit.
      const lifts = Array.from({ length: 40 }, (_, i) => 0.005 * (i + 1));
      const lifted = lifts
        .map((torsos) => photoWithBackOffFloor(file, torsos))
        .find((recording) => {
          const read = gap(recording);
          return read > FLOOR_GAP_UNSURE_TORSOS && read < FLOOR_GAP_TORSOS;
        });
      if (!lifted) throw new Error('no lift reads inside the band');
      expect(shown(lifted)).toEqual([]);
      expect(judgeRecording(deadBug, lifted).couldNotJudge).toBe(true);
    },
  );
});

/** How much of the body's length a close frame cuts off at the feet. */
const FEET_OUT_CUT_FRACTION = 0.08;

describe('dead bug reps from the knees, whichever way the legs rest', () => {
  it('counts the 6 alternating knee lifts of a variant that rests lying flat (dead_bug_good_video_03)', () => {
    // Its zoom hides the ankles for 1.3 s in the middle of the fourth rep.
    const verdict = judgeRecording(deadBug, loadRecording('dead_bug/dead_bug_good_video_03.mp4'));
    expect(verdict.reps?.total).toBe(6);
    expect(verdict.reps?.left).toBe(3);
    expect(verdict.reps?.right).toBe(3);
    expect(verdict.shownFaults).toEqual([]);
  });

  it('counts from the knees while a foot is out of a close frame, the lift left open till it is back', () => {
    // The feet's end of the body cut 8% inside the feet (reshape.ts): a lifted foot leaves the
    // frame for 1.3 s in one rep, which the old reading, needing the ankle, lost (5 of 6).
    const framed = closerFramedRecording(
      loadRecording('dead_bug/dead_bug_good_video_03.mp4'),
      FEET_OUT_CUT_FRACTION,
      'first',
    );
    expect(judgeRecording(deadBug, framed).reps?.total).toBe(6);
    const feetOut = resultsOver(deadBug, framed).filter(({ result }) =>
      result.undecided.some(({ reason }) => reason === 'out-of-frame'),
    );
    expect(feetOut.length).toBeGreaterThan(0);
    for (const { result } of feetOut) {
      expect(result.status).toBe('ok');
      expect(result.faults).toEqual([]);
      expect(result.undecided).toEqual([{ fault: 'dead-bug.lumbar-lift', reason: 'out-of-frame' }]);
      expect(result.repSignal).not.toBeNull();
      // Counting goes on: a set is not held up asking to step back (placement.ts).
      expect(result.viewAdvice).toBeNull();
    }
  });

  it('counts the one leg lowered from tabletop in the render', () => {
    const verdict = judgeRecording(deadBug, loadRecording('rendered/rendered_dead_bug_01.mp4'));
    expect(verdict.reps?.total).toBe(1);
  });

  it('reads a camera 20° higher than filmed (about 30° above the mat) as side-on, and counts', () => {
    const recording = loadRecording('dead_bug/dead_bug_good_video_03.mp4');
    const fromAbove = judgeRecording(deadBug, elevatedRecording(recording, 20));
    // 338 of 446 frames; 90 while the far shoulder's rise was read as the body turned (view.ts).
    const sideOn = fromAbove.frames.filter((frame) => frame.view === 'side').length;
    expect(sideOn).toBeGreaterThan(fromAbove.frames.length / 2);
    expect(fromAbove.reps?.total).toBe(6);
    expect(fromAbove.shownFaults).toEqual([]);
  });
});

/**
 * From three-quarter the image foreshortens trunk and legs; the world landmarks' side view does
 * not. The real side-on recordings turned 35° about the vertical (reshape.ts), the most a side
 * view may be off (view.ts): a sixth (75 of 446) to all (49 of 49) of their frames then read
 * three-quarter, the rest side-on. Reps count across both; at three-quarter the lumbar lift is left
 * to a side view, never called good.
 */
describe('dead bug at three-quarter, read on the world landmarks', () => {
  const turned = (file: string, degrees: number): PoseRecording =>
    turnedRecording(loadRecording(file), degrees);

  it.each([
    ['dead_bug/dead_bug_good_video_03.mp4', 35, 6],
    ['rendered/rendered_dead_bug_01.mp4', -35, 1],
  ] as const)('%s turned %i° counts its %i reps, with no cue', (file, degrees, reps) => {
    const recording = turned(file, degrees);
    const verdict = judgeRecording(deadBug, recording);
    const judgedAngled = verdict.frames.filter(
      (frame) => frame.view === 'three-quarter' && frame.status === 'ok',
    );
    expect(judgedAngled.length).toBeGreaterThan(verdict.frames.length / 8);
    expect(verdict.reps?.total).toBe(reps);
    expect(verdict.shownFaults).toEqual([]);
    // Open in every phase there, the tabletop too: nothing at three-quarter is judged.
    for (const { result } of resultsOver(deadBug, recording)) {
      if (result.view !== 'three-quarter' || result.status !== 'ok') continue;
      expect(result.undecided).toContainEqual({
        fault: 'dead-bug.lumbar-lift',
        reason: 'needs-side-view',
      });
    }
  });

  it('asks to turn sideways at three-quarter without world landmarks (MoveNet)', () => {
    const recording = turned('dead_bug/dead_bug_start_01.jpg', 30);
    const pose = recording.frames[0]?.poses[0];
    if (!pose) throw new Error('no pose');
    const frame = judgeRecording(deadBug, recording).frames[0];
    expect(frame).toMatchObject({ status: 'ok', phase: 'start', view: 'three-quarter' });
    const flat = withFirstPose(recording, { ...pose, worldLandmarks: null });
    expect(judgeRecording(deadBug, flat).frames[0]).toMatchObject({
      status: 'wrong-view',
      view: 'three-quarter',
    });
  });
});
