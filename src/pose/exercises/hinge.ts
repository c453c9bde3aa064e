/**
 * The hip hinge, shared by the deadlift, the Romanian deadlift and the kettlebell swing: the
 * measures, phases and fault rules each of those exercises judges with its own thresholds (chosen
 * on its own recordings by docs/judgement.md). One file per exercise declares its id, words-free
 * facts, thresholds and rep counter; the judging is here, once.
 */
import { hipMidpoint, shoulderMidpoint, torsoLengthPx } from '../body';
import type { ImageDirection } from '../geometry/angles';
import type { Degrees } from '../geometry/degrees';
import { angleAt, angleAt3D, angleFromVertical, elevationAngle } from '../geometry/angles';
import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX } from '../landmarks';
import type { BackCurveSmootherState } from '../outline/back-curve';
import { INITIAL_BACK_CURVE_SMOOTHER } from '../outline/back-curve';
import type { ImageSize, Pose } from '../pose';
import type { RepCounterConfig } from '../reps/rep-counter';
import { DEFAULT_REP_MAX_GAP_MS, DEFAULT_REP_MIN_DWELL_MS } from '../reps/rep-counter';
import type { SeenPoint } from '../requirements';
import { gatherLandmarks, NEAR_SIDE_TRUNK, NEAR_SIDE_TRUNK_AND_KNEE } from '../requirements';
import type { Side, SideJoint } from '../side';
import { facingDirection, nearSide, sideChain, sideLandmarkName } from '../side';
import type { View } from '../view';
import { FRONT_VIEW_MAX_YAW_DEG, estimateView } from '../view';
import type { VisibilityOptions } from '../visibility';
import { hiddenInFrame, seenLandmark } from '../visibility';
import { LEANING_FROM_VERTICAL_DEG, outlineSideEvidence, readLeaningBack } from './back-outline';
import { ANGLE_2D_ERROR_DEG } from './decision';
import { FAULT_SHOW_AFTER_MS } from './fault-persistence';
import type { FaultDecision } from './decision';
import { worldElevationDeg } from './bird-dog';
import { EMPTY_RESULT, evidencePoint, readSideOn } from './result-parts';
import type {
  EvaluateContext,
  Evaluation,
  Evidence,
  FormResult,
  RepExercise,
  RepMeasure,
  Undecided,
} from './types';

/** The family's faults; the suitcase deadlift adds a side lean, the row its own pair. */
export const HINGE_FAULTS = [
  'hinge.rounded-back',
  'hinge.knees-too-bent',
  'hinge.hyperextension',
] as const;
export type HingeFault = (typeof HINGE_FAULTS)[number];
/** 'standing': the trunk near vertical (set-up standing, lockout, the top of a swing). */
export type HingePhase = 'standing' | 'hinged';
export const HINGE_PHASES: readonly HingePhase[] = ['standing', 'hinged'];

/**
 * The exercises whose back limits are chosen together, on all their recordings pooled: one back,
 * one measure, whichever lift (docs/judgement.md).
 */
export const HINGE_EXERCISE_IDS = [
  'deadlift',
  'rdl',
  'kb-swing',
  'suitcase-deadlift',
  'row',
] as const;

/** The faults read on the back's outline while hinged: rounded, or over-arched. */
const HINGE_BACK_FAULTS: readonly HingeFault[] = ['hinge.rounded-back', 'hinge.hyperextension'];

export interface HingeThresholds {
  /** The back's outline humping at the lumbar spine (its lumbar bend) beyond this, degrees. */
  readonly backRoundingDeg: number;
  /** ...and "can't judge" from this: the top of what good hinges measured. */
  readonly backRoundingUnsureDeg: number;
  /** The outline humping at the upper back (its thoracic bend) beyond this, degrees. */
  readonly upperBackRoundingDeg: number;
  readonly upperBackRoundingUnsureDeg: number;
  /** Knee flexion over hip flexion at the bottom beyond this: a squat, not a hinge (ratio). */
  readonly kneeToHipFlexion: number;
  readonly kneeToHipFlexionUnsure: number;
  /** The same ratio at three-quarter, read in the world landmarks (`worldKneeToHipFlexion`). */
  readonly worldKneeToHipFlexion: number;
  readonly worldKneeToHipFlexionUnsure: number;
  /**
   * Hinged, the back's outline sagging (an over-arched lower back at the set-up) beyond this,
   * degrees: the same lumbar bend as rounding, the other way.
   */
  readonly backArchDeg: number;
  readonly backArchUnsureDeg: number;
  /** Standing, the shoulders behind the hips by more than this from vertical: leaning back. */
  readonly leanBackDeg: number;
  readonly leanBackUnsureDeg: number;
}

/** The trunk counts as hinged once it leans forward enough for its back to be read. */
export const HINGED_FROM_VERTICAL_DEG = LEANING_FROM_VERTICAL_DEG;
/**
 * Knee against hip flexion is read only once the hip is flexed this far (180° minus the
 * shoulder-hip-knee angle): with less, the ratio divides by a small, noisy angle (6° of error each,
 * Stenum 2021), and a squat and a hinge both start with little flexion.
 */
export const MIN_HIP_FLEXION_FOR_KNEE_RATIO_DEG = 60;
/**
 * Crouched, not standing: the trunk within 30° of vertical (not hinged) while the hips are bent past
 * this, degrees (shoulder-hip-knee). Hip angle = 90° − trunk lean + thigh elevation, so the thighs
 * are then within 30° of horizontal with the trunk upright: a squat at the bar, the "hips too low"
 * set-up of docs/checkers.md. Its knees are "can't judge" there, never good. The squat-like
 * set-ups recorded bend the hips 66-90° so (hipstoolow_01, roundedback_27 before its second pull);
 * the good side-on hinges pass an upright trunk with the hips at 100° or more, 10° clear (two and
 * a half 2D hip-angle errors, 4° in Stenum 2021), but for one body the engine guessed behind a
 * plate (good_06, 50°, one frame).
 */
export const CROUCHED_MAX_HIP_ANGLE_DEG = 90;
/**
 * The trunk's direction is the person's forward direction once it leans this far (the shoulders go
 * ahead of the hips in every hinge); kept for the lockout, where the face may look anywhere.
 */
const FORWARD_FROM_LEAN_DEG = 45;

/**
 * The bottom of a hinge may be only a turn-around: a swing's backswing, a touch-and-go pull, a
 * deadlift filmed from the moment the bar leaves the floor (good_side_23: 133 ms below 45° before
 * the pull). Half the usual dwell still rejects the landmark spikes it is for (under 100 ms), while
 * the lockout that counts the rep must still be held the full dwell.
 */
export const HINGE_BOTTOM_DWELL_MS = DEFAULT_REP_MIN_DWELL_MS / 2;

/**
 * Reps: the rep signal is the trunk's elevation above horizontal (90° standing, 0-30° at the bottom
 * of a deadlift; the hips too at a squat-like bottom, `hingeRepSignal`). A rep is counted at the
 * top (lockout or the top of a swing) once the trunk is within 20° of vertical, having been more
 * than 45° off it: standing people sway under 12°, and the shallowest hinge bottoms recorded
 * (Romanian deadlifts, swings) tilt the trunk 60° or more.
 */
export const HINGE_REP_COUNTER: RepCounterConfig = {
  enterTopAbove: 70,
  exitTopBelow: 45,
  minDwellMs: DEFAULT_REP_MIN_DWELL_MS,
  minBottomDwellMs: HINGE_BOTTOM_DWELL_MS,
  maxGapMs: DEFAULT_REP_MAX_GAP_MS,
  countsAt: 'top',
};
export const HINGE_REP_SIGNAL =
  'trunk elevation above horizontal (hip to shoulder), or the hip angle less 90° where lower, degrees';
/**
 * What each rep keeps (issue #14), side-on where they are read: how far the hips bent (the lowest
 * shoulder-hip-knee angle, held as long as a bottom must be: it may be only a turn-around), and how
 * much the back's outline curved at the lumbar spine and the upper back, held as long as a cue
 * waits (`FAULT_SHOW_AFTER_MS`), so a rep's curve past a limit is one that was cued.
 */
export const LUMBAR_CURVE_KEPT: RepMeasure = {
  metric: 'backRoundingDeg',
  heldMs: FAULT_SHOW_AFTER_MS,
};
const HINGE_REP_MEASURES: readonly RepMeasure[] = [
  { metric: 'hipAngleDeg', heldMs: HINGE_BOTTOM_DWELL_MS },
  LUMBAR_CURVE_KEPT,
  { metric: 'upperBackRoundingDeg', heldMs: FAULT_SHOW_AFTER_MS },
];

/**
 * Side-on, with the trunk off the lockout's 20° from vertical: behind a plate the knee is guessed
 * bent at lockout (roundedback_03 reads the hips at 100-110° with the trunk 1-11° off vertical).
 * At three-quarter too: a camera 30° off side-on reads a body as side-on or three-quarter by
 * turns, and a hip counted in one view and not the other read a squat at the bar (trunk upright,
 * hips at 90-100°) as bottom, top, bottom (roundedback_27 turned 30°: 4 pulls counted for 2).
 */
const HIPS_COUNT_BELOW_DEG = HINGE_REP_COUNTER.enterTopAbove;
/**
 * Facing the camera (front), in the world landmarks, always: the plates stand beside the legs
 * there, and a squat facing the camera keeps its trunk 63-83° up; standing, the recorded clips read
 * the hips at 146-172°, 11° clear of 135°. Between front and three-quarter the flip above remains
 * (roundedback_27 turned 45°: 4 for 2).
 */
const FACING_HIPS_COUNT_BELOW_DEG = Number.POSITIVE_INFINITY;
/**
 * The world landmarks read an upright trunk seen from the front or at three-quarter as leaning
 * forward: standing people in the recordings read 69-79° above horizontal (each file's median: four
 * front-view standing photos 69-74°, the three-quarter deadlift lockouts 73-74°, the Pallof press
 * 79°; the lowest tenth of one lockout 67°), never a side view's 90°, so the lockout's 70° sat at
 * the bottom of their range (good_threequarter_03 with its trunk read 9° further forward counted
 * no rep). Off side-on the rep signal adds this back: the lowest standing readings then clear the
 * lockout by 7-9°, as a side view's sway (under 12° from vertical) clears it by 8°, and the
 * recorded bottoms (-16 to -2° at their lowest in the world landmarks) stay far under the 45° one.
 * The phase (hinged or standing, when the knees are read) keeps the reading as it is, which its
 * limits were set on.
 */
const WORLD_TRUNK_FORWARD_BIAS_DEG = 10;

/**
 * The world trunk's elevation as the rep signal off side-on: `WORLD_TRUNK_FORWARD_BIAS_DEG` added
 * in full from 60° up (where the lockout's 70° is decided), none at the bottom's 45°, in proportion
 * between. Side-on the world landmarks read the trunk as the image does below 70° (the median
 * difference per 10° band within 2°, on 1,357 side-on hinge and squat frames of the fixtures, but
 * for 24 frames past horizontal) and forward only near vertical (by 3.8° at 70-80°, 7.1° at
 * 80-90°: the median of each band). With the full 10° at the bottom too, a squat-like pull leaning
 * to 34-38° read 44-48° and never reached the bottom (hipstoolow_01 turned 15°: no rep).
 */
function worldTrunkSignalDeg(elevation: number): number {
  const { enterTopAbove, exitTopBelow } = HINGE_REP_COUNTER;
  const fullFrom = enterTopAbove - WORLD_TRUNK_FORWARD_BIAS_DEG;
  const share = Math.min(1, Math.max(0, (elevation - exitTopBelow) / (fullFrom - exitTopBelow)));
  return elevation + WORLD_TRUNK_FORWARD_BIAS_DEG * share;
}

/**
 * The rep signal: the trunk's elevation, but a bottom is also reached with the hips bent past 135°
 * (the hip angle less 90° under the counter's 45°): a squat-like pull (a deadlift with the knees
 * forward, a kettlebell lifted squatting) leans the trunk only 30-35°, short of a hinge's 45° (the
 * real squats read as deadlifts counted no rep). Hip angle = 90° + trunk elevation − the thigh's
 * flexion, so the two agree when the thighs hang vertical. Once the trunk itself has leant to the
 * bottom since the last lockout (`trunkBottomed`), it alone times the rest of the rep: rising, the
 * hips stay bent past 135° after the trunk passes 45°, and a deadlift's lift would be timed from
 * then (good_side_01: 133 ms instead of over 300). The hips count only with the trunk below
 * `hipsCountBelowElevation` (`HIPS_COUNT_BELOW_DEG`, `FACING_HIPS_COUNT_BELOW_DEG`).
 */
function hingeRepSignal(
  trunkBottomed: boolean,
  trunkElevation: number,
  hipAngle: number | null,
  hipsCountBelowElevation: number,
): { readonly signal: number; readonly trunkBottomed: boolean } {
  const { enterTopAbove, exitTopBelow } = HINGE_REP_COUNTER;
  const bottomed =
    trunkElevation < exitTopBelow || (trunkBottomed && trunkElevation <= enterTopAbove);
  const hipsBentBy = hipAngle === null ? null : hipAngle - 90;
  const hipsCount =
    !bottomed &&
    hipsBentBy !== null &&
    hipsBentBy < exitTopBelow &&
    trunkElevation < hipsCountBelowElevation;
  return {
    signal: hipsCount ? Math.min(trunkElevation, hipsBentBy) : trunkElevation,
    trunkBottomed: bottomed,
  };
}

/*
 * Norms and errors (docs/judgement.md). No published tolerance exists for an outline's rounding,
 * for the knee-to-hip flexion ratio or for lean-back at lockout in a 2D view, so the good
 * recordings decide; errors: a 2D joint or outline angle about 6° (Stenum et al. 2021: 5-7°); the
 * ratio of two such angles at the 60-110° hip flexion where it is read, about 0.1. The back's
 * outline and the lean are the same back in every hinge, so their limits are chosen on the whole
 * family's good recordings (`pooledAcross`); how far the knees bend is each exercise's own.
 */
const KNEE_RATIO_ERROR = 0.1;
/**
 * The knee-to-hip flexion ratio's error read in the world landmarks' 3D angles (at three-quarter,
 * where the image foreshortens the legs): side-on, on 1136 hinged frames of the deadlift, RDL and
 * swing clips, 90 % of the world readings lie within 0.13 of the image's (docs/checkers.md), which
 * carries its own 0.1; rounded up to the ratio's resolution.
 */
const WORLD_KNEE_RATIO_ERROR = 0.15;

export const HINGE_DECISIONS: readonly FaultDecision<HingeFault>[] = [
  {
    fault: 'hinge.rounded-back',
    metric: 'backRoundingDeg',
    firesWhen: 'above',
    judgedIn: ['hinged'],
    limit: 'backRoundingDeg',
    unsureFrom: 'backRoundingUnsureDeg',
    norm: null,
    error: ANGLE_2D_ERROR_DEG,
    resolution: 1,
    pooledAcross: HINGE_EXERCISE_IDS,
  },
  {
    fault: 'hinge.rounded-back',
    metric: 'upperBackRoundingDeg',
    firesWhen: 'above',
    judgedIn: ['hinged'],
    limit: 'upperBackRoundingDeg',
    unsureFrom: 'upperBackRoundingUnsureDeg',
    norm: null,
    error: ANGLE_2D_ERROR_DEG,
    resolution: 1,
    pooledAcross: HINGE_EXERCISE_IDS,
  },
  {
    fault: 'hinge.knees-too-bent',
    metric: 'kneeToHipFlexion',
    firesWhen: 'above',
    judgedIn: ['hinged'],
    limit: 'kneeToHipFlexion',
    unsureFrom: 'kneeToHipFlexionUnsure',
    norm: null,
    error: KNEE_RATIO_ERROR,
    resolution: 0.05,
  },
  {
    fault: 'hinge.knees-too-bent',
    metric: 'worldKneeToHipFlexion',
    firesWhen: 'above',
    judgedIn: ['hinged'],
    limit: 'worldKneeToHipFlexion',
    unsureFrom: 'worldKneeToHipFlexionUnsure',
    norm: null,
    error: WORLD_KNEE_RATIO_ERROR,
    resolution: 0.05,
    sameMeasureAs: 'kneeToHipFlexion',
  },
  {
    fault: 'hinge.hyperextension',
    metric: 'backArchDeg',
    firesWhen: 'above',
    judgedIn: ['hinged'],
    limit: 'backArchDeg',
    unsureFrom: 'backArchUnsureDeg',
    norm: null,
    error: ANGLE_2D_ERROR_DEG,
    resolution: 1,
    pooledAcross: HINGE_EXERCISE_IDS,
  },
  {
    fault: 'hinge.hyperextension',
    metric: 'leanBackDeg',
    firesWhen: 'above',
    judgedIn: ['standing'],
    limit: 'leanBackDeg',
    unsureFrom: 'leanBackUnsureDeg',
    norm: null,
    error: ANGLE_2D_ERROR_DEG,
    resolution: 1,
    pooledAcross: HINGE_EXERCISE_IDS,
  },
];

/**
 * The back's limits, one set for the whole family: the method of docs/judgement.md run on the good
 * deadlift, Romanian deadlift and kettlebell swing recordings together (`pooledAcross`; four
 * sources read the back, where the RDL alone has one). The lumbar and the upper back are read apart
 * (outline/back-curve: the lumbar bend, the thoracic bend): good hinges hold a normal upper-back
 * curve that grows with the load the arms hang from (up to 14.2°, a small lifter behind a plate),
 * where the lumbar spine stays within 8.7°; the rounded deadlifts bend the lumbar spine 19-40°.
 * Every cue sits 1.83 × 6° (11°) past the top, the prediction for a next source from the family's
 * four (docs/judgement.md). Lumbar rounding: "can't judge" from 9°, the cue from 20° (19° of
 * roundedback_24 is in the band). Upper-back rounding: "can't judge" from 15°, the cue from 26°;
 * the one upper-back-only rounded clip (roundedback_08, 18°) sits in that band, so its back is
 * never called good. Over-arched while hinged: at most 5.3° (good_01), "can't judge" from 6°, the
 * cue from 17°. Leaning back standing: up to 21.5° behind vertical (one deadlift source, where the
 * plate likely drags the hip landmark forward), "can't judge" from 22°, the cue from 33°.
 */
export const HINGE_BACK_ROUNDING_UNSURE_DEG = 9;
export const HINGE_BACK_ROUNDING_DEG = 20;
export const HINGE_UPPER_BACK_ROUNDING_UNSURE_DEG = 15;
export const HINGE_UPPER_BACK_ROUNDING_DEG = 26;
export const HINGE_BACK_ARCH_UNSURE_DEG = 6;
export const HINGE_BACK_ARCH_DEG = 17;
export const HINGE_LEAN_BACK_UNSURE_DEG = 22;
export const HINGE_LEAN_BACK_DEG = 33;

/** A hinge's own limits: how far its knees bend against its hips (the back's are the family's). */
export type HingeKneeThresholds = Pick<
  HingeThresholds,
  | 'kneeToHipFlexion'
  | 'kneeToHipFlexionUnsure'
  | 'worldKneeToHipFlexion'
  | 'worldKneeToHipFlexionUnsure'
>;

function hingeThresholds(knees: HingeKneeThresholds): HingeThresholds {
  return {
    ...knees,
    backRoundingDeg: HINGE_BACK_ROUNDING_DEG,
    backRoundingUnsureDeg: HINGE_BACK_ROUNDING_UNSURE_DEG,
    upperBackRoundingDeg: HINGE_UPPER_BACK_ROUNDING_DEG,
    upperBackRoundingUnsureDeg: HINGE_UPPER_BACK_ROUNDING_UNSURE_DEG,
    backArchDeg: HINGE_BACK_ARCH_DEG,
    backArchUnsureDeg: HINGE_BACK_ARCH_UNSURE_DEG,
    leanBackDeg: HINGE_LEAN_BACK_DEG,
    leanBackUnsureDeg: HINGE_LEAN_BACK_UNSURE_DEG,
  };
}

/** The near-side chain every hinge needs; the ankle is read when seen (the plates often hide it). */
const HINGE_REQUIREMENTS = NEAR_SIDE_TRUNK_AND_KNEE;

export interface HingeState {
  readonly back: BackCurveSmootherState;
  /** The image direction the person faces, learnt from the trunk's lean while hinged. */
  readonly forward: ImageDirection | null;
  /** Whether the trunk has leant to a rep's bottom since the last lockout (`hingeRepSignal`). */
  readonly trunkBottomed: boolean;
}

export const INITIAL_HINGE_STATE: HingeState = {
  back: INITIAL_BACK_CURVE_SMOOTHER,
  forward: null,
  trunkBottomed: false,
};

type HingeResult = FormResult<HingePhase, HingeFault>;
type HingeEvaluation = Evaluation<HingePhase, HingeFault, HingeState>;

/** The direction the feet point (heel to toes), when both are seen and clearly apart. */
function toesDirection(
  heel: Vec2 | null,
  toes: Vec2 | null,
  torsoPx: number,
): ImageDirection | null {
  if (!heel || !toes) return null;
  const dx = toes.x - heel.x;
  return Math.abs(dx) < 0.1 * torsoPx ? null : dx > 0 ? 'right' : 'left';
}

/**
 * Leaning back: how far the hip-to-shoulder line tilts behind vertical, degrees (positive = the
 * shoulders behind the hips, against the way the person faces; negative = leaning forward).
 */
export function leanBackDeg(hip: Vec2, shoulder: Vec2, forward: ImageDirection): number | null {
  const fromVertical = angleFromVertical(hip, shoulder);
  if (fromVertical === null) return null;
  const ahead = forward === 'right' ? shoulder.x - hip.x : hip.x - shoulder.x;
  return ahead > 0 ? -(fromVertical as number) : fromVertical;
}

/** The trunk's elevation above horizontal in the world landmarks (90 standing), both sides' mean. */
function worldTrunkElevationDeg(pose: Pose): number | null {
  const sides = [
    worldElevationDeg(pose, 'left_hip', 'left_shoulder'),
    worldElevationDeg(pose, 'right_hip', 'right_shoulder'),
  ].filter((value): value is NonNullable<typeof value> => value !== null);
  return sides.length === 0 ? null : sides.reduce((sum, value) => sum + value, 0) / sides.length;
}

const ARMS: readonly { side: Side; shoulder: LandmarkName; elbow: LandmarkName }[] = [
  { side: 'left', shoulder: 'left_shoulder', elbow: 'left_elbow' },
  { side: 'right', shoulder: 'right_shoulder', elbow: 'right_elbow' },
];

/** Each seen arm's lift: the upper arm's angle up from hanging straight down, degrees. */
export function armLifts(
  pose: Pose,
  options: VisibilityOptions,
): { side: Side; liftDeg: number }[] {
  const lifts: { side: Side; liftDeg: number }[] = [];
  for (const arm of ARMS) {
    if (!seenLandmark(pose, arm.elbow, options)) continue;
    const elevation: Degrees | null = worldElevationDeg(pose, arm.shoulder, arm.elbow);
    if (elevation !== null) lifts.push({ side: arm.side, liftDeg: elevation + 90 });
  }
  return lifts;
}

/**
 * A knee seen below its hip in the image, as in every standing or hinged body. A plate in front of
 * the hips at a side-on lockout makes the engine guess a body with the knees above the hips
 * (good_side_06, hyperextended_20: 'front' or three-quarter by its shoulders) whose world landmarks
 * are as wrong: no rep signal is read from such a pose.
 */
function legUnderHip(pose: Pose, options: VisibilityOptions): boolean {
  return (['left', 'right'] as const).some((side) => {
    const hip = seenLandmark(pose, sideLandmarkName(side, 'hip'), options);
    const knee = seenLandmark(pose, sideLandmarkName(side, 'knee'), options);
    return hip !== null && knee !== null && knee.y > hip.y;
  });
}

/** One side's joint in the world landmarks (metres); null without them (MoveNet). */
function worldJoint(pose: Pose, side: Side, joint: SideJoint) {
  return pose.worldLandmarks?.[LANDMARK_INDEX[sideLandmarkName(side, joint)]] ?? null;
}

/** One side's hip angle (shoulder-hip-knee) in the world landmarks, degrees. */
function worldSideHipAngleDeg(pose: Pose, side: Side): Degrees | null {
  return angleAt3D(
    worldJoint(pose, side, 'shoulder'),
    worldJoint(pose, side, 'hip'),
    worldJoint(pose, side, 'knee'),
  );
}

/** The hip angle (shoulder-hip-knee) in the world landmarks, over the sides whose knee is seen. */
function worldHipAngleDeg(pose: Pose, options: VisibilityOptions): number | null {
  const angles = (['left', 'right'] as const)
    .filter((side) => seenLandmark(pose, sideLandmarkName(side, 'knee'), options) !== null)
    .map((side) => worldSideHipAngleDeg(pose, side))
    .filter((angle): angle is Degrees => angle !== null);
  return angles.length === 0 ? null : angles.reduce((sum, angle) => sum + angle, 0) / angles.length;
}

/**
 * Hinged far enough to tell a squat from a hinge with the near ankle unseen (a plate or a bell in
 * front of it, or below the picture): the knees are not called good. Seen on half the hinged
 * frames of some good deadlifts side-on, which said "Good form" there (docs/checkers.md).
 */
function kneesUnseen(pose: Pose, imageSize: ImageSize | null): Undecided<HingeFault> {
  return {
    fault: 'hinge.knees-too-bent',
    reason: hiddenInFrame(pose, ['ankles'], imageSize) ? 'hidden' : 'out-of-frame',
  };
}

/**
 * Knee against hip flexion on the near leg, from the world landmarks' 3D angles: at three-quarter
 * the image foreshortens the thigh and shin, the world landmarks do not (metres, the same from any
 * angle, with their own error: `WORLD_KNEE_RATIO_ERROR`). Read as side-on only once the hip is
 * flexed enough for the ratio to mean something (null before); 'unseen' where the near leg's hip,
 * knee or ankle is not seen in the image then (a plate or bell in front of it, or out of the
 * picture); null without world landmarks (MoveNet).
 */
function worldKneeToHipFlexion(
  pose: Pose,
  options: VisibilityOptions,
):
  | { ratio: number; kneeAngle: Omit<Extract<Evidence, { kind: 'angle' }>, 'about'> }
  | 'unseen'
  | null {
  const side = nearSide(pose, options)?.side;
  if (!side) return null;
  const hipAngle = worldSideHipAngleDeg(pose, side);
  if (hipAngle === null) return null;
  const hipFlexion = 180 - hipAngle;
  if (hipFlexion < MIN_HIP_FLEXION_FOR_KNEE_RATIO_DEG) return null;
  const seen = sideChain(pose, side, options);
  if (!seen.shoulder || !seen.hip || !seen.knee || !seen.ankle) return 'unseen';
  const kneeAngle = angleAt3D(
    worldJoint(pose, side, 'hip'),
    worldJoint(pose, side, 'knee'),
    worldJoint(pose, side, 'ankle'),
  );
  if (kneeAngle === null) return null;
  return {
    ratio: (180 - kneeAngle) / hipFlexion,
    kneeAngle: {
      kind: 'angle',
      vertex: evidencePoint(seen.knee, sideLandmarkName(side, 'knee')),
      a: evidencePoint(seen.hip, sideLandmarkName(side, 'hip')),
      b: evidencePoint(seen.ankle, sideLandmarkName(side, 'ankle')),
      degrees: kneeAngle,
    },
  };
}

/**
 * A hinge facing the camera or at an angle to it. The back's outline and the lean are in the
 * sagittal plane, so those faults are left to a side view ("Counting. Turn sideways..."); the rep
 * signal, the trunk's elevation, is read in the world landmarks (metres, the same from any angle;
 * docs/checkers.md), so the reps still count (issue #17). Where the body is turned at least
 * `FRONT_VIEW_MAX_YAW_DEG` from square by the world landmarks' depth, the legs are seen from an
 * angle, and a squat instead of a hinge (knees against hips) is judged in the world landmarks with
 * its own limits. The depth decides, not the image's view: hinged towards the camera the trunk is
 * foreshortened in the image, which then reads as square to it (good_threequarter_03: 15-24° in
 * the image, 31-49° in the world landmarks). Square to the camera the thighs point at it, where
 * the model's depth is weakest, and the knees too are left to a side view. Needs both shoulders
 * and both hips seen.
 */
export function judgeHingeOffSide(
  pose: Pose,
  view: Extract<View, 'front' | 'three-quarter'>,
  options: VisibilityOptions,
  thresholds: HingeKneeThresholds,
  trunkBottomed: boolean,
): { readonly result: FormResult<HingePhase, HingeFault>; readonly trunkBottomed: boolean } {
  const shoulders = shoulderMidpoint(pose, options)?.point ?? null;
  const hips = hipMidpoint(pose, options)?.point ?? null;
  const elevation = worldTrunkElevationDeg(pose);
  if (!shoulders || !hips || elevation === null) {
    return {
      result: { ...EMPTY_RESULT, status: 'cannot-see', view, unseen: ['shoulders', 'hips'] },
      trunkBottomed,
    };
  }
  if (!legUnderHip(pose, options)) {
    return {
      result: { ...EMPTY_RESULT, status: 'cannot-see', view, unseen: ['knees'] },
      trunkBottomed,
    };
  }
  const hinged = elevation <= 90 - HINGED_FROM_VERTICAL_DEG;
  const worldYawDeg = estimateView(pose, options.imageSize).worldYawDeg;
  const legsAtAnAngle = worldYawDeg !== null && worldYawDeg > FRONT_VIEW_MAX_YAW_DEG;
  const kneeReading = hinged && legsAtAnAngle ? worldKneeToHipFlexion(pose, options) : null;
  const knees = kneeReading === 'unseen' ? null : kneeReading;
  const squatting = knees !== null && knees.ratio > thresholds.worldKneeToHipFlexion;
  // As side-on, the knees are read while hinged: standing, there is nothing for a side view to add.
  const leftToSideView = HINGE_FAULTS.filter(
    (fault) => !legsAtAnAngle || fault !== 'hinge.knees-too-bent',
  );
  const kneeEvidence: Evidence[] = knees
    ? [{ ...knees.kneeAngle, about: squatting ? 'hinge.knees-too-bent' : null }]
    : [];
  const rep = hingeRepSignal(
    trunkBottomed,
    worldTrunkSignalDeg(elevation),
    worldHipAngleDeg(pose, options),
    view === 'front' ? FACING_HIPS_COUNT_BELOW_DEG : HIPS_COUNT_BELOW_DEG,
  );
  const result: FormResult<HingePhase, HingeFault> = {
    ...EMPTY_RESULT,
    status: 'ok',
    phase: hinged ? 'hinged' : 'standing',
    view,
    faults: squatting ? ['hinge.knees-too-bent'] : [],
    undecided: [
      ...leftToSideView.map((fault) => ({ fault, reason: 'needs-side-view' as const })),
      ...(kneeReading === 'unseen' ? [kneesUnseen(pose, options.imageSize)] : []),
    ],
    confidence: 0.5,
    evidence: [
      {
        kind: 'line',
        from: evidencePoint(hips, null),
        to: evidencePoint(shoulders, null),
        about: null,
      },
      ...kneeEvidence,
    ],
    metrics: {
      worldTrunkElevationDeg: elevation,
      ...(knees === null ? {} : { worldKneeToHipFlexion: knees.ratio }),
    },
    repSignal: rep.signal,
  };
  return { result, trunkBottomed: rep.trunkBottomed };
}

/**
 * Side-on with the knees hidden (a plate in front of them at lockout): nothing is judged, but the
 * trunk still gives the rep signal, so a lockout seen only down to the hips is still one.
 */
function countTrunkAlone(
  pose: Pose,
  unseen: FormResult<never, never>,
  imageSize: ImageSize | null,
  trunkBottomed: boolean,
): { readonly result: FormResult<HingePhase, HingeFault>; readonly trunkBottomed: boolean } {
  const trunk = gatherLandmarks(pose, NEAR_SIDE_TRUNK, { imageSize });
  const elevation = trunk.ok ? elevationAngle(trunk.points.hip, trunk.points.shoulder) : null;
  if (elevation === null) return { result: unseen, trunkBottomed };
  const rep = hingeRepSignal(trunkBottomed, elevation, null, HIPS_COUNT_BELOW_DEG);
  return { result: { ...unseen, repSignal: rep.signal }, trunkBottomed: rep.trunkBottomed };
}

/**
 * Judges one frame of a hip hinge side-on: the back's outline for rounding while hinged, knee
 * against hip flexion for a squat-like hinge, the trunk's lean behind vertical while standing.
 */
export function judgeHinge(
  person: Pose | null,
  state: HingeState,
  context: EvaluateContext,
  thresholds: HingeThresholds,
): HingeEvaluation {
  const read = readSideOn(person, HINGE_REQUIREMENTS, context.imageSize);
  if (!read.ok) {
    const view = read.result.view;
    const offSide =
      person !== null && (view === 'front' || view === 'three-quarter')
        ? judgeHingeOffSide(
            person,
            view,
            { imageSize: context.imageSize },
            thresholds,
            state.trunkBottomed,
          )
        : person !== null && view === 'side' && read.result.status === 'cannot-see'
          ? countTrunkAlone(person, read.result, context.imageSize, state.trunkBottomed)
          : { result: read.result, trunkBottomed: state.trunkBottomed };
    return {
      result: offSide.result,
      state: { ...state, back: INITIAL_BACK_CURVE_SMOOTHER, trunkBottomed: offSide.trunkBottomed },
    };
  }
  const { pose, viewEstimate, seen, options } = read;
  const view = viewEstimate.view;
  const { shoulder, hip, knee } = seen.points;
  const side = seen.side;
  const near = (joint: 'ankle' | 'heel' | 'foot_index'): SeenPoint | null => {
    if (side === null) return null;
    const name = sideLandmarkName(side, joint);
    const point = seenLandmark(pose, name, options);
    return point ? { ...point, name } : null;
  };
  const ankle = near('ankle');
  const torso = torsoLengthPx(pose, options);
  const trunkFromVertical = angleFromVertical(hip, shoulder);
  const trunkElevation = elevationAngle(hip, shoulder);
  const hipAngle = angleAt(shoulder, hip, knee);
  if (
    torso === null ||
    trunkFromVertical === null ||
    trunkElevation === null ||
    hipAngle === null
  ) {
    return {
      result: { ...EMPTY_RESULT, status: 'cannot-see', view, unseen: ['shoulders', 'hips'] },
      state: { ...state, back: INITIAL_BACK_CURVE_SMOOTHER },
    };
  }
  const shouldersRight = shoulder.x >= hip.x;
  // The face says where the person faces (they may have turned round since the last hinge); else
  // the last hinge's lean, else the feet.
  const known =
    facingDirection(pose, options) ??
    state.forward ??
    toesDirection(near('heel'), near('foot_index'), torso);
  // Off vertical with the shoulders behind the hips is leaning back while standing, not a hinge;
  // but nobody leans back 45°: that far off vertical, the trunk leans forward and `known` was wrong.
  const behind =
    known !== null &&
    shouldersRight !== (known === 'right') &&
    trunkFromVertical < FORWARD_FROM_LEAN_DEG;
  const hinged = trunkFromVertical >= HINGED_FROM_VERTICAL_DEG && !behind;
  const phase: HingePhase = hinged ? 'hinged' : 'standing';
  const forward: ImageDirection | null =
    hinged && trunkFromVertical >= FORWARD_FROM_LEAN_DEG
      ? shouldersRight
        ? 'right'
        : 'left'
      : known;
  const confidence = Math.min(shoulder.visibility, hip.visibility, knee.visibility);

  // The back's outline, read while hinged (a vertical chord has no floor side).
  const back = hinged
    ? readLeaningBack(pose, shoulder, hip, state.back, context.timestampMs)
    : null;
  const bend = back?.archDeg ?? null;
  const rounding = back?.roundingDeg ?? null;
  const upperRounding = back?.upperBackRoundingDeg ?? null;
  const kneeAngle = ankle ? angleAt(hip, knee, ankle) : null;
  const hipFlexion = 180 - hipAngle;
  const kneeRatio =
    hinged && kneeAngle !== null && hipFlexion >= MIN_HIP_FLEXION_FOR_KNEE_RATIO_DEG
      ? (180 - kneeAngle) / hipFlexion
      : null;
  const lean = !hinged && forward !== null ? leanBackDeg(hip, shoulder, forward) : null;

  // Leaning back is past vertical: the elevation measured the way the person faces, over 90°. Read
  // from either side, a swing's top leant back 30° sat at 60°, under the top's 70°, and no
  // lean-back rep counted (kb-swing.test.ts).
  const facingElevation = behind ? 180 - trunkElevation : trunkElevation;
  const rep = hingeRepSignal(state.trunkBottomed, facingElevation, hipAngle, HIPS_COUNT_BELOW_DEG);
  const nextState: HingeState = {
    back: back?.state ?? INITIAL_BACK_CURVE_SMOOTHER,
    forward,
    trunkBottomed: rep.trunkBottomed,
  };
  const metrics: Record<string, number> = {
    trunkFromVerticalDeg: trunkFromVertical,
    hipAngleDeg: hipAngle,
    ...(kneeAngle === null ? {} : { kneeAngleDeg: kneeAngle }),
    ...(viewEstimate.yawDeg === null ? {} : { viewYawDeg: viewEstimate.yawDeg }),
    ...(back ? back.metrics : {}),
    ...(rounding === null ? {} : { backRoundingDeg: rounding }),
    ...(upperRounding === null ? {} : { upperBackRoundingDeg: upperRounding }),
    ...(bend === null ? {} : { backArchDeg: bend }),
    ...(kneeRatio === null ? {} : { kneeToHipFlexion: kneeRatio }),
    ...(lean === null ? {} : { leanBackDeg: lean }),
  };

  const rounded =
    (rounding !== null && rounding > thresholds.backRoundingDeg) ||
    (upperRounding !== null && upperRounding > thresholds.upperBackRoundingDeg);
  const arched = bend !== null && bend > thresholds.backArchDeg;
  const squatting = kneeRatio !== null && kneeRatio > thresholds.kneeToHipFlexion;
  const leaningBack = lean !== null && lean > thresholds.leanBackDeg;
  const faults: HingeFault[] = [
    ...(rounded ? (['hinge.rounded-back'] as const) : []),
    ...(squatting ? (['hinge.knees-too-bent'] as const) : []),
    ...(leaningBack || arched ? (['hinge.hyperextension'] as const) : []),
  ];
  // Rounding and arching show on the silhouette only: hinged without a readable outline, the back
  // is not called good (the bands where good and rounded overlap are the session's, from `decisions`).
  const unread = back?.unread ?? null;
  // A crouch at the bar is read neither as a hinge nor as standing tall: the knees are in doubt.
  const crouched = !hinged && hipAngle <= CROUCHED_MAX_HIP_ANGLE_DEG;
  const kneesHidden =
    hinged && kneeAngle === null && hipFlexion >= MIN_HIP_FLEXION_FOR_KNEE_RATIO_DEG;
  const undecided: Undecided<HingeFault>[] = [
    ...(unread === null ? [] : HINGE_BACK_FAULTS.map((fault) => ({ fault, reason: unread }))),
    ...(crouched ? [{ fault: 'hinge.knees-too-bent' as const, reason: 'ambiguous' as const }] : []),
    ...(kneesHidden ? [kneesUnseen(pose, context.imageSize)] : []),
  ];

  const evidence: Evidence[] = [
    {
      kind: 'angle',
      vertex: evidencePoint(hip),
      a: evidencePoint(shoulder),
      b: evidencePoint(knee),
      degrees: hipAngle,
      about: leaningBack ? 'hinge.hyperextension' : null,
    },
  ];
  if (ankle && kneeAngle !== null) {
    evidence.push({
      kind: 'angle',
      vertex: evidencePoint(knee),
      a: evidencePoint(hip),
      b: evidencePoint(ankle),
      degrees: kneeAngle,
      about: squatting ? 'hinge.knees-too-bent' : null,
    });
  }
  if (back?.curve) {
    const backFault = rounded ? 'hinge.rounded-back' : arched ? 'hinge.hyperextension' : null;
    evidence.push(...outlineSideEvidence(back.curve.upper, backFault));
  }
  const result: HingeResult = {
    ...EMPTY_RESULT,
    status: 'ok',
    phase,
    view,
    faults,
    undecided,
    confidence,
    evidence,
    metrics,
    repSignal: rep.signal,
  };
  return { result, state: nextState };
}

/** One hinge exercise of the family: its id, name and limits; everything else is shared. */
export type HingeExercise<Id extends string> = RepExercise<
  Id,
  HingePhase,
  HingeFault,
  HingeState,
  HingeThresholds
>;

/**
 * A hinge exercise judged by `judgeHinge` with its own limits, the same at both strictnesses: the
 * data sets them past both norms (docs/judgement.md).
 */
export function hingeExercise<Id extends string>(
  id: Id,
  name: string,
  knees: HingeKneeThresholds,
): HingeExercise<Id> {
  const thresholds = hingeThresholds(knees);
  return {
    id,
    name,
    kind: 'reps',
    views: ['side', 'three-quarter', 'front'],
    requiredLandmarks: HINGE_REQUIREMENTS,
    phases: HINGE_PHASES,
    setupPhase: null,
    faults: HINGE_FAULTS,
    thresholds: { beginner: thresholds, advanced: thresholds },
    alternatesSides: false,
    usesBodyOutline: true,
    repSignal: HINGE_REP_SIGNAL,
    repCounter: { beginner: HINGE_REP_COUNTER, advanced: HINGE_REP_COUNTER },
    repMeasures: HINGE_REP_MEASURES,
    decisions: HINGE_DECISIONS,
    initialState: () => INITIAL_HINGE_STATE,
    evaluate(pose, state, context) {
      return judgeHinge(pose, state, context, this.thresholds[context.strictness]);
    },
  };
}
