import { hipMidpoint, shoulderMidpoint } from '../body';
import { angleFromVertical } from '../geometry/angles';
import { isFiniteVec3 } from '../geometry/vector';
import type { Vec3 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX } from '../landmarks';
import type { Pose } from '../pose';
import type { RepCounterConfig } from '../reps/rep-counter';
import { DEFAULT_REP_MAX_GAP_MS, DEFAULT_REP_MIN_DWELL_MS } from '../reps/rep-counter';
import { gatherLandmarks } from '../requirements';
import { estimateView } from '../view';
import type { VisibilityOptions } from '../visibility';
import { seenLandmark } from '../visibility';
import type { FaultDecision } from './decision';
import { EMPTY_RESULT, NO_PERSON_RESULT, evidencePoint, wrongViewResult } from './result-parts';
import type { EvaluateContext, Evaluation, Evidence, FormResult, RepExercise } from './types';
import { CARRY_UPRIGHT_MAX_DEG } from './farmers-carry';

const PALLOF_FAULTS = ['pallof-press.trunk-rotation'] as const;
export type PallofFault = (typeof PALLOF_FAULTS)[number];
/** 'setup': not standing upright yet; 'chest': hands in at the chest; 'pressed': arms out. */
export type PallofPhase = 'setup' | 'chest' | 'pressed';

export interface PallofThresholds {
  /** The shoulder or hip line turning from its own position at the chest while pressed, degrees. */
  readonly trunkRotationDeg: number;
  readonly trunkRotationUnsureDeg: number;
}

/*
 * The limit below is the method of docs/judgement.md run on the one labelled Pallof press (5 good
 * presses, MediaPipe full; calibration.test.ts checks it is that choice). No numeric norm for trunk
 * rotation in an anti-rotation press exists (docs/checkers.md), and world-landmark angles err by
 * 19-25° (Wang et al. 2026), so only gross rotation is cued.
 */
/**
 * The good presses turned the shoulder or hip line by up to 14.9° from its place at the chest,
 * held for the 400 ms fault gate (peaks of 17.5°: the arms reaching forward pull the shoulder
 * landmarks with them), so "can't judge" from 15°. They are one person's: no limit can be predicted
 * for the next from one source (docs/judgement.md), so rotation past 15° is "can't judge", not cued.
 */
export const PALLOF_TRUNK_ROTATION_UNSURE_DEG = 15;
export const PALLOF_TRUNK_ROTATION_DEG = Number.POSITIVE_INFINITY;
/** World-landmark angles against motion capture: 19-25° (Wang et al. 2026, docs/checkers.md). */
const WORLD_ANGLE_ERROR_DEG = 20;

const THRESHOLDS: PallofThresholds = {
  trunkRotationDeg: PALLOF_TRUNK_ROTATION_DEG,
  trunkRotationUnsureDeg: PALLOF_TRUNK_ROTATION_UNSURE_DEG,
};

const DECISIONS: readonly FaultDecision<PallofFault>[] = [
  {
    fault: 'pallof-press.trunk-rotation',
    metric: 'trunkRotationDeg',
    firesWhen: 'above',
    judgedIn: ['pressed'],
    limit: 'trunkRotationDeg',
    unsureFrom: 'trunkRotationUnsureDeg',
    norm: { beginner: 0, advanced: 0 },
    error: WORLD_ANGLE_ERROR_DEG,
    resolution: 1,
  },
];

/**
 * Reach: each arm's shoulder-to-wrist distance over the arm's length (upper arm plus forearm) in
 * the world landmarks, so pressing towards the camera reads as well as across it. Hands at the
 * chest (elbows bent, handle against the sternum) measured 0.73-0.80, pressed out 0.94-0.96: out
 * above 0.9, back in below 0.85.
 */
export const PALLOF_REP_COUNTER: RepCounterConfig = {
  enterTopAbove: 0.9,
  exitTopBelow: 0.85,
  minDwellMs: DEFAULT_REP_MIN_DWELL_MS,
  maxGapMs: DEFAULT_REP_MAX_GAP_MS,
};
/** Weight of each frame at the chest in the person's own shoulder and hip line (moving average). */
const BASELINE_WEIGHT = 0.2;

const REQUIRED = {
  leftShoulder: 'left_shoulder',
  rightShoulder: 'right_shoulder',
  leftHip: 'left_hip',
  rightHip: 'right_hip',
  wrist: { anyOf: ['left_wrist', 'right_wrist'] },
} as const;

export interface PallofState {
  /** The shoulder and hip lines' world yaw at the chest: the person's own square stance. */
  readonly shoulderYawDeg: number | null;
  readonly hipYawDeg: number | null;
  /** Since when the arms are out: the hold of the press. */
  readonly pressedSinceMs: number | null;
}

const INITIAL_STATE: PallofState = { shoulderYawDeg: null, hipYawDeg: null, pressedSinceMs: null };

function world(pose: Pose, name: LandmarkName): Vec3 | null {
  const point = pose.worldLandmarks?.[LANDMARK_INDEX[name]];
  return isFiniteVec3(point) ? point : null;
}

/** A line's direction about the vertical axis in the world landmarks, degrees; null without them. */
function worldYawDeg(pose: Pose, left: LandmarkName, right: LandmarkName): number | null {
  const a = world(pose, left);
  const b = world(pose, right);
  if (!a || !b || !(Math.hypot(b.x - a.x, b.z - a.z) > 0)) return null;
  return (Math.atan2(b.z - a.z, b.x - a.x) * 180) / Math.PI;
}

/** The smallest turn from `from` to `to`, -180..180°. */
function turnDeg(from: number, to: number): number {
  return ((((to - from + 180) % 360) + 360) % 360) - 180;
}

function armReach(pose: Pose, side: 'left' | 'right', options: VisibilityOptions): number | null {
  if (!seenLandmark(pose, `${side}_wrist`, options)) return null;
  const shoulder = world(pose, `${side}_shoulder`);
  const elbow = world(pose, `${side}_elbow`);
  const wrist = world(pose, `${side}_wrist`);
  if (!shoulder || !elbow || !wrist) return null;
  const span = (a: Vec3, b: Vec3): number => Math.hypot(b.x - a.x, b.y - a.y, b.z - a.z);
  const reach = span(shoulder, wrist) / (span(shoulder, elbow) + span(elbow, wrist));
  return Number.isFinite(reach) ? reach : null;
}

function movingAverage(previous: number | null, value: number | null): number | null {
  if (value === null) return previous;
  return previous === null ? value : previous + BASELINE_WEIGHT * turnDeg(previous, value);
}

function judgePallof(
  pose: Pose | null,
  state: PallofState,
  context: EvaluateContext,
  thresholds: PallofThresholds,
): Evaluation<PallofPhase, PallofFault, PallofState> {
  if (pose === null) {
    return { result: NO_PERSON_RESULT, state };
  }
  const options: VisibilityOptions = { imageSize: context.imageSize };
  const view = estimateView(pose, context.imageSize).view;
  // The reach and the trunk's turn are both read in depth: an engine without world landmarks
  // (MoveNet) can neither count nor judge, whatever the view, so it says so rather than wait.
  if (pose.worldLandmarks === null) {
    return { result: wrongViewResult(view, 'setup.needs-depth-engine'), state: INITIAL_STATE };
  }
  const seen = gatherLandmarks(pose, REQUIRED, options);
  if (!seen.ok) {
    return { result: { ...EMPTY_RESULT, status: 'cannot-see', view, unseen: seen.unseen }, state };
  }
  if (view !== 'front' && view !== 'three-quarter') {
    return { result: wrongViewResult(view, 'setup.turn-to-face'), state };
  }
  const shoulders = shoulderMidpoint(pose, options)?.point ?? null;
  const hips = hipMidpoint(pose, options)?.point ?? null;
  const trunkFromVertical = angleFromVertical(hips, shoulders);
  const reaches = (['left', 'right'] as const)
    .map((side) => armReach(pose, side, options))
    .filter((value): value is number => value !== null);
  const reach =
    reaches.length === 0 ? null : reaches.reduce((sum, value) => sum + value, 0) / reaches.length;
  const shoulderYaw = worldYawDeg(pose, 'left_shoulder', 'right_shoulder');
  const hipYaw = worldYawDeg(pose, 'left_hip', 'right_hip');
  const confidence = Math.min(
    1,
    seen.points.leftShoulder.visibility,
    seen.points.rightShoulder.visibility,
  );
  if (
    reach === null ||
    shoulderYaw === null ||
    hipYaw === null ||
    trunkFromVertical === null ||
    trunkFromVertical > CARRY_UPRIGHT_MAX_DEG
  ) {
    const result: FormResult<PallofPhase, PallofFault> = {
      ...EMPTY_RESULT,
      status: 'ok',
      phase: 'setup',
      view,
      viewAdvice: 'setup.get-in-position',
      confidence,
    };
    return { result, state: { ...state, pressedSinceMs: null } };
  }
  const t = context.timestampMs;
  const pressed =
    reach > PALLOF_REP_COUNTER.enterTopAbove ||
    (state.pressedSinceMs !== null && reach >= PALLOF_REP_COUNTER.exitTopBelow);
  const phase: PallofPhase = pressed ? 'pressed' : 'chest';
  const baselineShoulder = pressed
    ? state.shoulderYawDeg
    : movingAverage(state.shoulderYawDeg, shoulderYaw);
  const baselineHip = pressed ? state.hipYawDeg : movingAverage(state.hipYawDeg, hipYaw);
  const rotation =
    pressed && baselineShoulder !== null && baselineHip !== null
      ? Math.max(
          Math.abs(turnDeg(baselineShoulder, shoulderYaw)),
          Math.abs(turnDeg(baselineHip, hipYaw)),
        )
      : null;
  const rotated = rotation !== null && rotation > thresholds.trunkRotationDeg;
  const pressedSinceMs = pressed ? (state.pressedSinceMs ?? t) : null;
  const about = rotated ? 'pallof-press.trunk-rotation' : null;
  const { leftShoulder, rightShoulder, leftHip, rightHip } = seen.points;
  const evidence: Evidence[] = [
    { kind: 'line', from: evidencePoint(leftShoulder), to: evidencePoint(rightShoulder), about },
    { kind: 'line', from: evidencePoint(leftHip), to: evidencePoint(rightHip), about },
  ];
  const result: FormResult<PallofPhase, PallofFault> = {
    ...EMPTY_RESULT,
    status: 'ok',
    phase,
    view,
    faults: rotated ? ['pallof-press.trunk-rotation'] : [],
    confidence,
    evidence,
    metrics: {
      reachFraction: reach,
      shoulderYawDeg: shoulderYaw,
      hipYawDeg: hipYaw,
      ...(rotation === null ? {} : { trunkRotationDeg: rotation }),
      ...(pressedSinceMs === null || !Number.isFinite(t - pressedSinceMs)
        ? {}
        : { pressHeldMs: t - pressedSinceMs }),
    },
    repSignal: reach,
  };
  return {
    result,
    state: { shoulderYawDeg: baselineShoulder, hipYawDeg: baselineHip, pressedSinceMs },
  };
}

/**
 * Pallof press (band or cable anchored at your side): press the handle straight out from the chest,
 * hold, bring it back, the trunk square the whole time. Judged from the front or at an angle, where
 * the shoulder and hip lines show a turn in the world landmarks; one rep per press, each press's
 * hold in `pressHeldMs`. Without world landmarks (MoveNet) it can neither count nor judge, and says
 * so: the engine, not the view, is wrong ('setup.needs-depth-engine'; docs/checkers.md).
 */
export const pallofPress: RepExercise<
  'pallof-press',
  PallofPhase,
  PallofFault,
  PallofState,
  PallofThresholds
> = {
  id: 'pallof-press',
  name: 'Pallof press',
  kind: 'reps',
  views: ['front', 'three-quarter'],
  requiredLandmarks: REQUIRED,
  phases: ['setup', 'chest', 'pressed'],
  setupPhase: 'setup',
  faults: PALLOF_FAULTS,
  thresholds: { beginner: THRESHOLDS, advanced: THRESHOLDS },
  alternatesSides: false,
  sidesInTurn: true,
  repSignal: "reach: shoulder to wrist over the arm's length, world landmarks (1 straight out)",
  repCounter: { beginner: PALLOF_REP_COUNTER, advanced: PALLOF_REP_COUNTER },
  decisions: DECISIONS,
  initialState: () => INITIAL_STATE,
  evaluate(pose, state, context) {
    return judgePallof(pose, state, context, this.thresholds[context.strictness]);
  },
};
