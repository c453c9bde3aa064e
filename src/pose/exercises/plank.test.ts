import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import type { FixtureEngine } from '../../../tests/support/fixtures';
import { deviationBelowLine } from '../geometry/lines';
import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX, LANDMARK_NAMES } from '../landmarks';
import type { ImageLandmark, Pose } from '../pose';
import type { PoseRecording } from '../recording';
import { nearSide, sideLandmarkName } from '../side';
import type { Side } from '../side';
import { exerciseContractViolations } from '../testing/exercise-contract';
import { FIXTURE_IMAGE, plankSide, standingFront } from '../testing/poses';
import { initialCoachState, stepCoach } from './coach';
import { judgeRecording } from './judge-recording';
import {
  ADVANCED_HEAD_DROP_DEG,
  ADVANCED_HIP_PIKE_DEG,
  ADVANCED_HIP_SAG_DEG,
  BEGINNER_HEAD_DROP_DEG,
  BEGINNER_HIP_PIKE_DEG,
  BEGINNER_HIP_SAG_DEG,
  plank,
  WORLD_HIP_PIKE_DEG,
} from './plank';
import type { EvaluateContext, FaultId, Strictness } from './types';
import {
  firstPose,
  rotateAbout,
  transformLandmarks,
  turnedAboutVertical,
  withFirstPose,
  withoutOutline,
} from '../testing/reshape';
import { undecidedOver } from '../testing/undecided';

/**
 * Labelled plank files (labels.csv), recorded with BlazePose full: hip deviation from the
 * shoulder-ankle line while judged in position (degrees, + = below it; clips min / median / max),
 * the back outline's dip (torso lengths) and lumbar bend (degrees, + = sagging; both
 * outline/back-curve, smoothed; clips p10 / median / p90 while holding) and the verdict at beginner
 * and advanced.
 *
 * | file                               | label   | hip deviation         | back dip              | lumbar bend          | verdict    |
 * | ---------------------------------- | ------- | --------------------- | --------------------- | -------------------- | ---------- |
 * | plank_good_forearm_01.jpg          | none    | -4.1                  | 0.025                 | -0.2                 | right      |
 * | plank_good_forearm_02.jpg          | none    | -7.4                  | 0.052                 | +5.5                 | right      |
 * | plank_good_forearm_03.jpg          | none    | -11.2                 | 0.019                 | -3.3                 | right      |
 * | plank_good_high_01.jpg             | none    | -19.9                 | 0.000                 | -14.0                | right      |
 * | plank_hipshigh_02.jpg              | piked   | -51.6                 | 0.000                 | -                    | right      |
 * | plank_sagging_01.jpg               | sagging | -0.7                  | 0.089                 | +14.4                | can't judge (*) |
 * | plank_sagging_high_01.jpg          | sagging | +3.1                  | 0.138                 | +20.6                | right (*)  |
 * | plank_good_forearm_side_01.mp4     | none    | -12.9 / -1.0 / +1.2   | 0.066 / 0.076 / 0.088 | +2.4 / +3.7 / +6.6   | right      |
 * | plank_good_video_02.mp4            | none    | -33.7 / -10.1 / +13.0 | 0.000 / 0.000 / 0.003 | -11.1 / -9.9 / -8.1  | right      |
 * | plank_hipshigh_video_01.mp4        | piked   | -51.3 / -50.8 / -14.7 | 0.000 / 0.000 / 0.003 | -40.2 / -38.4 / -16.7| right      |
 * | plank_sagging_video_01.mp4         | sagging | -4.3 / -0.2 / +17.8   | 0.074 / 0.104 / 0.121 | +8.5 / +17.6 / +23.4 | right (*)  |
 * | rendered_plank_01.mp4              | none    | -9.4 / -5.0 / -1.0    | 0.020 / 0.027 / 0.042 | +0.2 / +1.6 / +3.4   | right      |
 * | plank_unknown_forearm_01.jpg       | unknown | +4.3                  | 0.207                 | +28.4                | not scored |
 * | plank_unknown_forearm_34view_01.mp4| unknown | -8.9 / -5.1 / -3.1    | 0.065 / 0.070 / 0.080 | -                    | not scored |
 *
 * (*) The lower back sags while the hip joint stays on the line: invisible to joint angles, seen
 * only on the silhouette's outline. Without an outline (MoveNet) these are missed and the plank is
 * reported undecided for sagging instead of good. The mild sag's dip (0.089) lies inside the good
 * forearm clip's range, and its lumbar bend (14.4°), well above that clip's (p90 6.6°), is short
 * of the limit the next source's prediction sets (17°, docs/judgement.md): "can't judge". Single
 * frames while moving into or out of the plank reach further (good clips: bend up to 21.5°); the
 * 400 ms persistence gate keeps them from being shown.
 */
interface LabelledFile {
  readonly file: string;
  readonly expected: readonly FaultId[];
}

const GOOD_FILES: readonly string[] = [
  'plank/plank_good_forearm_01.jpg',
  'plank/plank_good_forearm_02.jpg',
  'plank/plank_good_forearm_03.jpg',
  'plank/plank_good_high_01.jpg',
  'plank/plank_good_forearm_side_01.mp4',
  'plank/plank_good_video_02.mp4',
  'rendered/rendered_plank_01.mp4',
];

/**
 * The lower back sags into an arch while the hip joint stays near the line: a joint-angle rule
 * cannot see it, the silhouette's outline does (recorded with `--outline`).
 */
const LUMBAR_SAG_FILES: readonly string[] = [
  'plank/plank_sagging_01.jpg',
  'plank/plank_sagging_high_01.jpg',
  'plank/plank_sagging_video_01.mp4',
];

/** The mild sag, between good form's top and the limit on both outline measures. */
const IN_BAND_SAG_FILE = 'plank/plank_sagging_01.jpg';

/** Piking shows at the hip joint; sagging of the lower back on the outline. */
const FAULTY_FILES: readonly LabelledFile[] = [
  { file: 'plank/plank_hipshigh_02.jpg', expected: ['plank.hips-piked'] },
  { file: 'plank/plank_hipshigh_video_01.mp4', expected: ['plank.hips-piked'] },
  ...LUMBAR_SAG_FILES.filter((file) => file !== IN_BAND_SAG_FILE).map((file) => ({
    file,
    expected: ['plank.hips-sagging'] as const,
  })),
];

const MOVENET_PHOTOS: readonly string[] = [
  'plank/plank_good_forearm_01.jpg',
  'plank/plank_good_forearm_02.jpg',
  'plank/plank_good_forearm_03.jpg',
  'plank/plank_good_high_01.jpg',
  'plank/plank_sagging_high_01.jpg',
  'plank/plank_hipshigh_02.jpg',
  'plank/plank_sagging_01.jpg',
  'plank/plank_unknown_forearm_01.jpg',
];

const STRICTNESSES: readonly Strictness[] = ['beginner', 'advanced'];

function shown(file: string, strictness: Strictness, engine?: FixtureEngine): FaultId[] {
  return [...judgeRecording(plank, loadRecording(file, engine), strictness).shownFaults].sort();
}

function point(pose: Pose, name: LandmarkName): ImageLandmark {
  const found = pose.landmarks[LANDMARK_INDEX[name]];
  if (!found) throw new Error(`no ${name}`);
  return found;
}

const BOTH_SIDES: readonly Side[] = ['left', 'right'];
const LEG_JOINTS = ['knee', 'ankle', 'heel', 'foot_index'] as const;
/** The head: every landmark before the shoulders in the model's order. */
const HEAD_LANDMARKS = LANDMARK_NAMES.slice(0, LANDMARK_INDEX.left_shoulder);

function nearSideOf(pose: Pose): Side {
  const side = nearSide(pose, { imageSize: null })?.side;
  if (!side) throw new Error('no near side');
  return side;
}

function hipDeviationDeg(pose: Pose): number {
  const side = nearSideOf(pose);
  const at = (joint: 'shoulder' | 'hip' | 'ankle') => point(pose, sideLandmarkName(side, joint));
  const deviation = deviationBelowLine(at('hip'), at('shoulder'), at('ankle'));
  if (!deviation) throw new Error('no hip line');
  return deviation.deviationDeg;
}

/**
 * A physically plausible hip sag (positive) or pike (negative) of `degrees` while hands and feet
 * stay put: the legs bend at the hip by `degrees`, then hips and legs swing together about the
 * shoulder until the ankle is back on its original shoulder-ankle line. The hip then leaves that
 * line by `degrees` more, at the same body length. `points` are image or world landmarks (both y
 * down, x along the image), turned in their x-y plane: the plane of the body line side-on.
 */
function bentAtHips<P extends Vec2>(
  points: readonly (P | null)[],
  side: Side,
  degrees: number,
): (P | null)[] {
  const at = (list: readonly (P | null)[], joint: 'shoulder' | 'hip' | 'ankle'): P => {
    const found = list[LANDMARK_INDEX[sideLandmarkName(side, joint)]];
    if (!found) throw new Error(`no ${side} ${joint}`);
    return found;
  };
  const moved = (
    list: readonly (P | null)[],
    names: readonly LandmarkName[],
    move: (p: P) => P,
  ): (P | null)[] => {
    const indices = new Set(names.map((name) => LANDMARK_INDEX[name]));
    return list.map((p, i) => (p && indices.has(i) ? move(p) : p));
  };
  const [shoulder, hip, ankle] = [at(points, 'shoulder'), at(points, 'hip'), at(points, 'ankle')];
  const legs = BOTH_SIDES.flatMap((s) => LEG_JOINTS.map((joint) => sideLandmarkName(s, joint)));
  const hips: LandmarkName[] = ['left_hip', 'right_hip'];
  // Which rotation sense lowers the hip relative to the line depends on the facing.
  const headLeft = shoulder.x < ankle.x;
  const bent = moved(points, legs, (p) => rotateAbout(p, hip, headLeft ? -degrees : degrees));
  const newAnkle = at(bent, 'ankle');
  const swing =
    (Math.atan2(ankle.y - shoulder.y, ankle.x - shoulder.x) -
      Math.atan2(newAnkle.y - shoulder.y, newAnkle.x - shoulder.x)) *
    (180 / Math.PI);
  return moved(bent, [...hips, ...legs], (p) => rotateAbout(p, shoulder, swing));
}

function bendHips(pose: Pose, degrees: number): Pose {
  return { ...pose, landmarks: bentAtHips(pose.landmarks, nearSideOf(pose), degrees) };
}

/** The same bend in the world landmarks of a side-on photo (their x-y plane is the body's). */
function bendWorldHips(pose: Pose, degrees: number): Pose {
  if (!pose.worldLandmarks) throw new Error('no world landmarks');
  return {
    ...pose,
    worldLandmarks: bentAtHips(pose.worldLandmarks, nearSideOf(pose), degrees),
  };
}

/** Neck flexion: the head landmarks rotate about the near shoulder towards the floor. */
function dropHead(pose: Pose, degrees: number): Pose {
  const side = nearSideOf(pose);
  const shoulder = point(pose, sideLandmarkName(side, 'shoulder'));
  const ear = point(pose, sideLandmarkName(side, 'ear'));
  const headLeft = ear.x < shoulder.x;
  return transformLandmarks(pose, HEAD_LANDMARKS, (p) =>
    rotateAbout(p, shoulder, headLeft ? -degrees : degrees),
  );
}

function judgeDerived(
  file: string,
  change: (pose: Pose) => Pose,
  strictness: Strictness,
): FaultId[] {
  const recording = loadRecording(file);
  const derived = withFirstPose(recording, change(firstPose(recording)), `derived from ${file}`);
  return [...judgeRecording(plank, derived, strictness).shownFaults];
}

const context: EvaluateContext = {
  timestampMs: 0,
  strictness: 'beginner',
  imageSize: FIXTURE_IMAGE,
};

describe('plank on real recordings (BlazePose full)', () => {
  it.each(STRICTNESSES)('shows no fault on any good plank file (%s)', (strictness) => {
    const cued = GOOD_FILES.map((file) => ({ file, faults: shown(file, strictness) }));
    expect(cued.filter(({ faults }) => faults.length > 0)).toEqual([]);
  });

  it.each(STRICTNESSES)('shows the labelled fault and nothing else (%s)', (strictness) => {
    for (const { file, expected } of FAULTY_FILES) {
      expect({ file, faults: shown(file, strictness) }).toEqual({ file, faults: expected });
    }
  });

  it('answers "can\'t judge" on the mild sag, never "good"', () => {
    const recording = loadRecording(IN_BAND_SAG_FILE);
    expect(judgeRecording(plank, recording).shownFaults).toEqual([]);
    expect(undecidedOver(plank, recording)).toContainEqual({
      fault: 'plank.hips-sagging',
      reason: 'ambiguous',
    });
  });

  it('without the outline, misses the lower-back sag, says so, and gives no wrong cue', () => {
    for (const file of LUMBAR_SAG_FILES) {
      const recording = loadRecording(file);
      const stripped: PoseRecording = {
        ...recording,
        frames: recording.frames.map((frame) => ({
          ...frame,
          poses: frame.poses.map(withoutOutline),
        })),
      };
      expect({ file, faults: judgeRecording(plank, stripped).shownFaults }).toEqual({
        file,
        faults: [],
      });
      const still = stripped.frames.at(-1);
      const pose = still?.poses[0];
      if (!still || !pose) throw new Error(`${file}: no pose`);
      const result = plank.evaluate(pose, plank.initialState(), {
        ...context,
        imageSize: still.imageSize,
      }).result;
      expect(result.metrics.backOutlineSeen).toBe(0);
    }
  });

  it('without the outline, never calls the plank good for sagging: it is undecided', () => {
    const frame = loadRecording('plank/plank_good_forearm_01.jpg').frames[0];
    const pose = frame?.poses[0];
    if (!frame || !pose) throw new Error('no pose');
    const judge = (p: Pose) =>
      plank.evaluate(p, plank.initialState(), { ...context, imageSize: frame.imageSize }).result;
    expect(judge(pose)).toMatchObject({ phase: 'holding', faults: [], undecided: [] });
    expect(judge(withoutOutline(pose))).toMatchObject({
      phase: 'holding',
      faults: [],
      undecided: [{ fault: 'plank.hips-sagging', reason: 'needs-body-outline' }],
    });
  });

  it('is undecided, not good, for a lumbar bend where good and sagging holds overlap', () => {
    const undecidedShare = (file: string): number => {
      const recording = loadRecording(file);
      let state = initialCoachState(plank);
      let holding = 0;
      let undecided = 0;
      for (const frame of recording.frames) {
        const step = stepCoach(plank, state, frame, 'beginner', false);
        state = step.state;
        if (step.coaching.result.phase !== 'holding') continue;
        holding += 1;
        if (step.coaching.result.undecided.length > 0) undecided += 1;
      }
      return undecided / holding;
    };
    // The good clips are called good nearly throughout: the one that sets the top of good form
    // (docs/judgement.md) is unsure only in the frames it passes its own held value (7 %)...
    expect(undecidedShare('plank/plank_good_forearm_side_01.mp4')).toBeLessThan(0.1);
    expect(undecidedShare('plank/plank_good_side_video_04.mp4')).toBe(0);
    expect(undecidedShare('rendered/rendered_plank_01.mp4')).toBe(0);
    // ...while the sagging clip's frames under the threshold are never called good.
    expect(undecidedShare('plank/plank_sagging_video_01.mp4')).toBeGreaterThan(0);
  });

  /** The plank's answer for a recorded photo, judged on its own. */
  const judgeStill = (file: string) => {
    const frame = loadRecording(file).frames[0];
    const pose = frame?.poses[0];
    if (!frame || !pose) throw new Error(`no pose in ${file}`);
    return plank.evaluate(pose, plank.initialState(), { ...context, imageSize: frame.imageSize })
      .result;
  };

  it('draws the back outline it judged, marking the sag', () => {
    const result = judgeStill('plank/plank_sagging_high_01.jpg');
    expect(result.metrics.backOutlineSeen).toBe(1);
    const curve = result.evidence.find((e) => e.kind === 'line' && e.via !== undefined);
    expect(curve).toMatchObject({ about: 'plank.hips-sagging' });
    expect(curve?.kind === 'line' ? curve.via?.length : 0).toBeGreaterThan(10);
  });

  it('marks a sag seen on the outline alone there, not on a hip angle that reads straight', () => {
    // plank_sagging_high_01: the hip stays within 3° of the shoulder-ankle line (table above).
    const result = judgeStill('plank/plank_sagging_high_01.jpg');
    expect(result.faults).toContain('plank.hips-sagging');
    expect(result.evidence.find((e) => e.kind === 'angle')).toMatchObject({ about: null });
    const curve = result.evidence.find((e) => e.kind === 'line' && e.via !== undefined);
    expect(curve).toMatchObject({ about: 'plank.hips-sagging' });
  });

  it('counts no reps on the plank clips: a plank is a hold', () => {
    for (const file of GOOD_FILES.filter((f) => f.endsWith('.mp4'))) {
      const verdict = judgeRecording(plank, loadRecording(file));
      expect(verdict.reps?.total ?? 0).toBe(0);
      expect(verdict.holdSeconds).toBeGreaterThan(0);
    }
  });
});

describe('plank on MoveNet photos', () => {
  it('never shows a fault the label does not name (cannot-see is acceptable)', () => {
    const piked = new Set(FAULTY_FILES.map(({ file }) => file));
    const cued = MOVENET_PHOTOS.map((file) => ({
      file,
      faults: shown(file, 'advanced', 'movenet-lightning').filter(
        (fault) => !(fault === 'plank.hips-piked' && piked.has(file)),
      ),
    }));
    expect(cued.filter(({ faults }) => faults.length > 0)).toEqual([]);
  });
});

describe('plank on derived bad form (a real good photo, changed)', () => {
  const source = 'plank/plank_good_forearm_02.jpg';

  it.each([
    ['beginner', BEGINNER_HIP_SAG_DEG],
    ['advanced', ADVANCED_HIP_SAG_DEG],
  ] as const)('hips dropped past the %s threshold sag; 5° short of it do not', (strictness, t) => {
    const start = hipDeviationDeg(firstPose(loadRecording(source)));
    expect(judgeDerived(source, (p) => bendHips(p, t + 5 - start), strictness)).toEqual([
      'plank.hips-sagging',
    ]);
    expect(judgeDerived(source, (p) => bendHips(p, t - 5 - start), strictness)).toEqual([]);
  });

  it.each([
    ['beginner', BEGINNER_HIP_PIKE_DEG],
    ['advanced', ADVANCED_HIP_PIKE_DEG],
  ] as const)('hips raised past the %s threshold pike; 5° short of it do not', (strictness, t) => {
    const start = hipDeviationDeg(firstPose(loadRecording(source)));
    expect(judgeDerived(source, (p) => bendHips(p, -(t + 5) - start), strictness)).toEqual([
      'plank.hips-piked',
    ]);
    expect(judgeDerived(source, (p) => bendHips(p, -(t - 5) - start), strictness)).toEqual([]);
  });

  it.each([
    ['beginner', BEGINNER_HEAD_DROP_DEG],
    ['advanced', ADVANCED_HEAD_DROP_DEG],
  ] as const)('a head hanging past the %s threshold is cued; 5° short is not', (strictness, t) => {
    const recording = loadRecording(source);
    const start = plank.evaluate(firstPose(recording), plank.initialState(), {
      ...context,
      imageSize: recording.frames[0]?.imageSize ?? null,
    }).result.metrics.headDropDeg;
    if (start === undefined) throw new Error('no head drop measured');
    expect(judgeDerived(source, (p) => dropHead(p, t + 5 - start), strictness)).toEqual([
      'plank.head-dropping',
    ]);
    expect(judgeDerived(source, (p) => dropHead(p, t - 5 - start), strictness)).toEqual([]);
  });
});

/**
 * A three-quarter camera foreshortens the body line in the image; the world landmarks' side view
 * reads it at full length (world-side-view.ts), with its own 10° error and limits.
 */
describe('plank at three-quarter, read on the world landmarks', () => {
  const THREE_QUARTER_FILE = 'plank/plank_good_threequarter_high_33.jpg';

  /** The real photo's skeleton seen by a camera turned about the vertical (reshape.ts). */
  function turned(file: string, degrees: number): PoseRecording {
    const recording = loadRecording(file);
    const pose = turnedAboutVertical(firstPose(recording), degrees);
    return withFirstPose(recording, pose, `${file} turned ${degrees}° about the vertical`);
  }

  function judgedView(recording: PoseRecording): string | undefined {
    return judgeRecording(plank, recording).frames[0]?.view;
  }

  it.each(STRICTNESSES)('holds the good three-quarter plank with no cue (%s)', (strictness) => {
    const verdict = judgeRecording(plank, loadRecording(THREE_QUARTER_FILE), strictness);
    expect(verdict.frames.map(({ status, phase, view }) => ({ status, phase, view }))).toEqual([
      { status: 'ok', phase: 'holding', view: 'three-quarter' },
    ]);
    expect(verdict.shownFaults).toEqual([]);
  });

  it('never calls its lower back good: only a side view shows a lumbar sag', () => {
    expect(undecidedOver(plank, loadRecording(THREE_QUARTER_FILE))).toEqual([
      { fault: 'plank.hips-sagging', reason: 'needs-side-view' },
    ]);
  });

  it('asks to turn sideways at three-quarter without world landmarks (MoveNet)', () => {
    const recording = loadRecording(THREE_QUARTER_FILE);
    const flat = withFirstPose(recording, { ...firstPose(recording), worldLandmarks: null });
    expect(judgeRecording(plank, flat).frames[0]).toMatchObject({
      status: 'wrong-view',
      view: 'three-quarter',
    });
  });

  // Real side-on photos turned to three-quarter: the piked plank is still cued, the good ones are
  // not, and the lumbar sags (seen side-on on the outline only) become "can't judge", never good.
  it.each([
    ['plank/plank_hipshigh_02.jpg', 40, ['plank.hips-piked']],
    ['plank/plank_hipshigh_02.jpg', -40, ['plank.hips-piked']],
    ['plank/plank_good_forearm_01.jpg', 40, []],
    ['plank/plank_good_forearm_02.jpg', 40, []],
    ['plank/plank_sagging_01.jpg', 40, []],
    ['plank/plank_sagging_high_01.jpg', 50, []],
  ] as const)('%s turned %i° shows %j', (file, degrees, faults) => {
    const recording = turned(file, degrees);
    expect(judgedView(recording)).toBe('three-quarter');
    for (const strictness of STRICTNESSES) {
      expect(judgeRecording(plank, recording, strictness).shownFaults).toEqual(faults);
    }
    if (faults.length === 0) {
      expect(undecidedOver(plank, recording)).toContainEqual({
        fault: 'plank.hips-sagging',
        reason: 'needs-side-view',
      });
    }
  });

  /** The side-on photo's hips bent in its world landmarks, then seen from three-quarter. */
  function bentThreeQuarter(hipDeviationDeg: number): PoseRecording {
    const source = 'plank/plank_good_forearm_02.jpg';
    const start = judgeRecording(plank, turned(source, 40)).frames[0]?.metrics.worldHipDeviationDeg;
    if (start === undefined) throw new Error('no three-quarter hip line');
    const recording = loadRecording(source);
    const bent = bendWorldHips(firstPose(recording), hipDeviationDeg - start);
    const derived = turnedAboutVertical(bent, 40);
    return withFirstPose(recording, derived, `${source}: hips bent, turned 40°`);
  }

  it.each(STRICTNESSES)(
    'cues a pike past the three-quarter limit, not 5° short (%s)',
    (strictness) => {
      const limit = WORLD_HIP_PIKE_DEG;
      expect(judgeRecording(plank, bentThreeQuarter(-(limit + 5)), strictness).shownFaults).toEqual(
        ['plank.hips-piked'],
      );
      expect(judgeRecording(plank, bentThreeQuarter(-(limit - 5)), strictness).shownFaults).toEqual(
        [],
      );
    },
  );

  it('answers "can\'t judge" for a hip sag past good form at three-quarter, never good', () => {
    const recording = bentThreeQuarter(plank.thresholds.beginner.worldHipSagUnsureDeg + 5);
    expect(judgeRecording(plank, recording).frames[0]?.phase).toBe('holding');
    expect(judgeRecording(plank, recording).shownFaults).toEqual([]);
    expect(undecidedOver(plank, recording)).toContainEqual({
      fault: 'plank.hips-sagging',
      reason: 'needs-side-view',
    });
  });
});

describe('plank when it cannot judge', () => {
  it('judges nothing while the person gets into position: such a stretch alone is "can\'t see"', () => {
    const clip = loadRecording('plank/plank_good_video_02.mp4');
    const phases = judgeRecording(plank, clip).frames.map((frame) => frame.phase);
    const firstHold = phases.findIndex((phase) => phase !== null && phase !== plank.setupPhase);
    expect(firstHold).toBeGreaterThan(10);
    const gettingDown = { ...clip, frames: clip.frames.slice(0, firstHold) };
    expect(judgeRecording(plank, gettingDown).couldNotJudge).toBe(true);
    expect(judgeRecording(plank, clip).couldNotJudge).toBe(false);
  });

  it('says it cannot see the hips when they are hidden, with no fault', () => {
    const recording = loadRecording('plank/plank_good_forearm_02.jpg');
    const hidden = transformLandmarks(firstPose(recording), ['left_hip', 'right_hip'], (p) => ({
      ...p,
      visibility: 0,
    }));
    const result = plank.evaluate(hidden, plank.initialState(), {
      ...context,
      imageSize: recording.frames[0]?.imageSize ?? null,
    }).result;
    expect(result.status).toBe('cannot-see');
    expect(result.unseen).toContain('hips');
    expect(result.faults).toEqual([]);
  });

  it('asks to turn sideways when facing the camera', () => {
    const result = plank.evaluate(standingFront(), plank.initialState(), context).result;
    expect(result).toMatchObject({
      status: 'wrong-view',
      viewAdvice: 'setup.turn-sideways',
      faults: [],
    });
  });

  it('gives no form feedback while lying prone before the plank, though the hips are low', () => {
    const recording = loadRecording('plank/plank_sagging_video_01.mp4');
    const first = recording.frames[0];
    const pose = first?.poses[0];
    if (!first || !pose) throw new Error('no first frame');
    const result = plank.evaluate(pose, plank.initialState(), {
      ...context,
      imageSize: first.imageSize,
    }).result;
    expect(result).toMatchObject({
      status: 'ok',
      phase: 'setup',
      viewAdvice: 'setup.get-in-position',
      faults: [],
    });
    expect(result.metrics.hipDeviationDeg).toBeGreaterThan(
      plank.thresholds.beginner.hipSagUnsureDeg,
    );
  });

  it('honours the exercise contract', () => {
    expect(exerciseContractViolations(plank, plankSide())).toEqual([]);
  });
});
