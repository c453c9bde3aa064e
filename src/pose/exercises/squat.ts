import { hipMidpoint } from '../body';
import { angleAt, angleFromVertical, elevationAngle } from '../geometry/angles';
import { distance } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import type { BackCurveSmootherState } from '../outline/back-curve';
import { INITIAL_BACK_CURVE_SMOOTHER } from '../outline/back-curve';
import type { Pose } from '../pose';
import type { RepCounterConfig } from '../reps/rep-counter';
import { DEFAULT_REP_MAX_GAP_MS, DEFAULT_REP_MIN_DWELL_MS } from '../reps/rep-counter';
import { gatherLandmarks } from '../requirements';
import type { LandmarkRequirements, SeenPoint } from '../requirements';
import type { Side } from '../side';
import { sideLandmarkName } from '../side';
import { estimateView } from '../view';
import type { BodyPart, VisibilityOptions } from '../visibility';
import { hiddenInFrame, seenLandmark } from '../visibility';
import { LEANING_FROM_VERTICAL_DEG, outlineSideEvidence, readLeaningBack } from './back-outline';
import type { LeaningBackReading } from './back-outline';
import {
  HINGE_BACK_ROUNDING_DEG,
  HINGE_BACK_ROUNDING_UNSURE_DEG,
  HINGE_BOTTOM_DWELL_MS,
} from './hinge';
import { ANGLE_2D_ERROR_DEG, unsureBetween } from './decision';
import type { FaultDecision } from './decision';
import { EMPTY_RESULT, NO_PERSON_RESULT, evidencePoint, wrongViewResult } from './result-parts';
import type {
  EvaluateContext,
  Evaluation,
  Evidence,
  FormResult,
  RepExercise,
  RepMeasure,
  Undecided,
  UndecidedReason,
} from './types';

const SQUAT_FAULTS = [
  'squat.rounded-back',
  'squat.heels-rising',
  'squat.knees-caving',
  'squat.too-shallow',
] as const;
export type SquatFault = (typeof SQUAT_FAULTS)[number];
/** 'standing': hips near their standing height; 'down': on the way down, at the bottom, or up. */
export type SquatPhase = 'standing' | 'down';

export interface SquatThresholds {
  /** The back's outline humping (rounding) while the trunk leans forward, degrees. */
  readonly backRoundingDeg: number;
  readonly backRoundingUnsureDeg: number;
  /** The heel above the toes (the foot's pitch) side-on, degrees. */
  readonly heelRiseDeg: number;
  readonly heelRiseUnsureDeg: number;
  /** A knee inside the hip-ankle line from the front (frontal plane projection angle), degrees. */
  readonly kneeValgusDeg: number;
  readonly kneeValgusUnsureDeg: number;
  /** Side-on, the rep's lowest thigh (hip to knee) above horizontal beyond this: shallow, degrees. */
  readonly shallowThighDeg: number;
  readonly shallowThighUnsureDeg: number;
}

/*
 * The limits below are the method of docs/judgement.md run on the three labelled squat clips
 * (MediaPipe full; calibration.test.ts checks they are that choice). Each fault is read in one
 * view only, and the clips are one per view, so most of each limit is the norm or the measurement
 * error rather than good recordings (docs/checkers.md, "Squat").
 */
/**
 * Rounding (the back's outline humping at the lumbar spine, read once the trunk leans 30° forward):
 * no norm exists, and the one side-on squat leans past 30° for only 8 frames at its bottom (to 34°),
 * where the outline read -37 to +4° (arched, then flat; -25° held for the 400 ms gate), too few and
 * too changeable to set a limit on, so the squat takes the hinge family's limits (hinge.ts): the same
 * outline read the same way on the good recordings that read it. Not a data-chosen decision of this
 * exercise (it is not in `decisions`); its "can't judge" band is applied here. Nor is that reading
 * kept per rep (`SQUAT_REP_MEASURES`).
 */
export const SQUAT_BACK_ROUNDING_UNSURE_DEG = HINGE_BACK_ROUNDING_UNSURE_DEG;
export const SQUAT_BACK_ROUNDING_DEG = HINGE_BACK_ROUNDING_DEG;
/**
 * Heels rising: a foot flat on the floor holds the heel landmark level with the toes or below it
 * (standing in the clips: 2-8 px below, about -4°); no published tolerance exists, so flat (0°) is
 * the top of good form and the cue comes one 2D angle error past it (6°, Stenum 2021). No good
 * side-on squat was recorded to measure it; the heels-rising clip held about 15-20° at the bottom.
 */
export const SQUAT_HEEL_RISE_UNSURE_DEG = 0;
export const SQUAT_HEEL_RISE_DEG = 6;
/**
 * Knees caving, as the frontal plane projection angle (FPPA; positive = valgus): healthy active
 * adults land a drop jump with 7-13° (women) and 3-8° (men) (Herrington & Munro 2010, docs/checkers.md),
 * so up to 13° is good form; the cue comes one 2D angle error past it (19°). The one front-on squat
 * (kneescaving_01, labelled a doubtful, mild valgus) measured under 9°: not cued, and at the bottom,
 * where the thighs point at the camera, "can't judge".
 */
export const SQUAT_KNEE_VALGUS_UNSURE_DEG = 13;
export const SQUAT_KNEE_VALGUS_DEG = 19;
/**
 * Depth, side-on: the rep's lowest thigh elevation (hip above knee), read once the hips rise again.
 * The usual standard is the thighs parallel to the floor (0°; docs/checkers.md), so parallel is the
 * top of good form, "can't judge" up to one 2D angle error above it, and the rep counts as shallow
 * past 6° (Stenum 2021). The one side-on squat bottomed at -1°. A rep is read as shallow only once
 * its hips rise from the bottom, never on the way down, and said until the next descent.
 */
export const SQUAT_SHALLOW_THIGH_UNSURE_DEG = 0;
export const SQUAT_SHALLOW_THIGH_DEG = 6;
/** The thighs parallel to the floor: the depth standard (docs/checkers.md). */
const PARALLEL_THIGH_DEG = 0;
/**
 * The hips count as rising, the rep's bottom behind them, once they are this far (leg lengths of
 * `hipHeightPerLeg`) above their lowest: five times the frame jitter of the side-on clip (0.01).
 */
const RISING_FROM_BOTTOM_PER_LEG = 0.05;
/**
 * A rep's depth is read only where frames flank its lowest hips this closely, ms: the frame seen
 * lowest then sits at most half of it from the true bottom. The side-on squat turns there at about
 * 1500°/s² (its frames' second differences), so at 140 ms the thigh reads at most ½·1500·0.07² ≈ 4°
 * above its bottom, inside the 6° "can't judge" band; at 5 fps (200 ms) 7.5°, past it. A bottom
 * with no frame just before it (a set started on the way up, a person back in view at the bottom)
 * is not read either: the squat begun mid-rise read the thigh 12-52° up and cued "too shallow" on
 * a rep that reached parallel (squat.test.ts).
 */
export const MAX_BOTTOM_FRAME_GAP_MS = 140;

const THRESHOLDS: SquatThresholds = {
  backRoundingDeg: SQUAT_BACK_ROUNDING_DEG,
  backRoundingUnsureDeg: SQUAT_BACK_ROUNDING_UNSURE_DEG,
  heelRiseDeg: SQUAT_HEEL_RISE_DEG,
  heelRiseUnsureDeg: SQUAT_HEEL_RISE_UNSURE_DEG,
  kneeValgusDeg: SQUAT_KNEE_VALGUS_DEG,
  kneeValgusUnsureDeg: SQUAT_KNEE_VALGUS_UNSURE_DEG,
  shallowThighDeg: SQUAT_SHALLOW_THIGH_DEG,
  shallowThighUnsureDeg: SQUAT_SHALLOW_THIGH_UNSURE_DEG,
};

const NO_NORM = { beginner: 0, advanced: 0 } as const;
/** Herrington & Munro 2010: the top of the women's normal drop-jump FPPA range (docs/checkers.md). */
const KNEE_VALGUS_NORM_DEG = 13;

/** Rounding, decided like the deadlift's (see SQUAT_BACK_ROUNDING_DEG), not chosen on squats. */
const ROUNDING_DECISION: FaultDecision<SquatFault> = {
  fault: 'squat.rounded-back',
  metric: 'backRoundingDeg',
  firesWhen: 'above',
  judgedIn: ['down'],
  limit: 'backRoundingDeg',
  unsureFrom: 'backRoundingUnsureDeg',
  norm: NO_NORM,
  error: ANGLE_2D_ERROR_DEG,
  resolution: 1,
};

/**
 * Depth, decided by the norm (thighs parallel) and the 2D error alone (see SQUAT_SHALLOW_THIGH_DEG):
 * the one side-on squat reads it for under a second, too short to choose a limit on, so it is not a
 * data-chosen decision (not in `decisions`); its "can't judge" band is applied here.
 */
const DEPTH_DECISION: FaultDecision<SquatFault> = {
  fault: 'squat.too-shallow',
  metric: 'repBottomThighDeg',
  firesWhen: 'above',
  judgedIn: ['down', 'standing'],
  limit: 'shallowThighDeg',
  unsureFrom: 'shallowThighUnsureDeg',
  norm: { beginner: PARALLEL_THIGH_DEG, advanced: PARALLEL_THIGH_DEG },
  error: ANGLE_2D_ERROR_DEG,
  resolution: 1,
};

/** Heels and knees are judged standing too: up on the toes or knees in is a fault at any depth. */
const DECISIONS: readonly FaultDecision<SquatFault>[] = [
  {
    fault: 'squat.heels-rising',
    metric: 'heelRiseDeg',
    firesWhen: 'above',
    judgedIn: ['standing', 'down'],
    limit: 'heelRiseDeg',
    unsureFrom: 'heelRiseUnsureDeg',
    norm: NO_NORM,
    error: ANGLE_2D_ERROR_DEG,
    resolution: 1,
  },
  {
    fault: 'squat.knees-caving',
    metric: 'kneeValgusDeg',
    firesWhen: 'above',
    judgedIn: ['standing', 'down'],
    limit: 'kneeValgusDeg',
    unsureFrom: 'kneeValgusUnsureDeg',
    norm: { beginner: KNEE_VALGUS_NORM_DEG, advanced: KNEE_VALGUS_NORM_DEG },
    error: ANGLE_2D_ERROR_DEG,
    resolution: 1,
  },
];

/** The faults read standing as well as down. */
const JUDGED_STANDING: ReadonlySet<SquatFault> = new Set(
  DECISIONS.filter((decision) => decision.judgedIn.includes('standing')).map(
    (decision) => decision.fault,
  ),
);

/**
 * The rep signal: the hips' height above the ankles over the leg's length (thigh plus shank in the
 * image), 1 standing straight. It reads the same in every view (a knee angle from the front does
 * not). Standing measured 0.95-1.0; the bottoms 0.35 (side-on) to 0.6 (front-on, where the thigh
 * is foreshortened), so the top is above 0.9 and the bottom below 0.8 (a quarter squat still counts).
 * The bottom is a bounce, so it is reached after half the dwell, as a hinge's
 * (`HINGE_BOTTOM_DWELL_MS`): the front-on squat stays under 0.8 for 330 ms, 220 ms done a half
 * faster (docs/checkers.md).
 */
export const SQUAT_REP_COUNTER: RepCounterConfig = {
  enterTopAbove: 0.9,
  exitTopBelow: 0.8,
  minDwellMs: DEFAULT_REP_MIN_DWELL_MS,
  minBottomDwellMs: HINGE_BOTTOM_DWELL_MS,
  maxGapMs: DEFAULT_REP_MAX_GAP_MS,
  countsAt: 'top',
};
/**
 * A knee's angle from the front is read only while the thigh shows at least this share of the
 * shank's length: deeper, the thigh points at the camera and a few pixels swing the angle by tens
 * of degrees (the front-on clip's bottom: 0.5-0.6).
 */
const MIN_THIGH_PER_SHANK_FRONT = 0.8;
/**
 * ...and while the knee sits this far (in shank lengths) below the hip: near the bottom of a deep
 * squat the hip drops to the knee's height and the thigh's direction on screen is noise (the barbell
 * squat's bottom, seen front-on for a few frames, measured 169°).
 */
const MIN_KNEE_DROP_PER_SHANK_FRONT = 0.5;

/** The rep is counted from the thighs where the feet or the head leave a close frame. */
const REQUIRED = {
  hip: { anyOf: ['left_hip', 'right_hip'] },
  knee: { anyOf: ['left_knee', 'right_knee'] },
} as const;
const SIDES: readonly Side[] = ['left', 'right'];
/**
 * What each rep keeps, side-on where it is read: its depth as the "go deeper" cue read it (the
 * thigh at the rep's lowest hips, `repBottomThighDeg`), taken as the rep is counted. Not the back's
 * curve: on the one side-on squat the outline read -37 to +4° within half a second as the trunk
 * first leant past 30° (squat.test.ts), a reading no squat footage has shown to be the back's
 * shape, so no rep is said to have arched or curved by it.
 */
const SQUAT_REP_MEASURES: readonly RepMeasure[] = [{ metric: 'repBottomThighDeg', atCount: true }];

export interface SquatState {
  readonly back: BackCurveSmootherState;
  /** Whether the last judged frame was down: a new descent starts the rep's depth afresh. */
  readonly down: boolean;
  /** The lowest hip height of the current or last rep (kept while standing): its depth. */
  readonly repDepth: number | null;
  /**
   * The current rep's thigh elevation at its lowest hips, degrees, or lower where a later side-on
   * frame read less; null when the lowest hips were not seen side-on.
   */
  readonly repBottomThighDeg: number | null;
  /** The frames either side of the current rep's lowest hips (`MAX_BOTTOM_FRAME_GAP_MS`). */
  readonly bottom: BottomFrames | null;
  /** When the hips' height was last read, ms. */
  readonly lastReadMs: number | null;
}

/** When a rep's lowest hips were read, and how long before and after it the frames either side were. */
interface BottomFrames {
  readonly atMs: number;
  /** Infinite where no frame was read before it. */
  readonly gapBeforeMs: number;
  /** Null until the frame after it. */
  readonly gapAfterMs: number | null;
}

const INITIAL_STATE: SquatState = {
  back: INITIAL_BACK_CURVE_SMOOTHER,
  down: false,
  repDepth: null,
  repBottomThighDeg: null,
  bottom: null,
  lastReadMs: null,
};

type SquatResult = FormResult<SquatPhase, SquatFault>;

/** One side's hip and knee: the thigh, what a close frame still shows of a leg. */
interface Thigh {
  readonly hip: SeenPoint;
  readonly knee: SeenPoint;
}

interface Leg extends Thigh {
  readonly ankle: SeenPoint;
}

function seenJoint(
  pose: Pose,
  side: Side,
  joint: 'shoulder' | 'hip' | 'knee' | 'ankle',
  options: VisibilityOptions,
): SeenPoint | null {
  const name: LandmarkName = sideLandmarkName(side, joint);
  const point = seenLandmark(pose, name, options);
  return point ? { ...point, name } : null;
}

function thighOf(pose: Pose, side: Side, options: VisibilityOptions): Thigh | null {
  const hip = seenJoint(pose, side, 'hip', options);
  const knee = seenJoint(pose, side, 'knee', options);
  return hip && knee ? { hip, knee } : null;
}

function legOf(thigh: Thigh, pose: Pose, side: Side, options: VisibilityOptions): Leg | null {
  const ankle = seenJoint(pose, side, 'ankle', options);
  return ankle ? { ...thigh, ankle } : null;
}

/**
 * The hips' height above the ankle over twice the shank's image length (1 standing with thigh and
 * shank equal): the shank is the segment the camera foreshortens least, from the front as from the
 * side, where the thigh points at a front camera at the bottom. Null for a degenerate leg.
 */
export function hipHeightPerLeg(leg: Leg): number | null {
  const shank = distance(leg.knee, leg.ankle);
  if (shank === null || !(shank > 0)) return null;
  const height = (leg.ankle.y - leg.hip.y) / (2 * shank);
  return Number.isFinite(height) ? height : null;
}

/**
 * With the feet below the picture's edge (a laptop close by, its camera low), the rep is counted
 * from what is still seen: the height a thigh puts the hips at over a vertical shank as long as
 * itself, (1 + the knee's drop below the hip over the thigh's length) / 2, 1 standing and 1/2 with
 * the thigh level. A shank leaning forward at the bottom lowers the hips further, so this reads a
 * squat no deeper than it was: on the side-on squat it read 0.97-1.0 standing and 0.49 at the
 * bottom where the ankles read 0.37, and crossed `SQUAT_REP_COUNTER`'s 0.8 on the same frames
 * (squat.test.ts). From the front the thigh points at the camera: at the front-on squat's deepest
 * frames it read 0.73-0.79 where the ankles read 0.64-0.66, so the front view does not read it.
 */
export function hipHeightFromThigh(thigh: Thigh): number | null {
  const length = distance(thigh.hip, thigh.knee);
  if (length === null || !(length > 0)) return null;
  const height = (1 + (thigh.knee.y - thigh.hip.y) / length) / 2;
  return Number.isFinite(height) ? height : null;
}

/**
 * The knee's frontal plane projection angle (FPPA): 180° minus the hip-knee-ankle angle, positive
 * when the knee sits inside the hip-ankle line (towards `midlineX`, valgus), negative outside it.
 * Null when the thigh is foreshortened (`MIN_THIGH_PER_SHANK_FRONT`) or the leg is degenerate.
 */
export function kneeValgusDeg(leg: Leg, midlineX: number): number | null {
  const angle = angleAt(leg.hip, leg.knee, leg.ankle);
  const thigh = distance(leg.hip, leg.knee);
  const shank = distance(leg.knee, leg.ankle);
  const drop = leg.ankle.y - leg.hip.y;
  if (angle === null || thigh === null || shank === null || !(drop > 0)) return null;
  if (thigh < MIN_THIGH_PER_SHANK_FRONT * shank) return null;
  if (leg.knee.y - leg.hip.y < MIN_KNEE_DROP_PER_SHANK_FRONT * shank) return null;
  const lineX = leg.hip.x + ((leg.knee.y - leg.hip.y) / drop) * (leg.ankle.x - leg.hip.x);
  const inward = Math.sign(midlineX - lineX) * (leg.knee.x - lineX) > 0;
  return (180 - angle) * (inward ? 1 : -1);
}

function worst(values: readonly (number | null)[]): number | null {
  const read = values.filter((value): value is number => value !== null);
  return read.length === 0 ? null : Math.max(...read);
}

/** A leg's knee angle, or only its thigh where the foot is out of the picture. */
function legEvidence(leg: Leg | Thigh, about: SquatFault | null): Evidence {
  if (!('ankle' in leg)) {
    return { kind: 'line', from: evidencePoint(leg.hip), to: evidencePoint(leg.knee), about };
  }
  const degrees = angleAt(leg.hip, leg.knee, leg.ankle);
  return degrees === null
    ? { kind: 'line', from: evidencePoint(leg.hip), to: evidencePoint(leg.ankle), about }
    : {
        kind: 'angle',
        vertex: evidencePoint(leg.knee),
        a: evidencePoint(leg.hip),
        b: evidencePoint(leg.ankle),
        degrees,
        about,
      };
}

/** What one view reads of the squat's faults: measures, evidence, and what it cannot judge. */
interface ViewReading {
  readonly metrics: Record<string, number>;
  readonly evidence: Evidence[];
  readonly undecided: Undecided<SquatFault>[];
  readonly back: LeaningBackReading | null;
  /** Side-on, the near thigh (hip to knee) to draw when the rep is shallow. */
  readonly thigh: Evidence | null;
}

function undecidedFor(
  faults: readonly SquatFault[],
  reason: UndecidedReason,
): Undecided<SquatFault>[] {
  return faults.map((fault) => ({ fault, reason }));
}

/** The near side's thigh: side-on, what depth is read from and what a close frame still shows. */
const NEAR_SIDE_THIGH = {
  hip: { nearSide: 'hip' },
  knee: { nearSide: 'knee' },
} as const satisfies LandmarkRequirements;

/**
 * Side-on: the heel against the toes, the thigh's depth, and the back's outline once the trunk
 * leans forward; each from the near side's joints it needs, as a close frame may cut the head or
 * the feet.
 */
function readHeelsAndBack(
  pose: Pose,
  state: SquatState,
  context: EvaluateContext,
  options: VisibilityOptions,
  thresholds: SquatThresholds,
): ViewReading | null {
  const near = gatherLandmarks(pose, NEAR_SIDE_THIGH, options);
  if (!near.ok || near.side === null) return null;
  const { hip, knee } = near.points;
  const side = near.side;
  const shoulder = seenJoint(pose, side, 'shoulder', options);
  const ankle = seenJoint(pose, side, 'ankle', options);
  const heel = seenLandmark(pose, sideLandmarkName(side, 'heel'), options);
  const toes = seenLandmark(pose, sideLandmarkName(side, 'foot_index'), options);
  const heelRise = heel && toes ? elevationAngle(toes, heel) : null;
  const trunkFromVertical = shoulder && angleFromVertical(hip, shoulder);
  const leaning = trunkFromVertical !== null && trunkFromVertical >= LEANING_FROM_VERTICAL_DEG;
  const back =
    shoulder && leaning
      ? readLeaningBack(pose, shoulder, hip, state.back, context.timestampMs)
      : null;
  const rounding = back?.roundingDeg ?? null;
  const thighElevation = elevationAngle(knee, hip);
  const metrics: Record<string, number> = {
    ...(trunkFromVertical === null ? {} : { trunkFromVerticalDeg: trunkFromVertical }),
    ...(thighElevation === null ? {} : { thighElevationDeg: thighElevation }),
    ...(heelRise === null ? {} : { heelRiseDeg: heelRise }),
    ...(back ? back.metrics : {}),
    ...(rounding === null ? {} : { backRoundingDeg: rounding }),
  };
  const evidence: Evidence[] = [legEvidence(ankle ? { hip, knee, ankle } : { hip, knee }, null)];
  if (heel && toes) {
    const rising = heelRise !== null && heelRise > thresholds.heelRiseDeg;
    evidence.push({
      kind: 'line',
      from: evidencePoint(heel, sideLandmarkName(side, 'heel')),
      to: evidencePoint(toes, sideLandmarkName(side, 'foot_index')),
      about: rising ? 'squat.heels-rising' : null,
    });
  }
  if (back?.curve) {
    const rounded = rounding !== null && rounding > thresholds.backRoundingDeg;
    evidence.push(...outlineSideEvidence(back.curve.upper, rounded ? 'squat.rounded-back' : null));
  }
  // An upright trunk shows no back outline to read, a hidden foot no heel: neither is called good.
  // Where the part is out of the picture, a step back shows it: that is said first.
  const outOfFrame = (part: BodyPart) => !hiddenInFrame(pose, [part], context.imageSize);
  const backUnread: UndecidedReason =
    shoulder === null && outOfFrame('shoulders') ? 'out-of-frame' : (back?.unread ?? 'ambiguous');
  const heelsUnread: UndecidedReason = outOfFrame('feet') ? 'out-of-frame' : 'ambiguous';
  const undecided: Undecided<SquatFault>[] = [
    ...undecidedFor(['squat.knees-caving'], 'needs-front-view'),
    ...(rounding === null ? undecidedFor(['squat.rounded-back'], backUnread) : []),
    ...(heelRise === null ? undecidedFor(['squat.heels-rising'], heelsUnread) : []),
  ].sort((a, b) => Number(b.reason === 'out-of-frame') - Number(a.reason === 'out-of-frame'));
  const thigh: Evidence = {
    kind: 'line',
    from: evidencePoint(hip),
    to: evidencePoint(knee),
    about: 'squat.too-shallow',
  };
  return { metrics, evidence, undecided, back, thigh };
}

/** Facing the camera (or with the back to it): each knee against its hip-ankle line. */
function readKnees(pose: Pose, legs: readonly Leg[], thresholds: SquatThresholds): ViewReading {
  const midline = hipMidpoint(pose, { imageSize: null })?.point.x ?? null;
  const valgus =
    midline === null ? [] : legs.map((leg) => ({ leg, deg: kneeValgusDeg(leg, midline) }));
  const worstValgus = worst(valgus.map((entry) => entry.deg));
  return {
    metrics: worstValgus === null ? {} : { kneeValgusDeg: worstValgus },
    evidence: valgus.map(({ leg, deg }) =>
      legEvidence(
        leg,
        deg !== null && deg > thresholds.kneeValgusDeg ? 'squat.knees-caving' : null,
      ),
    ),
    undecided: [
      ...undecidedFor(
        ['squat.heels-rising', 'squat.rounded-back', 'squat.too-shallow'],
        'needs-side-view',
      ),
      ...(worstValgus === null ? undecidedFor(['squat.knees-caving'], 'ambiguous') : []),
    ],
    back: null,
    thigh: null,
  };
}

/** What a frame reads of the rep's depth (side-on), and what it leaves open. */
interface DepthReading {
  /**
   * The rep's bottom thigh elevation once the hips rise from it, kept standing until the next
   * descent (so a shallow rep is said after it, and counts against that rep only: the next starts
   * afresh at its bottom); null before or unread.
   */
  readonly bottomThighDeg: number | null;
  readonly repBottomThighDeg: number | null;
  readonly bottom: BottomFrames | null;
  /** The thigh (hip to knee) to draw, side-on. */
  readonly thigh: Evidence | null;
  readonly undecided: Undecided<SquatFault>[];
}

function readDepth(
  state: SquatState,
  reading: ViewReading,
  sideOn: boolean,
  down: boolean,
  hipHeight: number,
  previousDepth: number | null,
  repDepth: number | null,
  timestampMs: number,
): DepthReading {
  const thighDeg = reading.metrics.thighElevationDeg ?? null;
  const lowest = previousDepth === null || hipHeight <= previousDepth;
  const bottom: BottomFrames | null =
    down && lowest
      ? {
          atMs: timestampMs,
          gapBeforeMs:
            state.lastReadMs === null ? Number.POSITIVE_INFINITY : timestampMs - state.lastReadMs,
          gapAfterMs: null,
        }
      : state.bottom && state.bottom.gapAfterMs === null
        ? { ...state.bottom, gapAfterMs: timestampMs - state.bottom.atMs }
        : state.bottom;
  const bottomSeenClosely =
    bottom !== null &&
    bottom.gapAfterMs !== null &&
    Math.max(bottom.gapBeforeMs, bottom.gapAfterMs) <= MAX_BOTTOM_FRAME_GAP_MS;
  const kept = down && !state.down ? null : state.repBottomThighDeg;
  // At new lowest hips, the thigh there (none if not seen side-on); after them, only less.
  const repBottomThighDeg = !down
    ? state.repBottomThighDeg
    : lowest
      ? thighDeg
      : kept !== null && thighDeg !== null
        ? Math.min(kept, thighDeg)
        : kept;
  const rising = down && repDepth !== null && hipHeight >= repDepth + RISING_FROM_BOTTOM_PER_LEG;
  const bottomThighDeg = (rising || !down) && bottomSeenClosely ? repBottomThighDeg : null;
  return {
    bottomThighDeg,
    repBottomThighDeg,
    bottom,
    thigh: reading.thigh,
    // Side-on with the bottom unseen, the depth is not called good (other views say their own).
    undecided:
      rising && bottomThighDeg === null && sideOn
        ? undecidedFor(['squat.too-shallow'], 'ambiguous')
        : [],
  };
}

function judgeSquat(
  pose: Pose | null,
  state: SquatState,
  context: EvaluateContext,
  thresholds: SquatThresholds,
): Evaluation<SquatPhase, SquatFault, SquatState> {
  if (pose === null) {
    return { result: NO_PERSON_RESULT, state };
  }
  const options: VisibilityOptions = { imageSize: context.imageSize };
  const viewEstimate = estimateView(pose, context.imageSize);
  const view = viewEstimate.view;
  if (view === 'unknown') {
    return { result: wrongViewResult(view, 'setup.turn-sideways'), state };
  }
  const seen = gatherLandmarks(pose, REQUIRED, options);
  const thighs = SIDES.flatMap((side) => {
    const thigh = thighOf(pose, side, options);
    return thigh ? [{ side, thigh }] : [];
  });
  const legs = thighs.flatMap(({ side, thigh }) => legOf(thigh, pose, side, options) ?? []);
  const legHeights = legs.flatMap((leg) => hipHeightPerLeg(leg) ?? []);
  // Feet below the picture's edge, not hidden behind the body: the thighs count the rep (not from
  // the front: `hipHeightFromThigh`), and what needs the feet is left open.
  const feetOut = legHeights.length === 0 && !hiddenInFrame(pose, ['ankles'], context.imageSize);
  const heights =
    feetOut && view !== 'front'
      ? thighs.flatMap(({ thigh }) => hipHeightFromThigh(thigh) ?? [])
      : legHeights;
  if (!seen.ok || heights.length === 0) {
    return {
      result: {
        ...EMPTY_RESULT,
        status: 'cannot-see',
        view,
        unseen: !seen.ok ? [...seen.unseen] : thighs.length > 0 ? ['ankles'] : ['hips', 'knees'],
      },
      state: { ...state, back: INITIAL_BACK_CURVE_SMOOTHER },
    };
  }
  // The legs' mean: from the front both count; side-on the far one is usually unseen.
  const hipHeight = heights.reduce((sum, value) => sum + value, 0) / heights.length;
  const phase: SquatPhase = hipHeight > SQUAT_REP_COUNTER.enterTopAbove ? 'standing' : 'down';
  const down = phase === 'down';
  const reading: ViewReading =
    view === 'side'
      ? (readHeelsAndBack(pose, state, context, options, thresholds) ?? {
          metrics: {},
          evidence: [],
          undecided: undecidedFor(['squat.heels-rising', 'squat.rounded-back'], 'ambiguous'),
          back: null,
          thigh: null,
        })
      : view === 'front'
        ? readKnees(pose, legs, thresholds)
        : {
            metrics: {},
            evidence: (legs.length > 0 ? legs : thighs.map(({ thigh }) => thigh)).map((leg) =>
              legEvidence(leg, null),
            ),
            undecided: [
              ...undecidedFor(
                ['squat.heels-rising', 'squat.rounded-back', 'squat.too-shallow'],
                'needs-side-view',
              ),
              ...undecidedFor(['squat.knees-caving'], 'needs-front-view'),
            ],
            back: null,
            thigh: null,
          };
  const previousDepth = down && !state.down ? null : state.repDepth;
  const repDepth = down ? Math.min(previousDepth ?? hipHeight, hipHeight) : state.repDepth;
  const depthRead = readDepth(
    state,
    reading,
    view === 'side',
    down,
    hipHeight,
    previousDepth,
    repDepth,
    context.timestampMs,
  );
  const metrics: Record<string, number> = {
    ...reading.metrics,
    ...(depthRead.bottomThighDeg === null ? {} : { repBottomThighDeg: depthRead.bottomThighDeg }),
  };
  const past = (metric: string, limit: number): boolean => {
    const value = metrics[metric];
    return value !== undefined && value > limit;
  };
  const faults: SquatFault[] = [
    ...(down && past('backRoundingDeg', thresholds.backRoundingDeg)
      ? (['squat.rounded-back'] as const)
      : []),
    ...(past('heelRiseDeg', thresholds.heelRiseDeg) ? (['squat.heels-rising'] as const) : []),
    ...(past('kneeValgusDeg', thresholds.kneeValgusDeg) ? (['squat.knees-caving'] as const) : []),
    ...(past('repBottomThighDeg', thresholds.shallowThighDeg)
      ? (['squat.too-shallow'] as const)
      : []),
  ];
  const evidence =
    depthRead.thigh && faults.includes('squat.too-shallow')
      ? [...reading.evidence, depthRead.thigh]
      : reading.evidence;
  const undecided = [...reading.undecided, ...depthRead.undecided];
  const judged: SquatResult = {
    ...EMPTY_RESULT,
    status: 'ok',
    phase,
    view,
    faults,
    // Standing, nothing is left open but what a step back would show of the checks read standing
    // too (the heels): with the feet out of the picture, "Good form" would be said over them.
    undecided: down
      ? undecided.filter((entry) => !faults.includes(entry.fault))
      : undecided.filter(
          (entry) => entry.reason === 'out-of-frame' && JUDGED_STANDING.has(entry.fault),
        ),
    confidence: Math.min(1, seen.points.hip.visibility, seen.points.knee.visibility),
    evidence,
    metrics: {
      ...metrics,
      hipHeightPerLeg: hipHeight,
      ...(viewEstimate.yawDeg === null ? {} : { viewYawDeg: viewEstimate.yawDeg }),
      ...(repDepth === null ? {} : { repDepthHipHeightPerLeg: repDepth }),
    },
    repSignal: hipHeight,
  };
  const result = {
    ...judged,
    undecided: unsureBetween([ROUNDING_DECISION, DEPTH_DECISION], thresholds, judged),
  };
  return {
    result,
    state: {
      back: reading.back?.state ?? INITIAL_BACK_CURVE_SMOOTHER,
      down,
      repDepth,
      repBottomThighDeg: depthRead.repBottomThighDeg,
      bottom: depthRead.bottom,
      lastReadMs: context.timestampMs,
    },
  };
}

/**
 * Squat (bodyweight or goblet): hips back and down with the chest up, heels on the floor, knees
 * over the toes. Side-on it judges the back's outline, the heels and each rep's depth (the thighs
 * towards parallel, read once the hips rise from the bottom); front-on (or from behind)
 * the knees caving in; each view says what only the other can see. One rep per return to
 * standing; each rep's depth is its lowest hip height (the rep's range in the history).
 */
export const squat: RepExercise<'squat', SquatPhase, SquatFault, SquatState, SquatThresholds> = {
  id: 'squat',
  name: 'Squat',
  kind: 'reps',
  views: ['side', 'front', 'three-quarter'],
  requiredLandmarks: REQUIRED,
  phases: ['standing', 'down'],
  setupPhase: null,
  faults: SQUAT_FAULTS,
  thresholds: { beginner: THRESHOLDS, advanced: THRESHOLDS },
  alternatesSides: false,
  usesBodyOutline: true,
  repSignal: "hips' height above the ankles over the leg's length (1 standing)",
  repCounter: { beginner: SQUAT_REP_COUNTER, advanced: SQUAT_REP_COUNTER },
  repMeasures: SQUAT_REP_MEASURES,
  decisions: DECISIONS,
  initialState: () => INITIAL_STATE,
  evaluate(pose, state, context) {
    return judgeSquat(pose, state, context, this.thresholds[context.strictness]);
  },
};
